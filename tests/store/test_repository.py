from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.store import Store, StoreWriteError
from tests.store.faults import FULL, IOERR_SHMSIZE, PERM, fill, small_disk, sqlite_error


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


def test_settings_round_trip_and_overwrite(store: Store) -> None:
    assert store.get_setting("missing", "fallback") == "fallback"
    store.set_setting("k", "1")
    store.set_setting("k", "2")
    assert store.get_setting("k") == "2"


def test_treatment_is_stored_as_utc_instant_with_its_zone(store: Store) -> None:
    local = datetime(2026, 3, 7, 16, tzinfo=timezone(timedelta(hours=-5)))
    record = store.add_treatment(local, "America/New_York", {"sweat": {"days": 5}})
    assert record.treated_at == datetime(2026, 3, 7, 21, tzinfo=UTC)
    assert record.zone == "America/New_York"
    assert record.overrides == {"sweat": {"days": 5}}


def test_naive_instant_is_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        store.add_treatment(datetime(2026, 3, 7, 16), "America/New_York")


def test_treatments_are_listed_oldest_first_edited_and_deleted(store: Store) -> None:
    late = store.add_treatment(datetime(2026, 4, 1, tzinfo=UTC), "UTC")
    early = store.add_treatment(datetime(2026, 3, 1, tzinfo=UTC), "UTC")
    assert [t.id for t in store.treatments()] == [early.id, late.id]
    moved = store.update_treatment(late.id, datetime(2026, 2, 1, tzinfo=UTC), "UTC", {})
    assert [t.id for t in store.treatments()] == [moved.id, early.id]
    store.delete_treatment(early.id)
    assert [t.id for t in store.treatments()] == [late.id]
    with pytest.raises(KeyError):
        store.update_treatment(early.id, datetime(2026, 2, 1, tzinfo=UTC), "UTC", {})


def test_checklist_marks_tick_untick_and_belong_to_one_date(store: Store) -> None:
    t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "America/New_York")
    store.set_mark(t.id, date(2026, 3, 7), "sunscreen", True)
    store.set_mark(t.id, date(2026, 3, 7), "sunscreen", True)  # ticking twice is harmless
    assert store.marks(t.id, date(2026, 3, 7)) == {"sunscreen"}
    assert store.marks(t.id, date(2026, 3, 8)) == set()
    store.set_mark(t.id, date(2026, 3, 7), "sunscreen", False)
    assert store.marks(t.id, date(2026, 3, 7)) == set()


def test_deleting_a_treatment_deletes_its_marks(store: Store) -> None:
    t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
    store.set_mark(t.id, date(2026, 3, 7), "sunscreen", True)
    store.delete_treatment(t.id)
    rows = store._conn.execute("SELECT COUNT(*) FROM checklist_mark").fetchone()[0]
    assert rows == 0


def test_marks_survive_closing_and_reopening(data_dir: Path) -> None:
    s = Store.open(data_dir)
    t = s.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
    s.set_mark(t.id, date(2026, 3, 7), "wash", True)
    s.close()
    s = Store.open(data_dir)
    try:
        assert s.marks(t.id, date(2026, 3, 7)) == {"wash"}
    finally:
        s.close()


def test_symptom_scores_are_one_note_a_day_and_stay_in_range(store: Store) -> None:
    t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
    store.save_symptoms(t.id, date(2026, 3, 8), 4, 2)
    store.save_symptoms(t.id, date(2026, 3, 8), 5, 3)  # saving again replaces the day's note
    store.save_symptoms(t.id, date(2026, 3, 7), 7, 6)
    notes = store.symptom_notes(t.id)
    assert [(n.local_date.day, n.redness, n.discomfort) for n in notes] == [(7, 7, 6), (8, 5, 3)]
    with pytest.raises(ValueError):
        store.save_symptoms(t.id, date(2026, 3, 9), 11, 0)


def test_a_reminder_is_claimed_once_even_after_a_restart(data_dir: Path) -> None:
    s = Store.open(data_dir)
    t = s.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
    assert s.claim_reminder(t.id, "milestone:makeup") is True
    assert s.claim_reminder(t.id, "milestone:makeup") is False
    s.close()
    s = Store.open(data_dir)
    try:
        assert s.claim_reminder(t.id, "milestone:makeup") is False
        assert s.claim_reminder(t.id, "daily:2026-03-08") is True
    finally:
        s.close()


def test_symptom_scores_at_both_ends_of_the_scale_are_kept(store: Store) -> None:
    t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
    store.save_symptoms(t.id, date(2026, 3, 8), 10, 0)  # the slider's maximum and minimum
    store.save_symptoms(t.id, date(2026, 3, 9), 0, 10)
    notes = store.symptom_notes(t.id)
    assert [(n.redness, n.discomfort) for n in notes] == [(10, 0), (0, 10)]
    with pytest.raises(ValueError):
        store.save_symptoms(t.id, date(2026, 3, 10), -1, 0)
    with pytest.raises(ValueError):
        store.save_symptoms(t.id, date(2026, 3, 10), 0, 11)


def test_changing_a_treatment_keeps_its_own_overrides(store: Store, data_dir: Path) -> None:
    t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC", {"sweat": {"days": 5}})
    changed = store.update_treatment(
        t.id, datetime(2026, 3, 7, 20, tzinfo=UTC), "Europe/Paris", {"makeup": {"hours": 48}}
    )
    assert changed.overrides == {"makeup": {"hours": 48}}
    assert store.treatment(t.id).overrides == {"makeup": {"hours": 48}}
    assert store.treatment(t.id).zone == "Europe/Paris"


def test_a_write_that_fails_half_way_stores_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store._write() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('half', 'written')")
        raise RuntimeError("something went wrong after the first statement")
    assert store.get_setting("half") is None
    store.set_setting("after", "fine")  # no transaction was left open
    assert store.get_setting("after") == "fine"


def test_a_write_to_a_read_only_database_is_told_and_rolled_back(store: Store) -> None:
    store.set_setting("k", "before")
    store._conn.execute("PRAGMA query_only = ON")  # SQLite refuses writes as on a read-only file
    with pytest.raises(StoreWriteError) as refused:
        store.set_setting("k", "after")
    assert refused.value.kind == "read_only"
    store._conn.execute("PRAGMA query_only = OFF")
    assert store.get_setting("k") == "before"
    assert not store._conn.in_transaction


def test_a_write_while_another_program_holds_the_lock_is_told(store: Store, data_dir: Path) -> None:
    store._conn.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(data_dir / "companion.sqlite3", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreWriteError) as refused:
            store.set_setting("k", "v")
        assert refused.value.kind == "locked"
    finally:
        holder.close()
    assert store.get_setting("k") is None


class _FailingCommit:
    """The store's connection, with COMMIT failing as SQLite fails it on a full disk."""

    def __init__(self, conn: sqlite3.Connection, error: Exception) -> None:
        self._conn = conn
        self._error = error

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT":
            raise self._error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite_error(*FULL), "disk_full"),
        (sqlite3.OperationalError("database or disk is full"), "disk_full"),
        (sqlite_error(*IOERR_SHMSIZE), "io_error"),
        (sqlite_error(*PERM), "read_only"),
    ],
)
def test_a_commit_the_disk_refuses_is_rolled_back_and_told(
    error: Exception, kind: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
    real = store._conn
    monkeypatch.setattr(store, "_conn", _FailingCommit(real, error))
    with pytest.raises(StoreWriteError) as refused:
        store.set_mark(t.id, date(2026, 3, 7), "wash", True)
    assert refused.value.kind == kind
    monkeypatch.setattr(store, "_conn", real)
    assert store.marks(t.id, date(2026, 3, 7)) == set()
    assert not real.in_transaction


def test_a_write_on_a_full_disk_is_told_and_the_store_works_again_after(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        store = Store.open(disk / "data")
        try:
            t = store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "UTC")
            filler = fill(disk, 0)
            with pytest.raises(StoreWriteError) as refused:
                for day in range(1, 200):  # until the -wal needs a page it cannot have
                    store.save_symptoms(t.id, date(2026, 3, day % 28 + 1), 5, 5)
                    store.set_setting(f"note.{day}", "x" * 3000)
            assert refused.value.kind == "disk_full"
            filler.unlink()
            store.set_setting("after", "space again")
            assert store.get_setting("after") == "space again"
        finally:
            store.close()


def test_a_clean_exit_leaves_no_wal_behind(data_dir: Path) -> None:
    store = Store.open(data_dir)
    for i in range(20):
        store.set_setting(f"k{i}", "v")
    wal = data_dir / "companion.sqlite3-wal"
    assert wal.exists() and wal.stat().st_size > 0
    store.checkpoint()  # what the window does after a quiet spell
    assert wal.stat().st_size == 0
    store.set_setting("one more", "v")
    store.close()
    assert not wal.exists() or wal.stat().st_size == 0
    conn = sqlite3.connect(f"{(data_dir / 'companion.sqlite3').as_uri()}?immutable=1", uri=True)
    try:  # the main file alone holds every write
        assert conn.execute("SELECT value FROM setting WHERE key = 'one more'").fetchone() == ("v",)
    finally:
        conn.close()
