from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.store import Store
from app.store.backups import Backup, backups_to_thin, daily_backup_due, list_backups

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
