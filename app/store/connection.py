"""Open the patient database: check it, recover it from backup if damaged, migrate, back it up.

The whole storage lifecycle is here, in the order it happens:
1. a repair that a crash interrupted is finished first (recovery.py);
2. a hot rollback journal is handed to SQLite to roll back: that is crash recovery, not damage;
3. a -wal file that would silently lose commits is kept aside and reported;
4. the file is checked (health.py): a file from a newer version is refused and never written
   (DatabaseTooNew); a check that could not be done for lack of space, permissions or a lock
   changes nothing (StoreUnavailable); only real damage is repaired from the newest good backup;
5. a backup before the first pending migration, taken before anything writes to the file;
6. pragmas: WAL, foreign keys, a busy timeout, full sync on commit;
7. each migration in one transaction, a backup before each further one;
8. a daily backup, and old backups thinned.
A backup that cannot be made is a warning (`Opened.backup_problem`), never a refusal to open.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.store import backups, recovery, wal
from app.store.errors import Kind, StoreUnavailable, describe, environment_kind
from app.store.health import inspect, sidecars
from app.store.migrations import SCHEMA_VERSION, Migration, apply_pending
from app.store.recovery import Recovery

log = logging.getLogger(__name__)

DATABASE_NAME = "companion.sqlite3"
BUSY_TIMEOUT_MS = 5000

Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class BackupProblem:
    """A backup could not be made; the data itself is fine. For a warning in the window."""

    kind: Kind
    folder: Path


@dataclass
class Opened:
    conn: sqlite3.Connection
    path: Path
    recovery: Recovery | None = None
    migrated: list[int] = field(default_factory=list)
    backup_problem: BackupProblem | None = None


@contextlib.contextmanager
def unavailable_on_outside_errors(folder: Path) -> Iterator[None]:
    """Turn a full disk, a read-only folder, a permission or a lock into StoreUnavailable."""
    try:
        yield
    except (OSError, sqlite3.Error) as error:
        kind = environment_kind(error, folder)
        if kind is None:
            raise
        log.error("the saved data cannot be used right now: %s (%s)", kind, describe(error))
        raise StoreUnavailable(kind, folder, describe(error)) from error


def open_database(path: Path, now: Now = _utc_now) -> Opened:
    """Open (creating if needed) the database at `path`.

    Raises DatabaseTooNew and StoreUnavailable, both leaving every file as it was; never loses data.
    """
    folder = backups.backups_dir_for(path)
    with unavailable_on_outside_errors(path.parent):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        repaired = recovery.resume(path, folder, now())
        version = 0
        if path.exists():
            repaired, version = _check(path, folder, now(), repaired)
        wal_left = sidecars(path)[0].exists() and sidecars(path)[0].stat().st_size > 0
    problems: list[BackupProblem] = []

    def backup(source: sqlite3.Connection | None, label: str = "") -> None:
        """A backup of `source` (None: of the file, read-only); a failure is only a warning."""
        try:
            with contextlib.ExitStack() as stack:
                if source is None:
                    uri = f"{path.resolve().as_uri()}?mode=ro"
                    source = stack.enter_context(contextlib.closing(sqlite3.connect(uri, uri=True)))
                backups.take_backup(source, folder, now(), label)
        except (OSError, sqlite3.Error) as error:
            kind = environment_kind(error, folder) or "io_error"
            log.warning("could not make a backup: %s (%s)", kind, describe(error))
            problems.append(BackupProblem(kind, folder))

    if 0 < version < SCHEMA_VERSION:
        # Before anything writes to an older file, even the switch to WAL: a kill during the
        # upgrade must find a copy of it.
        backup(None, f"before-v{version + 1}")
    with unavailable_on_outside_errors(path.parent):
        conn = _connect(path)
    try:
        with unavailable_on_outside_errors(path.parent):
            if wal_left:  # the last run did not end cleanly: fold its writes in now
                checkpoint(conn)

            def backup_first(migration: Migration, current: int) -> None:
                # A new file (version 0) has nothing to lose; the first step's backup was taken
                # above, before the file was opened for writing.
                if version > 0 and current > version:
                    backup(conn, f"before-v{migration.version}")

            migrated = apply_pending(conn, backup_first)
        if migrated:
            log.info("database migrated from version %s to %s", version, migrated[-1])
        _daily_upkeep(conn, folder, now(), backup)
    except BaseException:
        conn.close()
        raise
    return Opened(conn, path, repaired, migrated, problems[0] if problems else None)


def _check(
    path: Path, folder: Path, now: datetime, repaired: Recovery | None
) -> tuple[Recovery | None, int]:
    """Roll back a hot journal, keep a damaged -wal, and repair a damaged file."""
    reason = _roll_back_hot_journal(path)
    if not reason:
        if wal.committed_frames_lost(path):
            repaired = recovery.keep_damaged_wal(path, now)
        verdict = inspect(path)  # raises DatabaseTooNew and StoreUnavailable
        if verdict.usable:
            return repaired, verdict.version
        reason = verdict.reason
    repaired = recovery.repair(path, folder, reason, now)
    # The restored copy may be from before a migration: its own version decides what follows.
    return repaired, inspect(path).version if path.exists() else 0


def _roll_back_hot_journal(path: Path) -> str:
    """Let SQLite roll back what a crash left in a -journal: opened read-write, the first read
    does it. Returns why the file is damaged if that fails for a reason inside the file."""
    if not sidecars(path)[2].exists():
        return ""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        kind = environment_kind(error, path.parent)
        if kind is not None:
            raise StoreUnavailable(kind, path.parent, describe(error)) from error
        return f"the file is damaged ({describe(error)})"
    finally:
        conn.close()
    log.info("rolled back an interrupted write")
    return ""


def _daily_upkeep(
    conn: sqlite3.Connection, folder: Path, now: datetime, backup: Callable[..., None]
) -> None:
    """The daily backup and thinning; a folder that cannot be read is one more warning."""
    try:
        backups.remove_partials(folder)
        due = backups.daily_backup_due(folder, now)
    except OSError as error:
        log.warning("could not read the backups folder (%s)", describe(error))
        due = True  # taking one says plainly whether backups work
    if due:
        backup(conn)
    try:
        backups.thin_backups(folder, now)
    except OSError as error:
        log.warning("could not thin old backups (%s)", describe(error))


def checkpoint(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the main file and empty it, so only the latest writes are ever in it.
    Best effort: a failure is logged and the WAL simply stays (SQLite still reads it)."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.Error as error:
        log.warning("could not checkpoint the database (%s)", describe(error))


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are explicit (BEGIN ... COMMIT) so each one is visible.
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("WAL journal mode unavailable here; using %s", mode)
        conn.execute("PRAGMA foreign_keys = ON")
        # FULL: a committed tick survives a power cut too, not only a crash; writes are rare.
        conn.execute("PRAGMA synchronous = FULL")
        # A file we cannot write to is no use to the patient: find out now, not at the first
        # tick. Setting the version to itself needs a writable file and, rolled back, writes
        # nothing (BEGIN IMMEDIATE alone succeeds on a read-only WAL file).
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"PRAGMA user_version = {version:d}")
        finally:
            conn.execute("ROLLBACK")
    except BaseException:
        conn.close()
        raise
    return conn
