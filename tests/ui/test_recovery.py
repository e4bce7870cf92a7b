"""My recovery: entering, changing and deleting treatments, the checklist, the countdown and
reminders, with a clock the tests move by hand, on the test pack's protocol (tests/fixtures):
makeup 30 real hours, then sweating at 60. The daily check-in: tests/ui/test_checkin.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.recovery_session import RecoverySession
from app.ui.reminders import Reminders
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT

NEW_YORK = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(NEW_YORK))  # 21:00 UTC, before DST


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TREATED.astimezone(UTC) + timedelta(hours=2))


@pytest.fixture
def session(store: Store, content: ContentProvider, clock: ManualClock) -> RecoverySession:
    return RecoverySession(store, content, clock)


@pytest.fixture
def area(qtbot: QtBot, session: RecoverySession) -> Iterator[RecoveryArea]:
    confirmations: list[str] = []

    def confirm(_parent: object, question: str) -> bool:
        confirmations.append(question)
        return True

    widget = RecoveryArea(session, lambda: LIGHT, confirm)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    yield widget


def _enter(area: RecoveryArea, when: datetime) -> None:
    form = area.first_form
    form.zone = NEW_YORK
    local = when.astimezone(ZoneInfo(NEW_YORK))
    form.date_edit.setDate(QDate(local.year, local.month, local.day))
    form.time_edit.setTime(QTime(local.hour, local.minute))
    form.save_button.click()


def test_entering_a_treatment_shows_today_with_a_countdown(area: RecoveryArea) -> None:
    assert area.stack.currentWidget() is area.welcome
    _enter(area, TREATED)
    assert area.stack.currentWidget() is area.tabbed
    assert area.today.countdown.text() == "Makeup fine in 28 h 0 min"
    assert area.today.progress.format().startswith("Day 1 of ")


def test_a_time_over_a_year_ahead_is_refused_with_plain_words(
    area: RecoveryArea, clock: ManualClock
) -> None:
    _enter(area, clock.now() + timedelta(days=400))
    assert area.stack.currentWidget() is area.welcome
    assert area.first_form.error_box.isVisibleTo(area)
    assert "more than a year ahead" in area.first_form.error.text()


def test_a_booked_treatment_is_got_ready_for_then_turns_into_recovery_at_its_time(
    area: RecoveryArea, clock: ManualClock
) -> None:
    booked = TREATED + timedelta(days=3)
    _enter(area, booked)
    today = area.today
    assert area.stack.currentWidget() is area.tabbed
    assert today.state == "getting-ready"
    assert today.countdown.text() == "Your treatment is in 3 days"
    assert today.ready_card.isVisibleTo(area) and not today.checklist_card.isVisibleTo(area)
    assert not today.progress.isVisibleTo(area)
    assert "Done" not in area.timeline.describe()  # its plan ahead of time, nothing passed
    clock.set(booked.astimezone(UTC) - timedelta(minutes=1))
    area.refresh()
    assert today.countdown.text() == "Your treatment is today"
    clock.set(booked.astimezone(UTC))
    area.refresh()  # the same record, no re-entry
    assert today.state == "recovering"
    assert today.progress.format().startswith("Day 1 of ")
    assert today.checklist_card.isVisibleTo(area) and not today.ready_card.isVisibleTo(area)


def test_a_clock_set_far_before_the_treatment_says_so_plainly(
    area: RecoveryArea, clock: ManualClock
) -> None:
    _enter(area, TREATED)
    clock.set(TREATED.astimezone(UTC) - timedelta(days=800))
    area.refresh()
    assert area.today.state == "getting-ready"
    assert "check the computer's clock" in area.today.countdown_detail.text()


def test_makeup_milestone_counts_real_hours_across_spring_forward(
    area: RecoveryArea, clock: ManualClock
) -> None:
    _enter(area, TREATED)
    # One minute before: 22:59 local on 8 March, which is 30 h minus a minute of real time.
    clock.set(TREATED.astimezone(UTC) + timedelta(hours=29, minutes=59))
    area.refresh()
    assert area.today.countdown.text() == "Makeup fine in 1 min"
    assert "23:00" in area.today.countdown_detail.text() or "11:00" in (
        area.today.countdown_detail.text()
    )
    clock.advance(timedelta(minutes=2))  # past the boundary: the next milestone takes over
    area.refresh()
    assert area.today.countdown.text().startswith("Sweating fine in ")


def test_ticking_and_unticking_survive_a_restart(
    qtbot: QtBot, area: RecoveryArea, content: ContentProvider, clock: ManualClock, data_dir: Path
) -> None:
    _enter(area, TREATED)
    first_id = next(iter(area.today.checkboxes))
    area.today.checkboxes[first_id].click()
    # The answer is beside the item ticked, and the list counts what is done.
    assert area.today.checkboxes[first_id].saved.text() == "Saved \u2713"
    assert not area.today.checkboxes[first_id].saved.isHidden()
    total = len(area.today.checkboxes)
    assert area.today.count_label.text() == f"1 of {total} done"
    second_store = Store.open(data_dir)  # a second look at the same file, as after a restart
    try:
        again = RecoveryArea(RecoverySession(second_store, content, clock), lambda: LIGHT)
        qtbot.addWidget(again)
        assert again.today.checkboxes[first_id].isChecked()
        again.today.checkboxes[first_id].click()  # untick
        third = Store.open(data_dir)
        try:
            marks = third.marks(third.treatments()[0].id, TREATED.date())
            assert first_id not in marks
        finally:
            third.close()
    finally:
        second_store.close()


def test_an_earlier_day_can_be_looked_back_at(area: RecoveryArea, clock: ManualClock) -> None:
    _enter(area, TREATED)
    clock.advance(timedelta(days=2))
    area.refresh()
    today_title = area.today.checklist_title.text()
    area.today.earlier_button.click()
    assert area.today.checklist_title.text() != today_title
    assert "day 2" in area.today.checklist_title.text()
    area.today.today_button.click()
    assert area.today.checklist_title.text() == today_title


def test_changing_and_deleting_a_treatment(area: RecoveryArea, session: RecoverySession) -> None:
    _enter(area, TREATED)
    treatments = area.treatments
    record = session.records()[0]
    treatments._open_form(record)
    treatments.form.time_edit.setTime(QTime(15, 0))
    treatments.form.save_button.click()
    changed = session.records()[0]
    assert changed.treated_at == TREATED.astimezone(UTC) - timedelta(hours=1)
    treatments._delete(changed, 1)
    assert session.records() == []
    assert area.stack.currentWidget() is area.welcome


def test_a_second_session_makes_a_series(area: RecoveryArea, clock: ManualClock) -> None:
    _enter(area, TREATED)
    clock.advance(timedelta(days=30))
    area.treatments._open_form(None)
    form = area.treatments.form
    form.zone = NEW_YORK
    local = (clock.now() - timedelta(hours=1)).astimezone(ZoneInfo(NEW_YORK))
    form.date_edit.setDate(QDate(local.year, local.month, local.day))
    form.time_edit.setTime(QTime(local.hour, local.minute))
    form.save_button.click()
    assert "Session 2 of 2" in area.today.progress.format()


def test_each_reminder_fires_exactly_once_even_after_a_restart(
    store: Store, content: ContentProvider, clock: ManualClock, data_dir: Path
) -> None:
    session = RecoverySession(store, content, clock)
    session.add(TREATED, NEW_YORK)
    fired: list[str] = []
    reminders = Reminders(session)
    texts: list[str] = []
    reminders.reminder.connect(lambda title, _text: fired.append(title))
    reminders.reminder.connect(lambda _title, text: texts.append(text))
    clock.set(TREATED.astimezone(UTC) + timedelta(hours=30, minutes=1))  # makeup milestone passed
    reminders.check()
    reminders.check()
    makeup = [t for t in fired if "makeup" in t.lower()]
    assert len(makeup) == 1
    assert fired.count("Today's aftercare") == 1  # 23:01 local is past the morning nudge hour
    # The count goes through Qt's plural forms (%n), never "There are 1 things".
    plan = session.position().plan
    assert plan is not None
    tasks = [e for e in plan.checklist_for(plan.local_date_of(session.now())) if not e.is_rule]
    count = len(tasks)
    assert 0 < count < len(plan.checklist_for(plan.local_date_of(session.now())))
    assert f"Things on today's checklist: {count}" in texts
    second = Store.open(data_dir)
    try:
        again = Reminders(RecoverySession(second, content, clock))
        again.reminder.connect(lambda title, _text: fired.append(title))
        again.check()
    finally:
        second.close()
    assert len([t for t in fired if "makeup" in t.lower()]) == 1


def test_a_milestone_missed_by_days_is_not_announced_late(
    store: Store, content: ContentProvider, clock: ManualClock
) -> None:
    session = RecoverySession(store, content, clock)
    session.add(TREATED, NEW_YORK)
    clock.set(TREATED.astimezone(UTC) + timedelta(days=5))
    fired: list[str] = []
    reminders = Reminders(session)
    reminders.reminder.connect(lambda title, _text: fired.append(title))
    reminders.check()
    assert not any("makeup" in t.lower() for t in fired)


def test_take_it_home_saves_the_calendar_file_where_chosen(
    qtbot: QtBot, session: RecoverySession, tmp_path: Path
) -> None:
    from icalendar import Calendar

    chosen = tmp_path / "my-plan.ics"
    widget = RecoveryArea(session, lambda: LIGHT, choose_file=lambda *_: str(chosen))
    qtbot.addWidget(widget)
    session.add(TREATED, NEW_YORK)
    widget.take_home.calendar_button.click()
    events = Calendar.from_ical(chosen.read_bytes()).walk("VEVENT")
    plan = session.position().plan
    assert plan is not None and len(events) == len(plan.milestones)
    assert "Saved to" in widget.take_home.status.text()


def test_take_it_home_says_so_when_the_file_cannot_be_written(
    qtbot: QtBot, session: RecoverySession, tmp_path: Path
) -> None:
    widget = RecoveryArea(
        session, lambda: LIGHT, choose_file=lambda *_: str(tmp_path / "gone" / "x.ics")
    )
    qtbot.addWidget(widget)
    session.add(TREATED, NEW_YORK)
    widget.take_home.calendar_button.click()
    assert widget.take_home.status.text().startswith("Not saved")


def test_cancelling_the_file_dialog_saves_nothing(
    qtbot: QtBot, session: RecoverySession, tmp_path: Path
) -> None:
    widget = RecoveryArea(session, lambda: LIGHT, choose_file=lambda *_: "")
    qtbot.addWidget(widget)
    session.add(TREATED, NEW_YORK)
    widget.take_home.pdf_button.click()
    assert widget.take_home.status.text() == ""
    assert not list(tmp_path.glob("*.pdf"))


def test_after_the_last_day_today_says_aftercare_finished_and_to_keep_using_sunscreen(
    area: RecoveryArea, clock: ManualClock, session: RecoverySession
) -> None:
    _enter(area, TREATED)
    plan = session.position(clock.now()).plan
    assert plan is not None
    # The test pack's sun care (10 days) ends at 16:00 on day 11, Tuesday 17 March: day 12 is
    # the first day with nothing on the list.
    assert plan.recovery_length_days == 11
    clock.set(TREATED.astimezone(UTC) + timedelta(days=11, hours=2))
    area.refresh()
    finished = area.today.saved_label.text()
    assert finished == "Aftercare finished on Tuesday 17 March. Keep using sunscreen every day."
    assert area.today.checkboxes == {}
    # Day 12, 16, 25 and 60: never "Day N of 11"; the hero says aftercare is over.
    for day in (12, 16, 25, 60):
        clock.set(TREATED.astimezone(UTC) + timedelta(days=day - 1, hours=2))
        area.refresh()
        assert area.today.state == "after"
        assert not area.today.progress.isVisibleTo(area)
        assert area.today.countdown.text() == "Aftercare finished on Tuesday 17 March."
        assert area.today.countdown_detail.text() == "Keep using sunscreen every day."
        card = area.today.next_session
        assert card.isVisibleTo(area) and card.button.text() == "Add session 2"
        due = "due around Saturday 11 April"
        assert due in card.text.text()
        assert ("was " + due in card.text.text()) is (day == 60)
        # The next session is never "Done" by itself (timeline).
        next_row = next(r for r in area.timeline.rows if r.key == "next_session")
        assert not next_row.done and "Done" not in next_row.plain


def test_the_next_session_is_due_until_added_from_today(
    area: RecoveryArea, clock: ManualClock, session: RecoverySession
) -> None:
    _enter(area, TREATED)
    clock.set(TREATED.astimezone(UTC) + timedelta(days=40))
    area.refresh()
    area.today.next_session.button.click()
    assert area.tabs.currentWidget() is area.treatments
    form = area.treatments.form
    assert form.isVisibleTo(area)
    assert form.date_edit.date() == QDate(2026, 4, 11)  # the day it was due
    form.zone = NEW_YORK
    form.save_button.click()
    assert len(session.records()) == 2
    area.refresh()
    assert session.position(clock.now()).session_number == 2
    assert area.today.state == "recovering"
    assert area.today.next_session.button.text() == "Add session 3"
