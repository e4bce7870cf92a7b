from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.store import Store


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
