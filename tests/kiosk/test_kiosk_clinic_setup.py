"""The kiosk's clinic setup: offered only after the staff PIN, beside "Exit the kiosk"; it
saves to the kiosk's clinic config and closes itself, unsaved, when the kiosk starts again."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.kiosk.shell import KioskWindow
from app.ui.screens.clinic_setup_look import LogoEditor
from tests.kiosk.conftest import FAST, PIN


def _unlock(kiosk: KioskWindow, qtbot: QtBot) -> None:
    kiosk.pin_pad.open()
    for key in [*PIN, "ok"]:
        qtbot.mouseClick(kiosk.pin_pad.keys[key], Qt.MouseButton.LeftButton)


def test_clinic_setup_is_offered_only_after_the_staff_pin(kiosk: KioskWindow, qtbot: QtBot) -> None:
    assert not kiosk.staff_menu.isVisible()
    kiosk.pin_pad.open()
    for key in ["9", "ok"]:
        qtbot.mouseClick(kiosk.pin_pad.keys[key], Qt.MouseButton.LeftButton)
    assert not kiosk.staff_menu.isVisible()
    _unlock(kiosk, qtbot)
    assert kiosk.staff_menu.isVisible()
    assert kiosk.staff_menu.exit_button.hasFocus()
    qtbot.mouseClick(kiosk.staff_menu.setup_button, Qt.MouseButton.LeftButton)
    setup = kiosk.staff_menu.setup
    assert setup is not None and setup.isVisible() and kiosk.isVisible()


def test_the_kiosk_saves_its_own_config_and_says_when_it_applies(
    kiosk: KioskWindow, qtbot: QtBot, clinic_config: Path
) -> None:
    _unlock(kiosk, qtbot)
    setup = kiosk.staff_menu.open_setup()
    form = setup.form
    assert form.path == clinic_config
    logo = form.rows["clinic.logo"].editor
    assert isinstance(logo, LogoEditor) and not logo.choose.isVisibleTo(form)  # no dialogs
    idle = form.rows["kiosk.idle_seconds"].editor
    idle.spin.setValue(240)  # type: ignore[attr-defined]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in form.status.text()
    assert tomllib.loads(clinic_config.read_text(encoding="utf-8"))["kiosk"]["idle_seconds"] == 240
    assert "starts again" in setup.note.text()


def test_a_setup_left_open_closes_unsaved_when_the_kiosk_starts_again(
    kiosk: KioskWindow, qtbot: QtBot, clinic_config: Path
) -> None:
    before = clinic_config.read_bytes()
    _unlock(kiosk, qtbot)
    setup = kiosk.staff_menu.open_setup()
    name = setup.form.rows["clinic.name"].editor.focus_widget()
    qtbot.keyClicks(name, " and more")
    kiosk.reset()  # what the idle time does
    assert not setup.isVisible() and not kiosk.staff_menu.isVisible()
    assert clinic_config.read_bytes() == before
    _unlock(kiosk, qtbot)
    kiosk.staff_menu.open_setup()
    assert setup.form.rows["clinic.name"].editor.value() == "Test Lane Skin Clinic"


def test_staff_layers_over_the_attract_loop_close_after_the_idle_time_and_start_no_visit(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    _unlock(kiosk, qtbot)
    assert kiosk.current() == "attract"
    qtbot.mouseClick(kiosk.staff_menu.setup_button, Qt.MouseButton.LeftButton)
    setup = kiosk.staff_menu.setup
    assert setup is not None
    qtbot.mouseClick(setup.form.save_button, Qt.MouseButton.LeftButton)  # staff, not a visit
    qtbot.wait(50)
    assert kiosk.current() == "attract" and kiosk.visit is None
    qtbot.waitUntil(lambda: not setup.isVisible(), timeout=FAST.idle_ms * 10)
    assert not kiosk.staff_menu.showing()
