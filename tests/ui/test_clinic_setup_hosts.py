"""Clinic setup from the home window: Settings → "Open clinic setup"; a save is read again by
the running window at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import apply_clinic_config, build_home_window
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.clinic_setup_dialog import ClinicSetupDialog
from app.ui.screens.settings import SettingsScreen
from tests.conftest import REPO


def test_settings_opens_clinic_setup_and_a_save_applies_at_once(
    qtbot: QtBot,
    test_pack: Path,
    store: Store,
    prefs: Preferences,
    data_dir: Path,
    qsettings: QSettings,
    tmp_path: Path,
    app_style: QApplication,
) -> None:
    config = tmp_path / "clinic.toml"
    shutil.copyfile(REPO / "tests" / "fixtures" / "clinic" / "clinic.toml", config)
    (tmp_path / "icons").mkdir()
    shutil.copyfile(REPO / "resources" / "icons" / "app.svg", tmp_path / "icons" / "app.svg")
    content = ContentProvider(test_pack)  # its own: the shared one must not change
    content.load()
    session = RecoverySession(store, content)
    prefs.set_welcome_seen()
    window = build_home_window(app_style, prefs, content, data_dir, None, qsettings, session)
    qtbot.addWidget(window)
    apply_clinic_config(window, content, session, config, tell=lambda *_args: None)
    window.go_to("settings")
    screen = window.area_widget("settings")
    assert isinstance(screen, SettingsScreen) and screen.setup_button is not None

    screen.setup_button.click()
    dialog = screen.findChild(ClinicSetupDialog)
    assert dialog is not None and dialog.form.path == config
    name = dialog.form.rows["clinic.name"].editor.focus_widget()
    name.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(name, "Hill Clinic")
    assert dialog.form.save()

    assert content.clinic_name == "Hill Clinic"  # read again: every surface uses it now
    assert screen.clinic is not None
    assert screen.clinic.fields["name"].edit.text() == "Hill Clinic"
    assert not screen.clinic.fields["name"].edit.isEnabled()  # set by the clinic's setup
    dialog.close()
