"""Reading a file someone else wrote: a regular file only, with a size cap, and never blocking.

A content pack or a clinic config may come from a clinic, a USB stick or a share, not from us.
Whatever it names is read through here, so that a named pipe (FIFO), a device such as
/dev/zero, a socket or a huge file is refused with a message instead of hanging the app or
filling its memory. Standard library only: the kiosk's quick look at the clinic config uses it
before the first frame.

The file is checked with lstat/stat before it is opened (a FIFO is never opened), opened with
O_NONBLOCK (so a FIFO swapped in after the check cannot block either) and checked again on the
open descriptor, then read up to the cap and no further.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "KIB",
    "MAX_MARKDOWN_BYTES",
    "MAX_SCREENS",
    "MAX_SVG_BYTES",
    "MAX_TOML_BYTES",
    "MIB",
    "RefusedFile",
    "describe_size",
    "is_link",
    "read_regular_file",
]

KIB = 1024
MIB = 1024 * KIB

# The caps of a content pack (docs/content-format.md, "Limits"): each several times what the
# shipped pack needs (its largest screen is 4 KiB, drawing 7 KiB, TOML file 10 KiB), and small
# enough that a whole pack at its limits loads in well under a second.
MAX_TOML_BYTES = 256 * KIB  # pack.toml, protocol.toml, <lang>/aftercare.toml
MAX_MARKDOWN_BYTES = 256 * KIB  # one screen file
MAX_SVG_BYTES = 1 * MIB  # one illustration
MAX_SCREENS = 200  # screen files in one language

_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class RefusedFile(ValueError):
    """The file is there but is not read: not a regular file, a link where none may be, or
    over its size cap. The message says which, in words for the person who placed it.

    ``unsafe`` is False only for a folder, which is a plain mistake; a link, a FIFO, a device
    or an oversized file is what a pack that means harm would hold.
    """

    def __init__(self, message: str, *, unsafe: bool = True) -> None:
        super().__init__(message)
        self.unsafe = unsafe


def describe_size(size: int) -> str:
    """A size as people write it: "256 KiB", "1 MiB", "1.05 MiB", "900 bytes"."""
    for unit, name in ((MIB, "MiB"), (KIB, "KiB")):
        if size >= unit:
            return f"{size / unit:.2f}".rstrip("0").rstrip(".") + f" {name}"
    return f"{size} bytes"


def is_link(status: os.stat_result) -> bool:
    """A symbolic link, or on Windows any reparse point (a junction behaves like a link)."""
    attributes = getattr(status, "st_file_attributes", 0)
    return stat.S_ISLNK(status.st_mode) or bool(attributes & stat.FILE_ATTRIBUTE_REPARSE_POINT)


def _refusal(
    status: os.stat_result, limit: int, what: str, follow_links: bool
) -> RefusedFile | None:
    if not follow_links and is_link(status):
        return RefusedFile("is a symbolic link; expected the file itself, not a link to it")
    if stat.S_ISDIR(status.st_mode):
        return RefusedFile("is a folder; expected a file", unsafe=False)
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a plain file")
        return RefusedFile(f"is {kind}; expected a regular file")
    if status.st_size > limit:
        size, cap = describe_size(status.st_size), describe_size(limit)
        if size == cap:  # just over: rounding would make the two look alike
            size, cap = f"{status.st_size:,} bytes", f"{cap} ({limit:,} bytes)"
        return RefusedFile(f"is {size}; the limit for {what} is {cap}")
    return None


def read_regular_file(
    path: Path, limit: int, *, what: str = "this file", follow_links: bool = False
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises RefusedFile when ``path`` is not a regular file (a folder, FIFO, device or socket),
    is a symbolic link (unless ``follow_links``) or is larger than ``limit``; ``what`` names the
    file in that message ("a screen file"). FileNotFoundError and other OSErrors pass through.
    """
    status = path.stat(follow_symlinks=follow_links)
    if (refusal := _refusal(status, limit, what, follow_links)) is not None:
        raise refusal
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW: it became a link after the check
            raise RefusedFile("is a symbolic link; expected the file itself") from error
        raise
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        opened = os.fstat(handle.fileno())
        if (refusal := _refusal(opened, limit, what, follow_links=True)) is not None:
            raise refusal
        if (opened.st_dev, opened.st_ino) != (status.st_dev, status.st_ino):
            raise RefusedFile("changed while it was being read; try again")
        data = handle.read(limit + 1)  # unbuffered: one read(2) of a regular file
        while len(data) <= limit and (more := handle.read(limit + 1 - len(data))):
            data += more
    if len(data) > limit:  # it grew after the check
        raise RefusedFile(f"is over the limit for {what} of {describe_size(limit)}")
    return data
