"""Decide whether a database file can be used, without changing a byte of it.

Three answers, never confused: usable; damaged (a Verdict that says why, the only case that is
ever repaired from a backup); or "could not check" (StoreUnavailable: a full disk, a read-only
folder, a lock), which leaves the file where it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.store.errors import StoreUnavailable, describe, environment_kind
from app.store.migrations import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
# Versions move up by one per migration. A number this far ahead was not written by any version
# of the app: it is damage to the header's bytes, not a file from the future.
MAX_VERSIONS_AHEAD = 1000
CHECK_TIMEOUT_S = 5.0  # how long the check waits for a lock another program holds


class DatabaseTooNew(Exception):
    """The file was written by a newer version of the app; it is refused and left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"The saved data in {path} was written by a newer version of Microneedling Companion "
            f"(data version {found}; this version understands up to {supported}). "
            "Nothing was changed. Please install the newer version to open it."
        )


@dataclass(frozen=True)
class Verdict:
    usable: bool
    reason: str = ""  # why not, in words for the log and the message (never patient data)
    version: int = 0


def sidecars(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database, which belong to it and travel with it."""
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]


def _open_read_only(path: Path, unchanging: bool) -> sqlite3.Connection:
    # mode=ro: the checks must never write to a file we may be about to refuse or move aside.
    # immutable=1 when nothing can be waiting beside the file (no -wal, no -journal): SQLite then
    # creates no -shm, takes no lock and needs no free space, so a full disk or a read-only
    # folder cannot make a healthy file look bad.
    query = "mode=ro&immutable=1" if unchanging else "mode=ro"
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?{query}",
        uri=True,
        isolation_level=None,
        timeout=CHECK_TIMEOUT_S,
    )
    # Bytes, not text: quick_check on a damaged file may answer in bytes that are not UTF-8.
    conn.text_factory = bytes
    return conn


def inspect(path: Path, backup: bool = False) -> Verdict:
    """Check a database file: header, readability, version and PRAGMA quick_check.

    Raises DatabaseTooNew for a healthy file from a newer version, and StoreUnavailable when the
    check itself could not be done, so callers cannot mistake either for damage and move the
    file aside. `backup`: the file is a finished backup, read as a file that never changes.
    """
    folder = path.parent
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreUnavailable(
            environment_kind(error, folder) or "io_error", folder, describe(error)
        ) from error
    if size == 0:
        return Verdict(False, "the file is empty")
    if header != SQLITE_HEADER:
        return Verdict(False, "the file is not a database")
    unchanging = backup or not any(p.exists() for p in sidecars(path))
    version = 0
    try:
        conn = _open_read_only(path, unchanging)
    except sqlite3.Error as error:
        return _judge(error, folder, version)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        rows = conn.execute("PRAGMA quick_check").fetchall()
        intact = [tuple(r) for r in rows] == [(b"ok",)]
    except sqlite3.Error as error:
        return _judge(error, folder, version)
    finally:
        conn.close()
    if not intact:
        return Verdict(False, "the integrity check failed", version)
    if version < 0 or version > SCHEMA_VERSION + MAX_VERSIONS_AHEAD:
        return Verdict(False, "the data version number is not one the app writes", version)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(path, version, SCHEMA_VERSION)
    return Verdict(True, "", version)


def _judge(error: sqlite3.Error, folder: Path, version: int) -> Verdict:
    kind = environment_kind(error, folder)
    if kind is not None:
        raise StoreUnavailable(kind, folder, describe(error)) from error
    return Verdict(False, f"the file is damaged ({describe(error)})", version)
