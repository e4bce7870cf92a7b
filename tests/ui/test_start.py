"""Where the home window opens: the first-run welcome and its three choices, then what fits
today (test protocol, ManualClock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.recovery import RecoveryArea
from app.ui.start import WelcomePage

NOW = datetime(2026, 3, 7, 21, 0, tzinfo=UTC)  # 16:00 in New York
NEW_YORK = "America/New_York"


def _open(
    qtbot: QtBot,
    content: ContentProvider,
    store: Store,
    prefs: Preferences,
    qsettings: QSettings,
    clock: ManualClock,
) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = RecoverySession(store, content, clock)
    window = build_home_window(app, prefs, content, None, None, qsettings, session)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.choose_start is None)  # decided after the first frame
    return window


def _welcome(window: MainWindow) -> WelcomePage:
    page = window.stack.currentWidget()
    assert isinstance(page, WelcomePage)
    return page


@pytest.mark.parametrize(
    ("choice", "area", "days_ahead"), [("ahead", "recovery", 7), ("had", "recovery", 0)]
)
def test_first_run_choices_lead_to_the_treatment_form_with_a_sensible_date(
    qtbot: QtBot,
    content: ContentProvider,
    store: Store,
    prefs: Preferences,
    qsettings: QSettings,
    choice: str,
    area: str,
    days_ahead: int,
) -> None:
    window = _open(qtbot, content, store, prefs, qsettings, ManualClock(NOW))
    _welcome(window).buttons[choice].click()
    assert window.current_key() == area
    recovery = window.area_widget("recovery")
    assert isinstance(recovery, RecoveryArea)
    assert recovery.stack.currentWidget() is recovery.welcome
    expected = NOW.astimezone().date() + timedelta(days=days_ahead)
    assert recovery.first_form.date_edit.date().toPython() == expected
    assert prefs.welcome_seen


def test_i_just_want_to_learn_opens_learn_and_the_welcome_is_not_shown_again(
    qtbot: QtBot, content: ContentProvider, store: Store, prefs: Preferences, qsettings: QSettings
) -> None:
    window = _open(qtbot, content, store, prefs, qsettings, ManualClock(NOW))
    _welcome(window).buttons["learn"].click()
    assert window.current_key() == "learn"
    again = _open(qtbot, content, store, prefs, qsettings, ManualClock(NOW))
    assert again.current_key() == "learn"
    assert not isinstance(again.stack.currentWidget(), WelcomePage)


@pytest.mark.parametrize(
    ("treated", "expected"),
    [
        (NOW + timedelta(days=3), "recovery"),  # getting ready
        (NOW - timedelta(days=1), "recovery"),  # day 2 of recovery
        (NOW - timedelta(days=30), "learn"),  # aftercare over
    ],
)
def test_a_later_launch_opens_on_what_fits_today(
    qtbot: QtBot,
    content: ContentProvider,
    store: Store,
    prefs: Preferences,
    qsettings: QSettings,
    treated: datetime,
    expected: str,
) -> None:
    prefs.set_welcome_seen()
    store.add_treatment(treated.astimezone(ZoneInfo(NEW_YORK)), NEW_YORK)
    window = _open(qtbot, content, store, prefs, qsettings, ManualClock(NOW))
    assert window.current_key() == expected
    assert window.stack.currentWidget() is window.area_widget(expected)


def test_a_stored_treatment_skips_the_welcome(
    qtbot: QtBot, content: ContentProvider, store: Store, prefs: Preferences, qsettings: QSettings
) -> None:
    store.add_treatment(NOW - timedelta(days=1), NEW_YORK)
    window = _open(qtbot, content, store, prefs, qsettings, ManualClock(NOW))
    assert window.current_key() == "recovery"
