"""The daily skin check-in in the store: one a day per treatment, "not answered" kept apart from
"none", the note kept whole across a restart, and the old 0-10 notes carried over honestly."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.store import CheckInRecord, Store
from app.store.connection import DATABASE_NAME

FIXTURES = Path(__file__).parent / "fixtures"
DAY_2 = date(2026, 3, 8)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def treatment_id(store: Store) -> int:
    return store.add_treatment(datetime(2026, 3, 7, 21, tzinfo=UTC), "America/New_York").id


def test_nothing_answered_reads_back_as_not_answered_not_none(
    store: Store, treatment_id: int
) -> None:
    store.save_checkin(treatment_id, CheckInRecord(DAY_2, note="only a note"))
    record = store.checkin(treatment_id, DAY_2)
    assert record is not None
    assert record.scores == {} and record.yes == frozenset() and record.no == frozenset()
    assert store.checkin(treatment_id, date(2026, 3, 9)) is None


def test_saving_again_replaces_the_days_answers(store: Store, treatment_id: int) -> None:
    store.save_checkin(treatment_id, CheckInRecord(DAY_2, {"redness": 1}, frozenset({"fever"})))
    store.save_checkin(
        treatment_id,
        CheckInRecord(DAY_2, {"redness": 2, "pain": 0}, frozenset(), frozenset({"fever"}), "x"),
    )
    store.save_checkin(treatment_id, CheckInRecord(date(2026, 3, 7), {"swelling": 3}))
    days = store.checkins(treatment_id)
    assert [d.local_date for d in days] == [date(2026, 3, 7), DAY_2]  # oldest first
    assert days[1].scores == {"redness": 2, "pain": 0}
    assert days[1].yes == frozenset() and days[1].no == frozenset({"fever"})
    assert days[1].note == "x" and days[1].updated_at is not None


@pytest.mark.parametrize(
    "record",
    [
        CheckInRecord(DAY_2, {"redness": 4}),
        CheckInRecord(DAY_2, {"redness": -1}),
        CheckInRecord(DAY_2, {"itch": 1}),
        CheckInRecord(DAY_2, yes=frozenset({"q"}), no=frozenset({"q"})),
        CheckInRecord(DAY_2, note="x" * 2001),
    ],
)
def test_impossible_answers_are_refused_and_nothing_is_written(
    store: Store, treatment_id: int, record: CheckInRecord
) -> None:
    with pytest.raises(ValueError):
        store.save_checkin(treatment_id, record)
    assert store.checkins(treatment_id) == []


def test_a_note_of_the_longest_length_survives_a_restart_whole(
    store: Store, treatment_id: int, data_dir: Path
) -> None:
    note = ("Ünïcode ✓ line\n" * 200)[:2000]
    store.save_checkin(treatment_id, CheckInRecord(DAY_2, {"pain": 1}, note=note))
    store.close()
    again = Store.open(data_dir)
    try:
        record = again.checkin(treatment_id, DAY_2)
        assert record is not None and record.note == note
    finally:
        again.close()


def test_deleting_a_treatment_deletes_its_checkins(store: Store, treatment_id: int) -> None:
    store.save_checkin(treatment_id, CheckInRecord(DAY_2, {"pain": 1}))
    store.delete_treatment(treatment_id)
    assert store.checkins(treatment_id) == []


def test_version_3_notes_become_checkins_in_the_four_words(data_dir: Path) -> None:
    """0 none, 1-3 mild, 4-6 moderate, 7-10 severe; discomfort is pain; swelling unasked."""
    shutil.copy(FIXTURES / "schema-v3.sqlite3", data_dir / DATABASE_NAME)
    old = sqlite3.connect(data_dir / DATABASE_NAME)
    scores = [(0, 10), (1, 7), (3, 6), (4, 4), (6, 3), (7, 1), (10, 0)]
    with old:
        for day, (redness, discomfort) in enumerate(scores, start=10):
            old.execute(
                "INSERT INTO symptom_note VALUES (1, ?, ?, ?, '2026-03-20T15:00:00+00:00')",
                (f"2026-03-{day}", redness, discomfort),
            )
    old.close()
    store = Store.open(data_dir)
    try:
        days = store.checkins(1)
        # The fixture's own note: redness 4, discomfort 2 on 8 March.
        assert days[0].local_date == DAY_2 and days[0].scores == {"redness": 2, "pain": 1}
        assert [(d.scores["redness"], d.scores["pain"]) for d in days[1:]] == [
            (0, 3), (1, 3), (1, 2), (2, 2), (2, 1), (3, 1), (3, 0),
        ]  # fmt: skip
        assert all("swelling" not in d.scores and not d.yes and not d.note for d in days)
        # The patient's own numbers are kept as they were.
        assert store.symptom_notes(1)[0].redness == 4
    finally:
        store.close()


def test_the_saved_version_4_file_reads_back_every_answer(data_dir: Path) -> None:
    shutil.copy(FIXTURES / "schema-v4.sqlite3", data_dir / DATABASE_NAME)
    store = Store.open(data_dir)
    try:
        second = store.checkin(1, date(2026, 3, 9))
        assert second is not None
        assert second.scores == {"redness": 1, "swelling": 2, "pain": 1}
        assert second.yes == frozenset({"fever"}) and second.no == frozenset({"pus"})
        assert second.note == "Warm after the shower."
    finally:
        store.close()
