"""Backups of the patient database through sqlite3's online backup API, and their thinning.

`Connection.backup()` copies a consistent snapshot including what is still in the WAL, which a
plain file copy of the main file would miss. Each backup is a finished, self-contained file in
rollback-journal mode, so reading it later never leaves a -wal or -shm beside it.

The clock may be wrong, and may jump years ahead and back. A backup dated in the future is kept
but never counted: it neither makes the daily backup look done, nor takes the place of a real
one when thinning, nor is preferred when restoring.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

BACKUP_PREFIX = "companion-"
BACKUP_SUFFIX = ".sqlite3"
DAILY_INTERVAL = timedelta(hours=24)
_NAME = re.compile(r"^companion-(\d{8}T\d{6}Z)(?:-[a-z0-9-]+)?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%SZ"
PARTIAL_SUFFIX = ".partial"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime


def backups_dir_for(database: Path) -> Path:
    return database.parent / "backups"


def list_backups(folder: Path) -> list[Backup]:
    """Backups in `folder`, newest first; files with other names are ignored, never touched.

    Raises OSError when the folder exists but cannot be read.
    """
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and entry.is_file():
            taken = _parse_stamp(match.group(1))
            found.append(Backup(entry, taken))
    # Two backups in one second (a daily one, then one before a migration) are told apart by
    # their file times, so "newest" means the one written last.
    found.sort(key=lambda b: (b.taken_at, _mtime_ns(b.path)), reverse=True)
    return found


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _parse_stamp(stamp: str) -> datetime:
    # By hand rather than strptime, whose first use compiles regexes during start-up.
    return datetime(
        int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
        int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]), tzinfo=UTC,
    )  # fmt: skip


def recovery_order(backups: Iterable[Backup], now: datetime) -> list[Backup]:
    """The order to try backups in when restoring: newest first, future-dated ones last."""
    listed = list(backups)
    return [b for b in listed if b.taken_at <= now] + [b for b in listed if b.taken_at > now]


def remove_partials(folder: Path) -> None:
    """Remove copies left half-written by a crash or a full disk; they are never backups."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if PARTIAL_SUFFIX in entry.name and entry.name.startswith(BACKUP_PREFIX):
            with contextlib.suppress(OSError):
                entry.unlink()
                log.info("removed an unfinished backup copy %s", entry.name)


def take_backup(conn: sqlite3.Connection, folder: Path, now: datetime, label: str = "") -> Path:
    """Write a consistent copy of `conn`'s database into `folder` and return its path.

    Raises OSError or sqlite3.Error when it cannot; nothing half-written is left behind.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = f"{BACKUP_PREFIX}{now.astimezone(UTC).strftime(_STAMP)}"
    if label:
        name += f"-{label}"
    target = folder / f"{name}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():  # two backups in one second (a migration right after a daily one)
        counter += 1
        target = folder / f"{name}-{counter}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        copy_database(conn, partial)
        # Renamed only when complete, so a crash mid-copy never leaves a half backup that looks
        # whole.
        partial.replace(target)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return target


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy `source` into a new owner-only file `target`, in rollback mode and synced to disk."""
    # Created here, empty and owner-only, so SQLite opens it rather than creating it with the
    # umask's looser mode.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        # The copy carries the source's WAL flag; a backup must be one plain, finished file.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def daily_backup_due(folder: Path, now: datetime) -> bool:
    counted = [b for b in list_backups(folder) if b.taken_at <= now]
    return not counted or now - counted[0].taken_at >= DAILY_INTERVAL


def backups_to_thin(backups: Iterable[Backup], now: datetime) -> list[Backup]:
    """Which backups to delete: keep the newest 3, one a day for a week, one a week for 8 weeks.

    Backups dated after `now` are never deleted nor counted among the newest.
    """
    ordered = sorted(
        (b for b in backups if b.taken_at <= now), key=lambda b: b.taken_at, reverse=True
    )
    keep: set[Path] = {b.path for b in ordered[:3]}
    days_seen: set[object] = set()
    weeks_seen: set[object] = set()
    for backup in ordered:
        age = now - backup.taken_at
        if age <= timedelta(days=7):
            day = backup.taken_at.date()
            if day not in days_seen:
                days_seen.add(day)
                keep.add(backup.path)
        elif age <= timedelta(weeks=8):
            week = backup.taken_at.isocalendar()[:2]
            if week not in weeks_seen:
                weeks_seen.add(week)
                keep.add(backup.path)
    return [b for b in ordered if b.path not in keep]


def thin_backups(folder: Path, now: datetime) -> list[Path]:
    removed: list[Path] = []
    for backup in backups_to_thin(list_backups(folder), now):
        try:
            backup.path.unlink(missing_ok=True)
        except OSError as error:  # an old backup that stays is no harm; try again next time
            log.warning("could not remove old backup %s (%s)", backup.path.name, error.strerror)
            continue
        removed.append(backup.path)
    return removed
