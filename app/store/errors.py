"""What a failed write tells its caller: the kind of failure, after the transaction rolled back."""

from __future__ import annotations

import errno
import sqlite3
from typing import Literal

WriteFailure = Literal["disk_full", "read_only", "io_error", "locked"]


class StoreWriteError(Exception):
    """A write did not happen (it was rolled back). `kind` says why, for the message to show."""

    def __init__(self, kind: WriteFailure) -> None:
        self.kind: WriteFailure = kind
        super().__init__(kind)


def failure_kind(error: BaseException) -> WriteFailure:
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", "") or ""
        if name == "SQLITE_FULL":
            return "disk_full"
        if name.startswith("SQLITE_READONLY"):
            return "read_only"
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return "locked"
        return "io_error"
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "disk_full"
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "read_only"
    return "io_error"
