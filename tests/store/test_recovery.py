"""Damaged files are moved aside and restored from backup; newer files are refused untouched."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
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
    for i in range(300):  # enough rows to span many pages, so page damage is detectable
        store.set_setting(f"filler.{i}", "x" * 200)
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
    bad = newest.path.with_name("companion-29990101T000000Z-bad.sqlite3")
    bad.write_bytes(b"garbage" * 1000)
    (data_dir / DATABASE_NAME).write_bytes(b"")
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None
        assert store.recovery.restored_from == newest.taken_at
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()
    assert bad.read_bytes() == b"garbage" * 1000


def test_file_from_a_newer_version_is_refused_and_left_byte_for_byte_unchanged(
    data_dir: Path,
) -> None:
    database = data_dir / DATABASE_NAME
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute("INSERT INTO from_the_future VALUES (42)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = database.read_bytes()
    before_listing = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(DatabaseTooNew) as refused:
        Store.open(data_dir)

    assert "newer version" in str(refused.value)
    assert refused.value.found == 99
    assert database.read_bytes() == before
    leftovers = {p.name for p in data_dir.iterdir()} - set(before_listing)
    assert not {name for name in leftovers if "damaged" in name or name == "backups"}
