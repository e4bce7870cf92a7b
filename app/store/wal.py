"""Find damage in a -wal file that SQLite would pass over in silence.

SQLite reads a write-ahead log frame by frame and stops at the first frame whose checksum or salt
does not match: by design, since that is what the torn end of a write cut short by a crash looks
like. Damage in the middle of the log looks the same to it, and every commit after the damaged
frame is then dropped without a word. The checksum of each frame chains from the previous
frame's stored checksum, so the frames after a damaged one can still be checked on their own: a
valid commit frame after the point where SQLite stops proves that committed data would be lost.

What cannot be told apart, here or anywhere: damage to the frames of the very last commit looks
exactly like a write cut short. The defence there is that the log is checkpointed into the main
file (TRUNCATE) at every clean exit and after a quiet spell, so it holds only the latest writes.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGIC_LE = 0x377F0682
_MAGIC_BE = 0x377F0683
_HEADER = 32
_FRAME_HEADER = 24
_MAX_READ = 256 << 20  # a log this large is not ours to judge in memory; SQLite copes alone


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def _page_size(database: Path) -> int:
    with database.open("rb") as handle:
        header = handle.read(18)
    size = int.from_bytes(header[16:18], "big") if len(header) == 18 else 0
    return 65536 if size == 1 else size


def committed_frames_lost(database: Path) -> bool:
    """True if SQLite would silently drop at least one committed transaction in the -wal file
    beside `database`. Reads only; raises OSError when the files cannot be read."""
    wal = database.with_name(database.name + "-wal")
    if not wal.exists() or wal.stat().st_size <= _HEADER or wal.stat().st_size > _MAX_READ:
        return False
    data = wal.read_bytes()
    magic = int.from_bytes(data[0:4], "big")
    header_page = int.from_bytes(data[8:12], "big")
    page = header_page if magic in (_MAGIC_LE, _MAGIC_BE) else _page_size(database)
    if page < 512 or page & (page - 1):
        page = _page_size(database)
    if page < 512 or page & (page - 1):
        return False
    orders = [magic == _MAGIC_BE] if magic in (_MAGIC_LE, _MAGIC_BE) else [True, False]
    return any(_lost_with(data, page, big) for big in orders)


def _lost_with(data: bytes, page: int, big: bool) -> bool:
    header_ok = _checksum(data[0:24], big, 0, 0) == struct.unpack(">II", data[24:32])
    header_ok = header_ok and int.from_bytes(data[0:4], "big") in (_MAGIC_LE, _MAGIC_BE)
    salts = data[16:24]
    previous = struct.unpack(">II", data[24:32])
    stopped = not header_ok  # SQLite reads no frame at all from a log with a bad header
    step = _FRAME_HEADER + page
    for offset in range(_HEADER, len(data) - step + 1, step):
        head = data[offset : offset + _FRAME_HEADER]
        stored = struct.unpack(">II", head[16:24])
        expected = _checksum(
            head[0:8] + data[offset + _FRAME_HEADER : offset + step], big, *previous
        )
        if offset == _HEADER and not header_ok:
            salts = head[8:16]  # the header's own salts may be what was damaged
        valid = head[8:16] == salts and expected == stored
        if not valid:
            stopped = True
        elif stopped and int.from_bytes(head[4:8], "big") != 0:
            return True  # a whole, valid commit beyond the point where SQLite stops reading
        previous = stored
    return False
