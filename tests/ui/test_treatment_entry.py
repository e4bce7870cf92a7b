"""Entering a treatment as a patient does: typing a time into the real field sets that time;
what is wrong shows as the fields change and goes once fixed; the zone is said in words; a
session within a week of another asks first; deleting asks, with "Keep" the default.
The computer's zone is New York here, and the clock is a ManualClock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui import zone_words
from app.ui.recovery_session import RecoverySession
from app.ui.screens import treatment_form
from app.ui.screens.questions import ask
from app.ui.screens.recovery import RecoveryArea
from app.ui.screens.treatment_form import TreatmentForm
from app.ui.theme import LIGHT
from tests.ui.disposal import dispose

NEW_YORK = "America/New_York"
NY = ZoneInfo(NEW_YORK)
# Monday 9 March 2026, 10:00 in New York: the clocks went forward on Sunday 8 March.
NOW = datetime(2026, 3, 9, 10, 0, tzinfo=NY)


@pytest.fixture(autouse=True)
def computer_in_new_york(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(treatment_form, "system_zone_name", lambda: NEW_YORK)
    monkeypatch.setattr(zone_words, "system_zone_name", lambda: NEW_YORK)


@pytest.fixture(params=["en_GB", "en_US"])
def locale(request: pytest.FixtureRequest) -> Iterator[str]:
    """A 24-hour clock and a 12-hour one ("3:00 PM")."""
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(before)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW.astimezone(UTC))


@pytest.fixture
def session(store: Store, content: ContentProvider, clock: ManualClock) -> RecoverySession:
    return RecoverySession(store, content, clock)


@pytest.fixture
def area(qtbot: QtBot, session: RecoverySession) -> Iterator[RecoveryArea]:
    widget = RecoveryArea(session, lambda: LIGHT, ask)  # the real questions
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    dispose(widget)


@dataclass
class Asked:
    text: str = ""
    buttons: list[str] = field(default_factory=list)
    default: str = ""


def answer_next_question(qtbot: QtBot, click: str | None) -> Asked:
    """When the next question opens, note it and click `click`, or press Enter (None)."""
    asked = Asked()
    tries = iter(range(500))

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(10, act)
            return
        asked.text = box.text()
        asked.buttons = [b.text() for b in box.buttons()]
        default = box.defaultButton()
        asked.default = default.text() if default is not None else ""
        if click is None:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            next(b for b in box.buttons() if b.text() == click).click()

    QTimer.singleShot(0, act)
    return asked


def _type_time(qtbot: QtBot, form: TreatmentForm, text: str) -> None:
    """Click into the time field, as a patient would, and type."""
    field = form.time_edit
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
    assert field.hasFocus()
    qtbot.waitUntil(lambda: field.selectedText() == field.text())  # the click selected it all
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(QDate(2026, 3, 7), 20), (QDate(2026, 3, 8), 19)],  # before and after spring forward
)
def test_typing_15_00_into_the_time_field_saves_15_00_on_the_patients_clock(
    qtbot: QtBot,
    area: RecoveryArea,
    session: RecoverySession,
    locale: str,
    day: QDate,
    utc_hour: int,
) -> None:
    form = area.first_form
    form.date_edit.setDate(day)
    _type_time(qtbot, form, "15:00")
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Tab)
    assert form.time_edit.text() == ("3:00 PM" if locale == "en_US" else "15:00")
    form.save_button.click()
    (record,) = session.records()
    assert record.zone == NEW_YORK
    assert record.treated_at.astimezone(NY).hour == 15
    assert record.treated_at.astimezone(UTC) == datetime(
        2026, 3, day.day(), utc_hour, 0, tzinfo=UTC
    )


def test_a_time_field_reached_by_tab_takes_a_typed_time_too(
    qtbot: QtBot, area: RecoveryArea, session: RecoverySession
) -> None:
    form = area.first_form
    form.date_edit.setDate(QDate(2026, 3, 7))
    form.date_edit.setFocus()
    for _ in range(4):  # Tab goes through the date's day, month and year first
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        if form.time_edit.hasFocus():
            break
    assert form.time_edit.hasFocus()
    qtbot.waitUntil(lambda: form.time_edit.selectedText() == form.time_edit.text())
    qtbot.keyClicks(form.time_edit, "3pm")
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Return)
    form.save_button.click()
    assert session.records()[0].treated_at.astimezone(NY).hour == 15


def test_errors_appear_as_the_fields_change_and_clear_when_fixed(
    qtbot: QtBot, area: RecoveryArea
) -> None:
    form = area.first_form
    assert form.error_box.isHidden()
    form.date_edit.setDate(QDate(2027, 4, 1))  # more than a year ahead: told at once
    assert form.error_box.isVisibleTo(area)
    assert "more than a year ahead" in form.error.text()
    form.date_edit.setDate(QDate(2026, 3, 8))  # fixed: gone, nothing saved yet
    assert form.error_box.isHidden()
    _type_time(qtbot, form, "2:30")  # the hour the clocks skipped that day
    assert form.error_box.isVisibleTo(area)
    assert "clocks went forward" in form.error.text()
    form.time_edit.selectAll()
    qtbot.keyClicks(form.time_edit, "3:30")
    assert form.error_box.isHidden()
    form.date_edit.setDate(QDate(2025, 1, 5))
    assert "more than a year ago" in form.error.text()
    form.date_edit.setDate(QDate(2026, 2, 5))
    assert form.error_box.isHidden()


def test_a_time_still_being_typed_is_not_called_wrong_until_the_patient_moves_on(
    qtbot: QtBot, area: RecoveryArea, session: RecoverySession
) -> None:
    form = area.first_form
    _type_time(qtbot, form, "15:0")
    assert form.error_box.isHidden()  # half typed: not an error yet
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Tab)
    assert form.error_box.isVisibleTo(area)
    assert form.error.text().startswith("Type the time like ")
    form.save_button.click()
    assert session.records() == []
    form.time_edit.setFocus()
    form.time_edit.selectAll()
    qtbot.keyClicks(form.time_edit, "15:00")
    assert form.error_box.isHidden()  # fixed: the old message does not stay up


def test_a_booked_treatment_up_to_a_year_ahead_is_accepted(qtbot: QtBot) -> None:
    form = TreatmentForm(NOW.astimezone(UTC))
    qtbot.addWidget(form)
    form.date_edit.setDate(QDate(2026, 3, 20))
    with qtbot.waitSignal(form.saved) as saved:
        form.save_button.click()
    assert saved.args is not None and saved.args[0].date() == datetime(2026, 3, 20).date()
    assert form.error_box.isHidden()
    dispose(form)


def _label_texts(form: TreatmentForm) -> str:
    return " ".join(label.text() for label in form.findChildren(QLabel))


def test_the_zone_is_said_in_words_never_as_an_iana_name(
    qtbot: QtBot, area: RecoveryArea, session: RecoverySession
) -> None:
    form = area.first_form
    assert "Times are in this computer's time." in form.intro.text()
    session.add(datetime(2026, 3, 5, 15, tzinfo=ZoneInfo("Europe/London")), "Europe/London")
    area.treatments._open_form(session.records()[0])
    texts = _label_texts(area.treatments.form)
    assert "Times are in London time." in texts
    assert "Europe/" not in texts and "Etc/" not in texts
    assert zone_words.zone_words("Etc/UTC", NEW_YORK) == "UTC"
    assert zone_words.zone_words("America/Argentina/Buenos_Aires", NEW_YORK) == "Buenos Aires time"
    area.treatments._open_form(None)  # a new session is on this computer's clock again
    assert "this computer's time" in area.treatments.form.intro.text()


def _add_session(area: RecoveryArea, day: QDate) -> None:
    area.treatments._open_form(None)
    form = area.treatments.form
    form.date_edit.setDate(day)
    form.time_edit.setText("16:00")
    form.save_button.click()


def test_a_session_within_a_week_of_another_asks_and_go_back_keeps_the_form(
    qtbot: QtBot, area: RecoveryArea, session: RecoverySession, locale: str
) -> None:
    session.add(datetime(2026, 3, 3, 16, tzinfo=NY), NEW_YORK)
    asked = answer_next_question(qtbot, click=None)  # Enter: the default
    _add_session(area, QDate(2026, 3, 4))
    assert asked.text == "You already have a session on Tue 3 Mar. Add another 1 day later?"
    assert sorted(asked.buttons) == ["Add it", "Go back"]
    assert asked.default == "Go back"
    assert len(session.records()) == 1
    assert area.treatments.form.isVisibleTo(area.treatments)  # what was typed is still there
    assert area.treatments.form.date_edit.date() == QDate(2026, 3, 4)


def test_a_session_within_a_week_is_added_when_the_patient_says_add_it(
    qtbot: QtBot, area: RecoveryArea, session: RecoverySession
) -> None:
    session.add(datetime(2026, 3, 3, 16, tzinfo=NY), NEW_YORK)
    asked = answer_next_question(qtbot, click="Add it")
    _add_session(area, QDate(2026, 3, 3))
    assert asked.text.endswith("Add another on the same day?")
    assert len(session.records()) == 2
    assert not area.treatments.form.isVisibleTo(area.treatments)


def test_a_session_weeks_after_another_is_added_without_a_question(
    area: RecoveryArea, session: RecoverySession, clock: ManualClock
) -> None:
    session.add(datetime(2026, 2, 2, 16, tzinfo=NY), NEW_YORK)
    _add_session(area, QDate(2026, 3, 5))  # a modal question would block here
    assert len(session.records()) == 2


def test_delete_asks_with_verbs_and_enter_keeps_the_session(
    qtbot: QtBot, area: RecoveryArea, session: RecoverySession
) -> None:
    session.add(datetime(2026, 3, 3, 16, tzinfo=NY), NEW_YORK)
    asked = answer_next_question(qtbot, click=None)
    area.treatments._delete(session.records()[0], 1)
    assert sorted(asked.buttons) == ["Delete session", "Keep"]
    assert asked.default == "Keep"
    assert len(session.records()) == 1
    answer_next_question(qtbot, click="Delete session")
    area.treatments._delete(session.records()[0], 1)
    assert session.records() == []


def test_change_then_add_starts_a_fresh_form(area: RecoveryArea, session: RecoverySession) -> None:
    session.add(datetime(2026, 2, 2, 16, tzinfo=ZoneInfo("Europe/London")), "Europe/London")
    area.treatments._open_form(session.records()[0])
    assert area.treatments.form.heading.text() == "Change the treatment time"
    area.treatments._open_form(None)
    form = area.treatments.form
    assert form.heading.text() == "When is your treatment?"
    assert form.zone == NEW_YORK
    assert form.date_edit.date() == QDate(2026, 3, 9)  # today on the clock
