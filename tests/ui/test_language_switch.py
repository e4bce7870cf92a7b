"""Choosing a language in Settings: the window, its dates and the content follow at once,
without a restart, and the patient stays where they were."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from app.render import translation
from app.render.content_provider import ContentProvider
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.screens.settings import SettingsScreen
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))
import translations as pipeline

# A translation made for the test, so it does not depend on the shipped Spanish words.
PROBE_TS = """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>
<TS version="2.1" language="es">
<context><name>Areas</name>
<message><source>Learn</source><translation>Aprender (prueba)</translation></message>
<message><source>Settings</source><translation>Ajustes (prueba)</translation></message>
</context>
<context><name>SettingsScreen</name>
<message><source>Settings</source><translation>Ajustes (prueba)</translation></message>
</context>
</TS>
"""


@pytest.fixture
def probe_translation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / f"{translation.NAME}_es.ts"
    ts.write_text(PROBE_TS, encoding="utf-8")
    subprocess.run([pipeline.lrelease(), "-silent", str(ts)], check=True)
    monkeypatch.setattr(translation, "translations_folder", lambda: str(folder))
    default = QLocale()
    yield folder
    translation.install_language("en")
    QLocale.setDefault(default)


@pytest.fixture
def content(test_pack: Path) -> ContentProvider:
    """A provider of its own: the switch changes its language, and the session's shared one
    must stay English for every other test."""
    provider = ContentProvider(test_pack, language="en")
    provider.load()
    return provider


def _choose(window: MainWindow, qtbot: QtBot, index: int) -> SettingsScreen:
    window.go_to("settings")
    screen = window.area_widget("settings")
    assert isinstance(screen, SettingsScreen)
    button = screen.language_group.button(index)
    assert isinstance(button, QAbstractButton)
    button.click()
    return screen


def test_choosing_a_language_remakes_the_window_in_it_at_once(
    window: MainWindow,
    qtbot: QtBot,
    prefs: Preferences,
    content: ContentProvider,
    probe_translation: Path,
) -> None:
    before = _choose(window, qtbot, 2)  # Español
    qtbot.waitUntil(lambda: window.rail.item(0).text().startswith("Aprender"), timeout=3000)
    assert prefs.language == "es"
    assert content.language == "es"
    assert QLocale().language() == QLocale.Language.Spanish
    assert window.current_key() == "settings"  # the patient stays where they were
    after = window.area_widget("settings")
    assert after is not before  # made anew, in the new words
    assert isinstance(after, SettingsScreen)
    assert after.title.text().startswith("Ajustes")
    qtbot.waitUntil(lambda: after.language_group.button(2).hasFocus(), timeout=3000)

    _choose(window, qtbot, 1)  # English
    qtbot.waitUntil(lambda: window.rail.item(0).text() == "Learn", timeout=3000)
    assert prefs.language == "en"
    assert QLocale().language() != QLocale.Language.Spanish


def test_a_language_switch_leaves_no_dead_screen_behind(
    window: MainWindow,
    qtbot: QtBot,
    prefs: Preferences,
    probe_translation: Path,
) -> None:
    # Every area built (and connected to the window's signals) before the switch: after it,
    # restyling and every area still work, with none of the old screens answering.
    for key in ("learn", "recovery", "warning", "about", "settings"):
        window.go_to(key)
    _choose(window, qtbot, 2)
    qtbot.waitUntil(lambda: prefs.language == "es", timeout=3000)
    prefs.set_theme("dark")  # restyles every area through the window's signal
    for key in ("learn", "recovery", "warning", "about", "settings"):
        window.go_to(key)
        assert window.area_widget(key).isVisible()
