"""Settings, "Your clinic": the clinic's name and phones as a patient types them, kept in the
store, checked as they are typed, and shown wherever the clinic's details appear (Warning
signs, Today's check-in card, the handout, the calendar file). A clinic config fills and
locks them. Without any phone, Warning signs links to Settings. Each test has a content
provider of its own: the patient's details are set on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import CheckInRecord, Store, StoreWriteError
from app.ui.application import apply_clinic_config, build_home_window
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.recovery import RecoveryArea
from app.ui.screens.settings import SettingsScreen
from app.ui.screens.take_home import TakeHome
from app.ui.screens.warning_signs import SETTINGS_LINK, WarningSignsArea
from tests.checkin_model import make_warnings
from tests.ui.disposal import dispose

NEW_YORK = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(NEW_YORK))
PHONE = "+1 (555) 010-0199"
DISK_FULL = "Not saved: the disk is full. Free some space, then try again."


@pytest.fixture
def provider(test_pack: Path) -> ContentProvider:
    provider = ContentProvider(test_pack)
    provider.load()
    return provider


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TREATED.astimezone(UTC) + timedelta(hours=2))


@pytest.fixture
def session(store: Store, provider: ContentProvider, clock: ManualClock) -> RecoverySession:
    return RecoverySession(store, provider, clock)


@pytest.fixture
def home(
    qtbot: QtBot,
    app_style: QApplication,
    prefs: Preferences,
    provider: ContentProvider,
    session: RecoverySession,
    data_dir: Path,
    qsettings: QSettings,
) -> Iterator[MainWindow]:
    window = build_home_window(app_style, prefs, provider, data_dir, None, qsettings, session)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    yield window
    dispose(window)


def _settings(window: MainWindow) -> SettingsScreen:
    window.go_to("settings")
    screen = window.area_widget("settings")
    assert isinstance(screen, SettingsScreen) and screen.clinic is not None
    return screen


def _warning_text(window: MainWindow) -> str:
    window.go_to("warning")
    area = window.area_widget("warning")
    assert isinstance(area, WarningSignsArea)
    return " ".join(area.view.toPlainText().split())


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_a_phone_typed_in_settings_is_kept_and_shown_on_warning_signs(
    qtbot: QtBot, home: MainWindow, store: Store, provider: ContentProvider
) -> None:
    assert "Add your clinic's phone in Settings." in _warning_text(home)
    clinic = _settings(home).clinic
    assert clinic is not None
    _type(qtbot, clinic.fields["phone"].edit, PHONE)
    qtbot.keyClick(clinic.fields["phone"].edit, Qt.Key.Key_Return)  # or a pause: kept
    assert store.get_setting("clinic.phone") == PHONE
    assert clinic.status.text() == "Saved."
    assert provider.clinic_phone == PHONE
    text = _warning_text(home)
    assert f"Clinic phone: {PHONE}" in text
    assert "Add your clinic's phone in Settings." not in text
    assert Preferences(store).clinic_details().phone == PHONE  # as after a restart


def test_typing_is_kept_after_a_pause_and_a_wrong_phone_is_told_and_not_kept(
    qtbot: QtBot, home: MainWindow, store: Store
) -> None:
    clinic = _settings(home).clinic
    assert clinic is not None
    phone = clinic.fields["phone"]
    _type(qtbot, phone.edit, "555-CALL-NOW")
    assert phone.problem.isVisibleTo(clinic)  # told while typing
    assert "digits, spaces and + ( ) - only" in phone.problem.text()
    qtbot.wait(900)  # longer than the pause that keeps a value
    assert store.get_setting("clinic.phone") is None
    _type(qtbot, phone.edit, "555 0100")
    assert phone.problem.isHidden()  # fixed: the message goes at once
    qtbot.waitUntil(lambda: store.get_setting("clinic.phone") == "555 0100", timeout=3000)
    name = clinic.fields["name"]
    _type(qtbot, name.edit, "<b>Riverside</b>")
    qtbot.keyClick(name.edit, Qt.Key.Key_Return)
    assert "plain words" in name.problem.text()
    assert store.get_setting("clinic.name") is None


def test_the_clinic_from_settings_is_on_today_the_handout_and_the_calendar_file(
    qtbot: QtBot,
    home: MainWindow,
    prefs: Preferences,
    provider: ContentProvider,
    session: RecoverySession,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    prefs.set_clinic_detail("name", "Riverside Skin Clinic")
    prefs.set_clinic_detail("phone", PHONE)
    prefs.set_clinic_detail("after_hours_phone", "555 0199")
    assert (provider.clinic_name, provider.clinic_phone) == ("Riverside Skin Clinic", PHONE)
    session.add(TREATED, NEW_YORK)

    take_home = TakeHome(session, lambda _p, _t, name, _f: str(tmp_path / name))
    qtbot.addWidget(take_home)
    take_home.save_pdf()
    pages = PdfReader(tmp_path / "aftercare-plan.pdf").pages
    handout = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert PHONE in handout and "Riverside Skin Clinic" in handout
    take_home.save_calendar()
    calendar = (tmp_path / "aftercare.ics").read_text(encoding="utf-8")
    assert PHONE in calendar.replace("\r\n ", "")  # folded lines joined
    dispose(take_home)

    # Today: the check-in card's phone lines (on the tests' warning model).
    warnings = make_warnings()
    monkeypatch.setattr(provider, "warnings", lambda: warnings)
    session.save_checkin(
        session.records()[0].id, CheckInRecord(TREATED.date() + timedelta(days=4), {"redness": 1})
    )
    clock.set(TREATED.astimezone(UTC) + timedelta(days=5, hours=2))
    home.go_to("recovery")
    area = home.area_widget("recovery")
    assert isinstance(area, RecoveryArea)
    panel = area.today.checkin
    panel.symptoms["redness"].buttons["2"].click()  # worse: call the clinic today
    assert f"Clinic phone: {PHONE}" in panel.card.phone.text()
    assert "Out of hours: 555 0199" in panel.card.phone.text()


def test_a_clinic_config_fills_and_locks_the_fields(
    qtbot: QtBot,
    home: MainWindow,
    prefs: Preferences,
    provider: ContentProvider,
    session: RecoverySession,
    tmp_path: Path,
) -> None:
    prefs.set_clinic_detail("phone", "555 1111")  # the patient's, before the clinic's setup
    config = tmp_path / "clinic.toml"
    config.write_text('format = 1\n[clinic]\nname = "Riverside"\nphone = "+1 555 0100"\n')
    told: list[str] = []
    apply_clinic_config(home, provider, session, config, tell=lambda *a: told.append(a[2]))
    assert told == []
    assert provider.clinic_phone == "+1 555 0100"
    clinic = _settings(home).clinic
    assert clinic is not None
    for key, value in (("name", "Riverside"), ("phone", "+1 555 0100")):
        field = clinic.fields[key]
        assert field.edit.text() == value and not field.edit.isEnabled()
        assert field.locked.isVisibleTo(clinic)
        assert field.locked.text() == "Set by your clinic's setup"
    after_hours = clinic.fields["after_hours_phone"]  # the config sets none: the patient may
    assert after_hours.edit.isEnabled() and after_hours.locked.isHidden()
    assert "Clinic phone: +1 555 0100" in _warning_text(home)


def test_without_a_phone_warning_signs_link_to_your_clinic_in_settings(
    qtbot: QtBot, home: MainWindow
) -> None:
    _warning_text(home)
    area = home.area_widget("warning")
    assert isinstance(area, WarningSignsArea)
    anchors = []
    block = area.view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == SETTINGS_LINK:
                anchors.append(fragment.text())
            iterator += 1
        block = block.next()
    assert anchors and all(text == "Add your clinic's phone in Settings." for text in anchors)
    area.view.setFocus()
    qtbot.keyClick(area.view, Qt.Key.Key_Tab)  # the first link
    assert area.view.textCursor().selectedText() == "Add your clinic's phone in Settings."
    with qtbot.waitSignal(area.view.anchorClicked) as followed:
        qtbot.keyClick(area.view, Qt.Key.Key_Return)
    assert followed.args == [QUrl(SETTINGS_LINK)]
    assert home.current_key() == "settings"
    screen = _settings(home)
    assert screen.clinic is not None and screen.clinic.fields["phone"].edit.hasFocus()


def test_a_write_that_fails_keeps_the_typed_phone_and_says_why(
    qtbot: QtBot,
    home: MainWindow,
    store: Store,
    provider: ContentProvider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(_key: str, _value: str) -> None:
        raise StoreWriteError("disk_full")

    monkeypatch.setattr(store, "set_setting", refuse)
    clinic = _settings(home).clinic
    assert clinic is not None
    _type(qtbot, clinic.fields["phone"].edit, PHONE)
    qtbot.keyClick(clinic.fields["phone"].edit, Qt.Key.Key_Return)
    assert clinic.status.text() == DISK_FULL
    assert clinic.fields["phone"].edit.text() == PHONE  # what was typed is not thrown away
    assert provider.clinic_phone == ""  # nothing claims a number that was not kept
