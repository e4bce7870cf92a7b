from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.store import Store
from app.ui.main_window import MainWindow
from app.ui.preferences import THEME, Preferences
from app.ui.screens.settings import SettingsScreen
from app.ui.theme import TEXT_STEPS


def test_choosing_a_text_size_is_saved_and_survives_a_restart(qtbot: QtBot, data_dir: Path) -> None:
    store = Store.open(data_dir)
    screen = SettingsScreen(Preferences(store))
    qtbot.addWidget(screen)
    screen.size_group.button(3).click()
    store.close()
    reopened = Store.open(data_dir)
    try:
        assert Preferences(reopened).text_step == 3
    finally:
        reopened.close()


def test_text_size_change_restyles_the_whole_app_at_once(
    qtbot: QtBot, window: MainWindow, prefs: Preferences
) -> None:
    from app.ui.application import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs.changed.connect(lambda: apply_theme(app, prefs))
    window.go_to("settings")
    screen = window.area_widget("settings")
    assert isinstance(screen, SettingsScreen)
    screen.size_group.button(3).click()
    assert f"font-size: {TEXT_STEPS[3]}px" in app.styleSheet()
    label = screen.title
    qtbot.waitUntil(lambda: label.fontInfo().pixelSize() > TEXT_STEPS[3])


def test_theme_and_motion_choices_are_saved(qtbot: QtBot, prefs: Preferences, store: Store) -> None:
    screen = SettingsScreen(prefs)
    qtbot.addWidget(screen)
    screen.theme_group.button(2).click()
    screen.reduce_motion.click()
    assert store.get_setting(THEME.key) == "high-contrast"
    assert prefs.reduce_motion is True


def test_a_nonsense_stored_value_falls_back_to_the_default(store: Store) -> None:
    store.set_setting(THEME.key, "neon-pink")
    store.set_setting("display.text_size", "99")
    prefs = Preferences(store)
    assert prefs.theme == "light"
    assert prefs.text_step == 0


def test_in_memory_preferences_never_need_a_database() -> None:
    prefs = Preferences(None)
    prefs.set_text_step(2)
    assert prefs.text_step == 2
