"""Tell "the data is damaged" apart from "the data cannot be reached right now".

A full disk, a read-only folder, missing permissions or a lock held by another program say
nothing about the file: it must stay where it is, and the patient is told what to do. Only
errors that come from the file's own bytes (SQLITE_CORRUPT, SQLITE_NOTADB, a failed check) are
damage, and only damage is ever repaired from a backup.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Literal

Kind = Literal["disk_full", "read_only", "no_permission", "locked", "io_error"]
WriteFailure = Literal["disk_full", "read_only", "io_error", "locked"]

# Below this much free space a vague I/O error is, in practice, the disk being full: SQLite
# reports a failed -shm grow as SQLITE_IOERR_SHMSIZE, not SQLITE_FULL.
LOW_SPACE_BYTES = 1 << 20

_SQLITE_KINDS: dict[int, Kind] = {
    sqlite3.SQLITE_FULL: "disk_full",
    sqlite3.SQLITE_READONLY: "read_only",
    sqlite3.SQLITE_PERM: "no_permission",
    sqlite3.SQLITE_AUTH: "no_permission",
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_IOERR: "io_error",
    sqlite3.SQLITE_CANTOPEN: "io_error",
    sqlite3.SQLITE_NOMEM: "io_error",
    sqlite3.SQLITE_NOLFS: "io_error",
}
_SQLITE_WORDS: tuple[tuple[str, Kind], ...] = (
    ("disk is full", "disk_full"),
    ("readonly database", "read_only"),
    ("database is locked", "locked"),
    ("disk I/O error", "io_error"),
    ("unable to open database file", "io_error"),
)
_ERRNO_KINDS: dict[int, Kind] = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.EBUSY: "locked",
}


class StoreUnavailable(Exception):
    """The saved data could not be opened or checked for a reason outside the file itself.

    Nothing was moved or changed. `kind` says why, for the message the patient sees.
    """

    def __init__(self, kind: Kind, folder: Path, detail: str = "") -> None:
        self.kind: Kind = kind
        self.folder = folder
        self.detail = detail  # the SQLite or OS error, for the log (never patient data)
        super().__init__(f"the saved data in {folder} cannot be used right now: {kind} {detail}")


class StoreWriteError(Exception):
    """A write was refused by the disk or the file; it was rolled back, nothing was stored."""

    def __init__(self, kind: WriteFailure, detail: str = "") -> None:
        self.kind: WriteFailure = kind
        self.detail = detail
        super().__init__(f"the change could not be saved: {kind} {detail}")


def environment_kind(error: BaseException, folder: Path) -> Kind | None:
    """The kind of outside trouble behind `error`, or None when the error may be damage."""
    kind: Kind | None = None
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int):
            kind = _SQLITE_KINDS.get(code & 0xFF)
        else:  # raised without a code (by a shim, or a test): SQLite's own words then
            text = str(error)
            kind = next((k for words, k in _SQLITE_WORDS if words in text), None)
    elif isinstance(error, OSError):
        kind = _ERRNO_KINDS.get(error.errno or 0, "io_error")
    if kind == "io_error":
        kind = _folder_state(folder) or kind
    return kind


def write_kind(error: BaseException, folder: Path) -> WriteFailure | None:
    kind = environment_kind(error, folder)
    if kind == "no_permission":
        return "read_only"
    return kind


def describe(error: BaseException) -> str:
    """The error's name and code, for the log: never its arguments, which may quote data."""
    name = getattr(error, "sqlite_errorname", None)
    if isinstance(error, OSError) and error.errno is not None:
        name = errno.errorcode.get(error.errno, str(error.errno))
    return f"{type(error).__name__} {name or ''}".strip()


def _folder_state(folder: Path) -> Kind | None:
    """What the folder itself says: on a read-only mount, nearly full, or not ours to write."""
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "read_only"
        if shutil.disk_usage(folder).free < LOW_SPACE_BYTES:
            return "disk_full"
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return "no_permission"
    return None
