from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.store import BackupProblem, Store
from app.store import backups as backups_module
from app.store.backups import Backup, backups_to_thin, daily_backup_due, list_backups
from tests.store.faults import fill, read_only_view, small_disk

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def _backups(ages: list[timedelta]) -> list[Backup]:
    return [Backup(Path(f"b{i}"), NOW - age) for i, age in enumerate(ages)]


def test_newest_three_backups_are_always_kept() -> None:
    backups = _backups([timedelta(minutes=m) for m in (1, 2, 3)])
    assert backups_to_thin(backups, NOW) == []


def test_backups_older_than_a_week_are_thinned_to_one_a_week() -> None:
    ages = [timedelta(days=d) for d in range(0, 40)]  # one a day for 40 days
    kept = set(_backups(ages)) - set(backups_to_thin(_backups(ages), NOW))
    old = [b for b in kept if NOW - b.taken_at > timedelta(days=7)]
    weeks = {b.taken_at.isocalendar()[:2] for b in old}
    assert len(old) == len(weeks)  # at most one a week beyond the first week
    recent = [b for b in kept if NOW - b.taken_at <= timedelta(days=7)]
    assert len(recent) == 8  # days 0..7 each keep theirs


def test_backups_older_than_eight_weeks_go_unless_among_newest_three() -> None:
    ages = [timedelta(weeks=w) for w in (1, 9, 10, 11, 12)]
    doomed = {b.path.name for b in backups_to_thin(_backups(ages), NOW)}
    assert doomed == {"b3", "b4"}


def test_several_backups_on_one_day_keep_only_the_newest_of_that_day() -> None:
    ages = [timedelta(hours=h) for h in (0, 1, 2, 3, 4, 5)]
    doomed = {b.path.name for b in backups_to_thin(_backups(ages), NOW)}
    assert doomed == {"b3", "b4", "b5"}


def test_daily_backup_is_taken_once_a_day(data_dir: Path) -> None:
    clock = [NOW]
    store = Store.open(data_dir, now=lambda: clock[0])
    store.close()
    folder = data_dir / "backups"
    assert len(list_backups(folder)) == 1
    clock[0] = NOW + timedelta(hours=23)
    assert not daily_backup_due(folder, clock[0])
    Store.open(data_dir, now=lambda: clock[0]).close()
    assert len(list_backups(folder)) == 1
    clock[0] = NOW + timedelta(hours=25)
    Store.open(data_dir, now=lambda: clock[0]).close()
    assert len(list_backups(folder)) == 2


def test_backup_holds_writes_still_in_the_wal(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set_setting("only.in.wal", "yes")
    path = store.backup_now("manual")
    store.close()
    conn = sqlite3.connect(path)
    try:
        value = conn.execute("SELECT value FROM setting WHERE key = 'only.in.wal'").fetchone()
    finally:
        conn.close()
    assert value == ("yes",)


def test_files_that_are_not_backups_are_never_touched(data_dir: Path) -> None:
    folder = data_dir / "backups"
    folder.mkdir()
    mine = folder / "notes.txt"
    mine.write_text("keep me")
    Store.open(data_dir).close()
    assert mine.read_text() == "keep me"


def test_backups_five_to_eight_weeks_old_keep_one_a_week() -> None:
    ages = [timedelta(days=d) for d in (0, 1, 2)] + [timedelta(weeks=w) for w in (5, 6, 7, 9)]
    doomed = {b.path.name for b in backups_to_thin(_backups(ages), NOW)}
    assert doomed == {"b6"}  # only the one past eight weeks


def test_a_future_dated_backup_never_takes_the_place_of_a_real_one_when_thinning() -> None:
    # Nine to eleven days old: one ISO week, so only "the newest three" keeps all of them.
    ages = [timedelta(days=-3653), timedelta(days=9), timedelta(days=10), timedelta(days=11)]
    assert backups_to_thin(_backups(ages), NOW) == []


def _backup_problem_on_open(data_dir: Path) -> BackupProblem:
    store = Store.open(data_dir)
    try:
        assert store.get_setting("display.theme") == "dark"  # the data opens all the same
        assert store.recovery is None
        assert store.backup_problem is not None
        return store.backup_problem
    finally:
        store.close()


def _store_a_day_ago(data_dir: Path) -> None:
    store = Store.open(data_dir, now=lambda: datetime.now(UTC) - timedelta(days=1))
    store.set_setting("display.theme", "dark")
    store.close()


def test_a_backups_folder_that_cannot_be_used_is_a_warning_not_a_refusal(data_dir: Path) -> None:
    _store_a_day_ago(data_dir)
    shutil.rmtree(data_dir / "backups")
    (data_dir / "backups").write_text("a file where the folder should be")
    problem = _backup_problem_on_open(data_dir)
    assert problem.folder == data_dir / "backups"


def test_a_backup_that_fails_for_space_is_a_warning_and_leaves_no_partial_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_a_day_ago(data_dir)
    real_copy = backups_module.copy_database

    def copy_then_fail(source: sqlite3.Connection, target: Path) -> None:
        real_copy(source, target)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups_module, "copy_database", copy_then_fail)
    assert _backup_problem_on_open(data_dir).kind == "disk_full"
    assert not [p.name for p in (data_dir / "backups").iterdir() if "partial" in p.name]


def test_a_backups_folder_on_a_full_disk_is_a_warning(tmp_path: Path, data_dir: Path) -> None:
    _store_a_day_ago(data_dir)
    with small_disk(data_dir / "backups", 64) as folder:
        fill(folder, 0)
        assert _backup_problem_on_open(data_dir).kind == "disk_full"
        assert not [p.name for p in folder.iterdir() if "partial" in p.name]


def test_a_read_only_backups_folder_is_a_warning(tmp_path: Path, data_dir: Path) -> None:
    _store_a_day_ago(data_dir)
    (tmp_path / "elsewhere").mkdir()
    with read_only_view(tmp_path / "elsewhere", data_dir / "backups"):
        assert _backup_problem_on_open(data_dir).kind == "read_only"


def test_unfinished_backup_copies_are_removed(data_dir: Path) -> None:
    folder = data_dir / "backups"
    folder.mkdir()
    stale = folder / "companion-20261124T120000Z.sqlite3.partial"
    stale.write_bytes(b"half a copy")
    Store.open(data_dir).close()
    assert not stale.exists()
    assert not [p for p in folder.iterdir() if p.name.endswith("partial")]


def test_a_clock_ten_years_ahead_and_back_never_stops_daily_backups(data_dir: Path) -> None:
    clock = [NOW]
    Store.open(data_dir, now=lambda: clock[0]).close()
    clock[0] = NOW + timedelta(days=3653)  # ten years ahead, for a day
    Store.open(data_dir, now=lambda: clock[0]).close()
    folder = data_dir / "backups"
    for day in range(1, 12):  # back to the right time, then daily for eleven days
        clock[0] = NOW + timedelta(days=day)
        assert daily_backup_due(folder, clock[0])
        Store.open(data_dir, now=lambda: clock[0]).close()
    real = [b for b in list_backups(folder) if b.taken_at <= clock[0]]
    kept_days = {b.taken_at.date() for b in real}
    # One a day for the last week, every one of them; the future one is kept but never counted.
    assert {(clock[0] - timedelta(days=d)).date() for d in range(8)} <= kept_days
    assert len(list_backups(folder)) - len(real) == 1


def test_a_restore_never_prefers_a_backup_because_its_date_is_in_the_future(
    data_dir: Path,
) -> None:
    clock = [NOW + timedelta(days=3653)]  # the clock runs ten years ahead...
    store = Store.open(data_dir, now=lambda: clock[0])
    store.set_setting("display.theme", "old")
    store.close()
    clock[0] = NOW  # ...then is put right, and the patient carries on
    store = Store.open(data_dir, now=lambda: clock[0])
    store.set_setting("display.theme", "dark")
    store.backup_now("latest")
    store.close()
    (data_dir / "companion.sqlite3").write_bytes(b"")
    store = Store.open(data_dir, now=lambda: clock[0])
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert store.recovery.restored_from <= NOW
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()
