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
from tests.store.faults import KILLED, run_child

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


def test_an_older_file_is_backed_up_before_anything_writes_to_it(data_dir: Path) -> None:
    shutil.copy(FIXTURES / "schema-v1.sqlite3", data_dir / DATABASE_NAME)
    Store.open(data_dir).close()
    [first] = [b for b in backups.list_backups(data_dir / "backups") if "before-v2" in b.path.name]
    conn = sqlite3.connect(f"{first.path.as_uri()}?mode=ro", uri=True)
    try:  # the copy is the file as it was: version 1, its data, not yet in WAL mode
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT value FROM setting").fetchone()[0] == "2"
    finally:
        conn.close()


UPGRADE_KILLED_AT = """
import os, sys
from pathlib import Path
from app.store import Store, connection, migrations

where = sys.argv[2]
if where == "before-wal":  # the backup is made; nothing has written to the file yet
    connection._connect = lambda path: os._exit(86)
elif where == "mid-migration":  # inside the first migration's transaction
    real = migrations._statements

    def statements(sql):
        for i, statement in enumerate(real(sql)):
            if i == 1:
                os._exit(86)
            yield statement

    migrations._statements = statements
Store.open(Path(sys.argv[1]))
os._exit(0)
"""

SPILL_AND_DIE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 2")  # spill to the file mid-transaction
conn.execute("BEGIN")
for i in range(300):
    conn.execute("INSERT INTO setting VALUES (?, ?)", (f"half.{i}", "x" * 500))
assert os.path.getsize(sys.argv[1] + "-journal") > 0
os._exit(86)
"""


def _upgraded_intact(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        assert store.recovery is None
        assert store.get_setting("display.text_size") == "2"
        assert store.get_setting("half.1") is None  # the cut-short write is gone, as it should
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        store.close()
    assert not [p.name for p in data_dir.iterdir() if ".damaged-" in p.name]
    assert any("before-v2" in b.path.name for b in backups.list_backups(data_dir / "backups"))


@pytest.mark.slow
@pytest.mark.parametrize("where", ["before-wal", "mid-migration"])
def test_a_kill_during_the_first_upgrade_loses_nothing(where: str, data_dir: Path) -> None:
    shutil.copy(FIXTURES / "schema-v1.sqlite3", data_dir / DATABASE_NAME)
    child = run_child(UPGRADE_KILLED_AT, str(data_dir), where)
    assert child.returncode == KILLED, child.stderr[-2000:]
    _upgraded_intact(data_dir)


@pytest.mark.slow
def test_a_hot_rollback_journal_is_rolled_back_not_called_damage(data_dir: Path) -> None:
    """What a kill during a write to an older (rollback-journal) file leaves: the next start
    lets SQLite put the file back as it was, then upgrades it."""
    shutil.copy(FIXTURES / "schema-v1.sqlite3", data_dir / DATABASE_NAME)
    child = run_child(SPILL_AND_DIE, str(data_dir / DATABASE_NAME))
    assert child.returncode == KILLED, child.stderr[-2000:]
    assert (data_dir / f"{DATABASE_NAME}-journal").exists()
    _upgraded_intact(data_dir)
