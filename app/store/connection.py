"""Open the patient database: check it, recover it from backup if damaged, migrate, back it up.

The whole storage lifecycle is here, in the order it happens:
1. a file from a newer version is refused and never written (DatabaseTooNew);
2. a damaged file (empty, not a database, truncated, failing quick_check) is moved aside with its
   WAL and SHM files, never deleted or overwritten, and the newest good backup is restored;
3. pragmas: WAL, foreign keys, a busy timeout, full sync on commit;
4. a backup before each pending migration, then each migration in one transaction;
5. a daily backup, and old backups thinned.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.store import backups
from app.store.health import DatabaseTooNew, inspect
from app.store.migrations import Migration, apply_pending

log = logging.getLogger(__name__)

DATABASE_NAME = "companion.sqlite3"
BUSY_TIMEOUT_MS = 5000

Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged file, for the message the user sees."""

    reason: str
    damaged_copy: Path
    restored_from: datetime | None  # None: no good backup, the app started with empty data


@dataclass
class Opened:
    conn: sqlite3.Connection
    path: Path
    recovery: Recovery | None = None
    migrated: list[int] = field(default_factory=list)


def open_database(path: Path, now: Now = _utc_now) -> Opened:
    """Open (creating if needed) the database at `path`. Raises DatabaseTooNew; never loses data."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder = backups.backups_dir_for(path)
    recovery: Recovery | None = None
    if path.exists():
        verdict = inspect(path)  # raises DatabaseTooNew before anything is touched
        if not verdict.usable:
            recovery = _recover(path, folder, verdict.reason, now())
    conn = _connect(path)
    try:
        version_before = conn.execute("PRAGMA user_version").fetchone()[0]

        def backup_first(migration: Migration, current: int) -> None:
            if version_before > 0:  # a brand-new file has nothing to lose
                backups.take_backup(conn, folder, now(), f"before-v{migration.version}")

        migrated = apply_pending(conn, backup_first)
        if migrated:
            log.info("database migrated from version %s to %s", version_before, migrated[-1])
        if backups.daily_backup_due(folder, now()):
            backups.take_backup(conn, folder, now())
        backups.thin_backups(folder, now())
    except BaseException:
        conn.close()
        raise
    return Opened(conn, path, recovery, migrated)


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are explicit (BEGIN ... COMMIT) so each one is visible.
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("WAL journal mode unavailable here; using %s", mode)
    conn.execute("PRAGMA foreign_keys = ON")
    # FULL: a committed tick survives a power cut too, not only a crash; writes here are rare.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _recover(path: Path, folder: Path, reason: str, now: datetime) -> Recovery:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while damaged.exists():
        counter += 1
        damaged = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    # The WAL and SHM belong to the damaged file; keep them beside it and out of the new one's way.
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.rename(damaged.with_name(damaged.name + suffix))
    log.warning("database damaged (%s); moved aside to %s", reason, damaged.name)
    for backup in backups.list_backups(folder):
        try:
            verdict = inspect(backup.path)
        except DatabaseTooNew:
            continue
        if not verdict.usable:
            log.warning("backup %s is not usable (%s)", backup.path.name, verdict.reason)
            continue
        source_conn = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
        target_conn = sqlite3.connect(path)
        try:
            source_conn.backup(target_conn)
        finally:
            source_conn.close()
            target_conn.close()
        log.warning("restored the database from backup %s", backup.path.name)
        return Recovery(reason, damaged, backup.taken_at)
    log.warning("no usable backup; starting with an empty database")
    return Recovery(reason, damaged, None)
