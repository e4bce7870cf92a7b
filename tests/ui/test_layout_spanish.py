"""The layout matrix's Spanish pass: Spanish words run longer than English ones, so every area
and tab of the home window, with the shipped Spanish translation and the Spanish pack, at
800 x 600 with the largest text and at 1280 x 800 with the normal text, in the light theme:
nothing cut off, nothing drawn over anything, nothing scrolling sideways. The kiosk's Spanish
pass is in tests/kiosk/test_kiosk_layout.py.

Set MNC_LAYOUT_SHOTS=/some/folder to also save each page (tests/layout_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.render import translation
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.theme import TEXT_STEPS
from tests.ui.test_layout_matrix import _every_page, _window

CASES = (((800, 600), len(TEXT_STEPS) - 1), ((1280, 800), 0))


@pytest.mark.parametrize(("size", "step"), CASES, ids=("800x600-largest", "1280x800-normal"))
def test_no_area_or_tab_is_cut_off_or_scrolls_sideways_in_spanish(
    qtbot: QtBot,
    test_pack: Path,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
    spanish: None,
    size: tuple[int, int],
    step: int,
) -> None:
    translation.install_language("es")
    content = ContentProvider(test_pack, "es")
    content.load()
    assert not content.content().used_fallback
    window = _window(qtbot, content, store, data_dir, qsettings, "light", step, True)
    shown = window.findChildren(QAbstractButton) + window.findChildren(QLabel)
    assert "Agregar la sesión 2" in {w.text() for w in shown}  # the Spanish is installed
    found = _every_page(window, size, f"es-light-{size[0]}x{size[1]}-text{step}")
    assert not found, "\n".join(found[:40])
