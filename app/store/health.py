"""Decide whether a database file can be used, without changing a byte of it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.store.migrations import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


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


def _open_read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: the checks must never write to a file we may be about to refuse or move aside.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def inspect(path: Path) -> Verdict:
    """Check a database file: header, readability, version and PRAGMA quick_check.

    Raises DatabaseTooNew for a file from a newer version, so callers cannot mistake it for damage
    and move it aside.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return Verdict(False, f"the file could not be read ({error.strerror})")
    if size == 0:
        return Verdict(False, "the file is empty")
    if header != SQLITE_HEADER:
        return Verdict(False, "the file is not a database")
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as error:
        return Verdict(False, f"the file could not be opened ({error})")
    version = 0
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(path, version, SCHEMA_VERSION)
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            return Verdict(False, "the integrity check failed", version)
        return Verdict(True, "", version)
    except sqlite3.DatabaseError as error:
        return Verdict(False, f"the file is damaged ({error})", version)
    finally:
        conn.close()
