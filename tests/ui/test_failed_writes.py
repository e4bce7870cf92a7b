"""Writes that fail in the window (full disk, read-only file) are told beside the control, and
the control goes back to what is stored; never the crash dialog.

Two ways to fail: the store made to raise StoreWriteError, and a real read-only database
(`PRAGMA query_only=ON` on the store's own connection, which refuses writes even as root, as
a `chmod` would not)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store, StoreWriteError
from app.ui.error_dialog import ErrorDialog
from app.ui.excepthook import install_excepthook
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.reminders import Reminders
from app.ui.screens.recovery import RecoveryArea
from app.ui.screens.settings import SettingsScreen
from app.ui.screens.treatment_form import TreatmentForm
from app.ui.theme import LIGHT

NEW_YORK = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(NEW_YORK))
DISK_FULL = "Not saved: the disk is full. Free some space, then try again."
READ_ONLY = "Not saved: your data file is read-only."


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every crash report the app would show (its own excepthook, as in the real app) and
    every crash dialog opened. A test that passes leaves it empty."""
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(shown.append)
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append("dialog") or 0)
    yield shown


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TREATED.astimezone(UTC) + timedelta(hours=2))


@pytest.fixture
def session(store: Store, content: ContentProvider, clock: ManualClock) -> RecoverySession:
    return RecoverySession(store, content, clock)


@pytest.fixture
def area(qtbot: QtBot, session: RecoverySession) -> RecoveryArea:
    widget = RecoveryArea(session, lambda: LIGHT, lambda _parent, _question: True)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    return widget


def _fill(form: TreatmentForm, when: datetime) -> None:
    form.zone = NEW_YORK
    local = when.astimezone(ZoneInfo(NEW_YORK))
    form.date_edit.setDate(QDate(local.year, local.month, local.day))
    form.time_edit.setTime(QTime(local.hour, local.minute))


def _treated(area: RecoveryArea) -> None:
    _fill(area.first_form, TREATED)
    area.first_form.save_button.click()
    assert area.stack.currentWidget() is area.tabbed


def _read_only(store: Store) -> None:
    store._conn.execute("PRAGMA query_only = ON")


def _fail(monkeypatch: pytest.MonkeyPatch, store: Store, method: str, kind: str) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StoreWriteError(kind)  # type: ignore[arg-type]

    monkeypatch.setattr(store, method, refuse)


def test_a_tick_on_a_full_disk_is_undone_and_says_why(
    area: RecoveryArea, store: Store, monkeypatch: pytest.MonkeyPatch, crashes: list[str]
) -> None:
    _treated(area)
    _fail(monkeypatch, store, "set_mark", "disk_full")
    row = next(iter(area.today.checkboxes.values()))
    row.click()
    assert not row.isChecked()
    assert row.problem.text() == DISK_FULL  # under the item clicked, however long the list
    assert not row.problem.isHidden()
    assert row.box.accessibleDescription() == DISK_FULL
    assert all(r.saved.isHidden() for r in area.today.checkboxes.values())  # no "Saved" left
    assert crashes == []


def test_a_tick_on_a_read_only_database_is_undone_and_nothing_is_stored(
    area: RecoveryArea, store: Store, session: RecoverySession, crashes: list[str]
) -> None:
    _treated(area)
    _read_only(store)
    item_id, row = next(iter(area.today.checkboxes.items()))
    row.click()
    assert not row.isChecked()
    assert row.problem.text().startswith(READ_ONLY)
    assert item_id not in session.marks(session.records()[0].id, TREATED.date())
    assert crashes == []


def test_an_untick_that_cannot_be_saved_leaves_the_box_ticked(
    area: RecoveryArea, store: Store, crashes: list[str]
) -> None:
    _treated(area)
    row = next(iter(area.today.checkboxes.values()))
    row.click()
    assert row.isChecked()
    _read_only(store)
    row.click()
    assert row.isChecked()  # still stored as done
    assert row.problem.text().startswith(READ_ONLY)
    assert crashes == []


def test_a_tick_after_the_disk_has_room_again_is_saved(
    area: RecoveryArea, store: Store, session: RecoverySession, crashes: list[str]
) -> None:
    _treated(area)
    item_id, row = next(iter(area.today.checkboxes.items()))
    _read_only(store)
    row.click()
    store._conn.execute("PRAGMA query_only = OFF")
    row.click()
    assert row.isChecked()
    assert row.saved.text() == "Saved \u2713"
    assert row.problem.isHidden()
    assert item_id in session.marks(session.records()[0].id, TREATED.date())
    assert crashes == []


def test_a_checkin_choice_that_cannot_be_saved_returns_to_the_stored_answer(
    area: RecoveryArea, store: Store, session: RecoverySession, crashes: list[str]
) -> None:
    _treated(area)
    panel = area.today.checkin
    panel.symptoms["redness"].buttons["1"].click()  # mild, saved
    _read_only(store)
    panel.symptoms["redness"].buttons["3"].click()  # severe, refused
    assert panel.symptoms["redness"].value() == "1"
    assert panel.status.text().startswith(READ_ONLY)
    stored = session.checkin(session.records()[0].id, TREATED.date())
    assert stored is not None and stored.scores == {"redness": 1}
    assert crashes == []


def test_a_first_checkin_choice_that_cannot_be_saved_goes_back_to_nothing_chosen(
    area: RecoveryArea, store: Store, monkeypatch: pytest.MonkeyPatch, crashes: list[str]
) -> None:
    _treated(area)
    _fail(monkeypatch, store, "save_checkin", "disk_full")
    panel = area.today.checkin
    panel.note.setPlainText("typed words stay")
    panel.symptoms["pain"].buttons["2"].click()
    assert panel.symptoms["pain"].value() is None
    assert panel.status.text() == DISK_FULL
    assert panel.note.toPlainText() == "typed words stay"  # nothing typed is thrown away
    assert crashes == []


def test_the_clock_tick_keeps_a_note_being_typed(area: RecoveryArea) -> None:
    _treated(area)
    panel = area.today.checkin
    panel.symptoms["redness"].buttons["1"].click()
    panel.note.setPlainText("still typing")  # not saved yet: the save waits for a pause
    area.refresh()  # what the 10 s tick does
    assert panel.note.toPlainText() == "still typing"
    assert panel.symptoms["redness"].value() == "1"


def test_a_treatment_that_cannot_be_added_keeps_the_form_and_says_why(
    area: RecoveryArea, store: Store, monkeypatch: pytest.MonkeyPatch, crashes: list[str]
) -> None:
    _fail(monkeypatch, store, "add_treatment", "disk_full")
    _fill(area.first_form, TREATED)
    area.first_form.save_button.click()
    assert area.stack.currentWidget() is area.welcome
    assert area.first_form.error_box.isVisibleTo(area)
    assert area.first_form.error.text() == DISK_FULL
    assert crashes == []


def test_a_change_or_deletion_that_cannot_be_saved_changes_nothing(
    area: RecoveryArea, store: Store, session: RecoverySession, crashes: list[str]
) -> None:
    _treated(area)
    before = session.records()
    _read_only(store)
    treatments = area.treatments
    area.tabs.setCurrentWidget(treatments)
    treatments._open_form(before[0])
    _fill(treatments.form, TREATED - timedelta(hours=3))
    treatments.form.save_button.click()
    assert treatments.form.isVisibleTo(area) and treatments.form.error_box.isVisibleTo(area)
    assert treatments.form.error.text().startswith(READ_ONLY)
    treatments._delete(before[0], 1)
    assert treatments.status.isVisibleTo(area)
    assert treatments.status.text().startswith(READ_ONLY)
    assert session.records() == before
    assert crashes == []


@pytest.mark.parametrize(
    ("control", "method"),
    [("text size", "size_group"), ("colours", "theme_group"), ("motion", "reduce_motion")],
)
def test_a_setting_that_cannot_be_saved_is_undone_on_screen(
    qtbot: QtBot,
    store: Store,
    app_style: QApplication,
    crashes: list[str],
    control: str,
    method: str,
) -> None:
    prefs = Preferences(store)
    screen = SettingsScreen(prefs)
    qtbot.addWidget(screen)
    screen.show()
    restyled: list[bool] = []
    prefs.changed.connect(lambda: restyled.append(True))
    _read_only(store)
    if method == "reduce_motion":
        screen.reduce_motion.click()
        assert not screen.reduce_motion.isChecked()
        status = screen.motion_status
    else:
        group = getattr(screen, method)
        group.button(2).click()
        assert group.checkedId() == 0, control
        status = screen.size_status if method == "size_group" else screen.theme_status
    assert status.isVisibleTo(screen)
    assert status.text().startswith(READ_ONLY)
    assert (prefs.text_step, prefs.theme, prefs.reduce_motion) == (0, "light", False)
    assert restyled == []
    assert crashes == []


def test_a_reminder_the_store_cannot_record_is_shown_once_in_this_run(
    area: RecoveryArea,
    store: Store,
    session: RecoverySession,
    clock: ManualClock,
    crashes: list[str],
) -> None:
    _treated(area)
    shown: list[str] = []
    reminders = Reminders(session)
    reminders.reminder.connect(lambda title, _text: shown.append(title))
    _read_only(store)
    clock.advance(timedelta(hours=22, minutes=1))  # the first milestone has passed
    reminders.check()
    first = list(shown)
    reminders.check()  # the 30 s timer, again
    assert first and shown == first
    assert crashes == []
