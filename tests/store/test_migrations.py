from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.store import Store, backups
from app.store import migrations as migrations_module
from app.store.connection import DATABASE_NAME, open_database
from app.store.migrations import SCHEMA_VERSION, Migration

FIXTURES = Path(__file__).parent / "fixtures"


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {r[0] for r in rows}
    finally:
        conn.close()


def test_new_file_is_created_at_the_newest_schema_in_wal_mode(data_dir: Path) -> None:
    opened = open_database(data_dir / DATABASE_NAME)
    try:
        assert opened.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert opened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert opened.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert opened.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        opened.conn.close()
    assert {"setting", "treatment", "checklist_mark"} <= _tables(data_dir / DATABASE_NAME)


def test_there_is_a_saved_database_for_every_earlier_schema_version() -> None:
    # Adding a migration without saving the schema before it would leave that upgrade untested.
    for version in range(1, SCHEMA_VERSION + 1):
        assert (FIXTURES / f"schema-v{version}.sqlite3").is_file(), f"schema-v{version} missing"


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_saved_database_of_each_version_migrates_to_newest_keeping_its_data(
    version: int, data_dir: Path
) -> None:
    shutil.copy(FIXTURES / f"schema-v{version}.sqlite3", data_dir / DATABASE_NAME)
    store = Store.open(data_dir)
    try:
        assert store.get_setting("display.text_size") == "2"
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        store.add_treatment(datetime(2026, 5, 1, 12, tzinfo=UTC), "Europe/London")
    finally:
        store.close()
    if version < SCHEMA_VERSION:
        labels = [b.path.name for b in backups.list_backups(data_dir / "backups")]
        assert any(f"before-v{version + 1}" in name for name in labels), labels


def test_treatment_from_oldest_schema_with_treatments_survives_upgrade(data_dir: Path) -> None:
    shutil.copy(FIXTURES / "schema-v2.sqlite3", data_dir / DATABASE_NAME)
    store = Store.open(data_dir)
    try:
        [treatment] = store.treatments()
        assert treatment.zone == "America/New_York"
        assert store.marks(treatment.id, date(2026, 3, 7)) == {"gentle-wash"}
    finally:
        store.close()


def test_failing_migration_leaves_the_previous_schema_and_version(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURES / "schema-v1.sqlite3", data_dir / DATABASE_NAME)
    broken = Migration(2, "broken", "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrations_module, "MIGRATIONS", (migrations_module.MIGRATIONS[0], broken))
    with pytest.raises(sqlite3.OperationalError):
        open_database(data_dir / DATABASE_NAME)
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "half_done" not in _tables(data_dir / DATABASE_NAME)
        assert conn.execute("SELECT value FROM setting").fetchone()[0] == "2"
    finally:
        conn.close()
