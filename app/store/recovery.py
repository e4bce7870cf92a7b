"""Repair a damaged database from a backup, as a small journaled procedure a crash cannot break.

The steps, each one safe to be cut short by a kill:
1. the newest good backup is copied into `companion.sqlite3.restoring` and checked;
2. a marker file `companion.sqlite3.recovery` records the intent (atomically: written aside,
   synced, renamed);
3. the damaged file's -wal, -shm and -journal, then the file itself, are renamed to
   `companion.sqlite3.damaged-<time>` (kept, never changed);
4. the restored copy is renamed into place.
At the next start a marker means "finish this first": the renames still to do are done, in the
same order, and the patient is told. Before the marker exists nothing has been moved, so the
damaged file is simply found again. The marker stays until the patient has been told
(`acknowledge`), so a kill before the message shows means the message shows next time.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.store import backups
from app.store.errors import StoreUnavailable, describe, environment_kind
from app.store.health import DatabaseTooNew, inspect, sidecars

log = logging.getLogger(__name__)

MARKER_SUFFIX = ".recovery"
RESTORING_SUFFIX = ".restoring"
DAMAGED_INFIX = ".damaged-"


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged file, for the message the user sees."""

    reason: str
    damaged_copy: Path
    restored_from: datetime | None  # None: no good backup, the app started with empty data
    # Only the latest changes were lost (a damaged -wal); the rest of the file is in use.
    recent_changes_lost: bool = False


def _reached(step: str) -> None:
    """A step of the procedure is done and on disk. (Tests stop the process here.)"""
    log.debug("recovery step done: %s", step)


def marker_for(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def restoring_for(path: Path) -> Path:
    return path.with_name(path.name + RESTORING_SUFFIX)


def resume(path: Path, folder: Path, now: datetime) -> Recovery | None:
    """Finish a repair a crash interrupted and return it, or clear what a crash left before any
    repair began. None: there was nothing to finish."""
    marker = marker_for(path)
    for partial in path.parent.glob(f"{path.name}.*.partial"):
        partial.unlink()  # a copy or marker cut short: it was never relied on
    if marker.exists():
        recovery = _read_marker(marker)
        if recovery is not None:
            if not recovery.recent_changes_lost:
                _finish(path, recovery.damaged_copy)
            log.warning("told again about a repair the patient has not seen yet")
            return recovery
        # Written atomically, so only outside damage garbles it: look at the files afresh.
        log.warning("ignored an unreadable recovery marker")
        marker.unlink()
    restoring = restoring_for(path)
    for leftover in (restoring, *sidecars(restoring)):
        if leftover.exists():
            leftover.unlink()  # a copy that was never recorded as ready: start it again
    return _interrupted_before_this_version(path, folder, now)


def _read_marker(marker: Path) -> Recovery | None:
    try:
        state = json.loads(marker.read_text(encoding="utf-8"))
        return Recovery(
            str(state["reason"]),
            marker.with_name(str(state["damaged"])),
            datetime.fromisoformat(state["restored_from"]) if state["restored_from"] else None,
            bool(state.get("recent_changes_lost", False)),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _interrupted_before_this_version(path: Path, folder: Path, now: datetime) -> Recovery | None:
    """Earlier versions moved the damaged file aside before restoring, without a marker: a
    damaged copy newer than every backup, and no database, is such a repair cut short. A -wal
    or -shm without its database is kept aside too: SQLite would read it into a new file."""
    if path.exists():
        return None
    found = sorted(path.parent.glob(f"{path.name}{DAMAGED_INFIX}*"))
    damaged = [d for d in found if not d.name.endswith(("-wal", "-shm", "-journal", ".partial"))]
    orphans = [side for side in sidecars(path) if side.exists()]
    if not damaged and not orphans:
        return None
    target = damaged[-1] if damaged else _damaged_name(path, now)
    for side, kept in zip(sidecars(path), sidecars(target), strict=True):
        if side.exists():
            side.rename(kept if not kept.exists() else _damaged_name(kept, now))
    if not damaged:
        return None
    listed = backups.list_backups(folder)
    stamp = target.name[len(path.name) + len(DAMAGED_INFIX) :][:16]
    if listed and listed[0].taken_at.strftime("%Y%m%dT%H%M%SZ") > stamp:
        return None  # backups were made after it: that repair finished long ago
    return repair(path, folder, "an earlier repair was interrupted", now, target)


def repair(
    path: Path, folder: Path, reason: str, now: datetime, damaged: Path | None = None
) -> Recovery:
    """Move the damaged file at `path` aside and put the newest good backup in its place."""
    log.warning("database damaged (%s)", reason)
    restored_from = _prepare_restoring_copy(path, folder, now)
    damaged = damaged or _damaged_name(path, now)
    _write_marker(path, Recovery(reason, damaged, restored_from))
    _reached("marker-written")
    _finish(path, damaged)
    if restored_from is None:
        log.warning("no usable backup; starting with an empty database")
    return Recovery(reason, damaged, restored_from)


def keep_damaged_wal(path: Path, now: datetime) -> Recovery:
    """Keep a copy of a database and its damaged -wal before SQLite drops the unreadable part.

    The database itself stays in place and in use: everything before the damage is in it.
    """
    damaged = _damaged_name(path, now)
    wal, kept_wal = sidecars(path)[0], sidecars(damaged)[0]
    for source, target in ((path, damaged), (wal, kept_wal)):
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(source, partial)
        _sync_file(partial)
        partial.replace(target)
    recovery = Recovery("recent changes were damaged", damaged, None, recent_changes_lost=True)
    _write_marker(path, recovery)
    log.warning("the write-ahead log is damaged; kept a copy as %s", damaged.name)
    return recovery


def acknowledge(path: Path) -> None:
    """The patient has been told about the repair: it is finished for good."""
    with contextlib.suppress(FileNotFoundError):
        marker_for(path).unlink()
        _sync_folder(path.parent)


def _prepare_restoring_copy(path: Path, folder: Path, now: datetime) -> datetime | None:
    restoring = restoring_for(path)
    for backup in backups.recovery_order(backups.list_backups(folder), now):
        try:
            verdict = inspect(backup.path, backup=True)
        except DatabaseTooNew:
            continue
        if not verdict.usable:
            log.warning("backup %s is not usable (%s)", backup.path.name, verdict.reason)
            continue
        uri = f"{backup.path.resolve().as_uri()}?mode=ro&immutable=1"
        source = sqlite3.connect(uri, uri=True)
        try:
            backups.copy_database(source, restoring)
        except (OSError, sqlite3.Error) as error:
            restoring.unlink(missing_ok=True)
            kind = environment_kind(error, path.parent) or "io_error"
            raise StoreUnavailable(kind, path.parent, describe(error)) from error
        finally:
            source.close()
        _reached("restoring-ready")
        log.warning("restoring the database from backup %s", backup.path.name)
        return backup.taken_at
    return None


def _finish(path: Path, damaged: Path) -> None:
    """Do the renames still to do. The damaged file moves last, so while it is still in place
    everything beside it is still its own."""
    if not damaged.exists():
        for side, kept in zip(sidecars(path), sidecars(damaged), strict=True):
            if side.exists():
                side.rename(kept)
                _reached(f"moved{side.name[len(path.name) :]}")
        if path.exists():
            path.rename(damaged)
            log.warning("moved the damaged database aside to %s", damaged.name)
        _reached("moved-database")
    restoring = restoring_for(path)
    if restoring.exists():
        restoring.replace(path)
        log.warning("restored the database")
    _sync_folder(path.parent)
    _reached("restored")


def _damaged_name(path: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = path.with_name(f"{path.name}{DAMAGED_INFIX}{stamp}")
    counter = 1
    while damaged.exists():
        counter += 1
        damaged = path.with_name(f"{path.name}{DAMAGED_INFIX}{stamp}-{counter}")
    return damaged


def _write_marker(path: Path, recovery: Recovery) -> None:
    state = {
        "reason": recovery.reason,
        "damaged": recovery.damaged_copy.name,
        "restored_from": recovery.restored_from.isoformat() if recovery.restored_from else None,
        "recent_changes_lost": recovery.recent_changes_lost,
    }
    marker = marker_for(path)
    partial = marker.with_name(marker.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(marker)
    _sync_folder(path.parent)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
