"""Damaged files are moved aside and restored from backup; newer files are refused untouched."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.store import DATABASE_NAME, DatabaseTooNew, Store
from app.store.backups import list_backups
from app.store.health import inspect
from app.store.migrations import SCHEMA_VERSION


def _store_with_data_and_backup(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set_setting("display.theme", "dark")
    store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "America/New_York")
    with store._write() as conn:  # one transaction: one sync, not 300
        # Enough rows to span many pages, so page damage is detectable.
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [(f"filler.{i}", "x" * 200) for i in range(300)],
        )
    store.backup_now("test")
    store.close()


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _zero_length(path: Path) -> None:
    path.write_bytes(b"")


def _bad_cell_pointer(path: Path) -> None:
    # A structurally plausible file that opens and reads its header and schema, but whose table
    # leaf pages point a cell past the page end: only PRAGMA quick_check notices.
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):
        leaf = data[start] == 0x0D  # a table leaf page...
        if leaf and b"filler." in data[start : start + page]:  # ...of our rows, not the schema
            data[start + 8 : start + 10] = (page - 2).to_bytes(2, "big")
    path.write_bytes(bytes(data))


def _scribbled_pages(path: Path) -> None:
    # Keep the header and the first page intact so the file opens; scribble over later b-tree pages.
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page * 2, len(data), page):
        data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random-bytes": _random_bytes,
    "truncated": _truncated,
    "zero-length": _zero_length,
    "scribbled-pages": _scribbled_pages,
    "failed-check": _bad_cell_pointer,
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_file_is_moved_aside_and_restored_from_the_newest_good_backup(
    kind: str, data_dir: Path
) -> None:
    _store_with_data_and_backup(data_dir)
    database = data_dir / DATABASE_NAME
    # Fold the WAL into the main file first, so the damage hits the data itself.
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    DAMAGE[kind](database)
    damaged_bytes = database.read_bytes()

    store = Store.open(data_dir)
    try:
        assert store.recovery is not None
        assert store.recovery.restored_from is not None
        assert store.recovery.damaged_copy.read_bytes() == damaged_bytes  # kept, not rewritten
        assert store.get_setting("display.theme") == "dark"
        assert len(store.treatments()) == 1
    finally:
        store.close()


def test_bad_cell_pointer_is_caught_by_quick_check_not_by_opening(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    database = data_dir / DATABASE_NAME
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _bad_cell_pointer(database)
    reader = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        # The file opens and its header reads fine: only the integrity check finds the damage,
        # either as rows describing it or by stopping at it.
        assert reader.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        with contextlib.suppress(sqlite3.DatabaseError):
            assert reader.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    finally:
        reader.close()
    verdict = inspect(database)
    assert not verdict.usable and verdict.version == SCHEMA_VERSION


def test_damaged_file_without_any_backup_starts_empty_and_keeps_the_damaged_file(
    data_dir: Path,
) -> None:
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"this is not a database, but it is somebody's file" * 100)
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is None
        assert store.recovery.damaged_copy.read_bytes().startswith(b"this is not a database")
        assert store.treatments() == []
    finally:
        store.close()


def test_a_damaged_backup_is_skipped_for_an_older_good_one(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    newest = list_backups(data_dir / "backups")[0]
    later = newest.taken_at + timedelta(hours=1)
    bad = newest.path.with_name(f"companion-{later:%Y%m%dT%H%M%SZ}-bad.sqlite3")
    bad.write_bytes(b"garbage" * 1000)
    (data_dir / DATABASE_NAME).write_bytes(b"")
    store = Store.open(data_dir, now=lambda: later + timedelta(minutes=1))
    try:
        assert store.recovery is not None
        assert store.recovery.restored_from == newest.taken_at
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()
    assert bad.read_bytes() == b"garbage" * 1000


@pytest.mark.parametrize("found", [SCHEMA_VERSION + 1, 99])
def test_file_from_a_newer_version_is_refused_and_left_byte_for_byte_unchanged(
    found: int, data_dir: Path
) -> None:
    database = data_dir / DATABASE_NAME
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute("INSERT INTO from_the_future VALUES (42)")
    conn.execute(f"PRAGMA user_version = {found}")
    conn.commit()
    conn.close()
    before = database.read_bytes()
    before_listing = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(DatabaseTooNew) as refused:
        Store.open(data_dir)

    assert "newer version" in str(refused.value)
    assert refused.value.found == found
    assert database.read_bytes() == before
    leftovers = {p.name for p in data_dir.iterdir()} - set(before_listing)
    assert not {name for name in leftovers if "damaged" in name or name == "backups"}


def _null_in_a_not_null_column(path: Path, name: bytes = b"tQQQQ") -> None:
    """A file whose pages are all sound but whose rows break a NOT NULL rule: quick_check then
    answers with a report (rows), not an error. `name`: the table's name as written in the file,
    which the report quotes."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute('CREATE TABLE "tQQQQ" (x INTEGER NOT NULL)')
    conn.execute('INSERT INTO "tQQQQ" VALUES (0)')
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    cell = data.rfind(b"\x02\x01\x02\x08")  # payload 2 bytes, rowid 1, header 2, integer 0
    data[cell + 3] = 0x00  # the value's type byte: integer 0 becomes NULL, same length
    path.write_bytes(bytes(data).replace(b"tQQQQ", name))


def _unclean_exit(data_dir: Path) -> dict[str, bytes]:
    """Leave the files as a killed run leaves them: a -wal and a -shm beside the database."""
    store = Store.open(data_dir)
    store.set_setting("display.text_size", "3")
    snapshot = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    store.close()
    for name, data in snapshot.items():
        (data_dir / name).write_bytes(data)
    return snapshot


def test_a_failed_integrity_check_is_damage_and_is_restored(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    database = data_dir / DATABASE_NAME
    _null_in_a_not_null_column(database)
    verdict = inspect(database)
    assert (verdict.usable, verdict.reason) == (False, "the integrity check failed")
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()


def test_an_integrity_report_that_is_not_utf8_is_damage_not_a_crash(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    database = data_dir / DATABASE_NAME
    _null_in_a_not_null_column(database, b"t\xff\xfe\xfd\xfc")
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert len(store.treatments()) == 1
    finally:
        store.close()


def test_a_newer_version_number_on_a_damaged_file_is_damage_not_too_new(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    database = data_dir / DATABASE_NAME
    _null_in_a_not_null_column(database)
    data = bytearray(database.read_bytes())
    data[60:64] = (SCHEMA_VERSION + 1).to_bytes(4, "big")
    database.write_bytes(bytes(data))
    store = Store.open(data_dir)  # not DatabaseTooNew: the backup is offered
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
    finally:
        store.close()


@pytest.mark.parametrize(
    "scribbled",
    [b"\x7f\xff\xff\xff", b"\xff\xff\xff\xff", b"\xde\xad\xbe\xef", b"\x00\x01\x00\x00"]
    + [bytes(random.Random(seed).randbytes(4)) for seed in range(8)],
)
def test_version_bytes_no_version_could_write_are_damage_not_too_new(
    scribbled: bytes, data_dir: Path
) -> None:
    _store_with_data_and_backup(data_dir)
    database = data_dir / DATABASE_NAME
    data = bytearray(database.read_bytes())
    data[60:64] = scribbled  # PRAGMA user_version lives in these four header bytes
    database.write_bytes(bytes(data))
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()


def test_wal_and_shm_are_moved_aside_with_a_damaged_file(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    snapshot = _unclean_exit(data_dir)
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"garbage!" * 4096)
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None
        kept = store.recovery.damaged_copy
        for suffix in ("-wal", "-shm"):
            moved = kept.with_name(kept.name + suffix)
            assert moved.read_bytes() == snapshot[DATABASE_NAME + suffix]
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()


def test_checking_backups_leaves_no_wal_or_shm_beside_them(data_dir: Path) -> None:
    _store_with_data_and_backup(data_dir)
    folder = data_dir / "backups"
    # A backup as earlier versions wrote them: still flagged as a WAL file.
    source = sqlite3.connect(data_dir / DATABASE_NAME)
    old_style = sqlite3.connect(folder / "companion-20200101T000000Z.sqlite3")
    source.backup(old_style)
    old_style.close()
    source.close()
    for backup in list_backups(folder):
        if backup.taken_at.year > 2020:
            backup.path.write_bytes(b"not a database" * 100)  # every newer one is bad
    (data_dir / DATABASE_NAME).write_bytes(b"")
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
    finally:
        store.close()
    assert not [p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]
    made_now = [b for b in list_backups(folder) if b.taken_at.year > 2020]
    assert made_now
    for backup in made_now:
        header = backup.path.read_bytes()[:20]
        if header.startswith(b"SQLite"):  # not one of those scribbled over above
            # A finished backup is a rollback-journal file (header bytes 18 and 19 are 1), so
            # opening it anywhere never leaves a -wal or -shm beside it.
            assert header[18:20] == b"\x01\x01"
