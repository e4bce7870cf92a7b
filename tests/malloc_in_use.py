"""Bytes malloc has handed out and not got back (glibc's mallinfo2): a count of live native
memory that does not move when the allocator keeps or returns free pages, as resident memory
does. The memory tests compare it before and after a number of changes."""

from __future__ import annotations

import ctypes

_FIELDS = "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in _FIELDS.split()]


def malloc_in_use() -> int | None:
    """Live bytes from malloc (small blocks and mapped ones), or None without glibc 2.33+."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return int(info.uordblks + info.hblkhd)
