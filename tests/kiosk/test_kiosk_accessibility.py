"""The kiosk for a screen reader and a keyboard: "Still there?" takes focus and gives time,
tiles and their pictures are named, view buttons act and are radio buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.setup import KioskTimings
from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import MakeKiosk
from tests.ui.test_accessibility import _out_of_visual_order


def test_still_there_gives_at_least_20_seconds_by_default() -> None:
    assert KioskTimings().prompt_ms >= 20_000  # WCAG 2.2.1 Timing Adjustable


def test_still_there_takes_the_focus_and_enter_answers_it(kiosk: KioskWindow, qtbot: QtBot) -> None:
    with qtbot.waitActive(kiosk):
        kiosk.activateWindow()
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    visit = kiosk.visit
    qtbot.waitUntil(kiosk.still_there.isVisible, timeout=2000)
    assert QApplication.focusWidget() is kiosk.still_there.stay
    assert kiosk.still_there.accessibleName() == "Still there?"
    qtbot.keyClick(kiosk.still_there.stay, Qt.Key.Key_Return)
    assert not kiosk.still_there.isVisible() and kiosk.visit is visit


def test_tiles_and_their_pictures_have_names(kiosk: KioskWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.visit is not None
    for tile in kiosk.visit.tiles.values():
        assert tile.accessibleName() and tile.accessibleDescription()
        picture = tile.picture  # type: ignore[attr-defined]
        assert tile.accessibleName() in picture.accessibleName()


def test_a_view_buttons_accessibility_action_switches_the_view_and_it_is_a_radio_button(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.visit is not None
    qtbot.mouseClick(kiosk.visit.tiles["preview"], Qt.MouseButton.LeftButton)
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    qtbot.mouseClick(preview.picker.show_button, Qt.MouseButton.LeftButton)
    assert preview.result is not None
    button = preview.result.view_buttons.button(1)
    iface = QAccessible.queryAccessibleInterface(button)
    actions = iface.actionInterface()
    actions.doAction(actions.actionNames()[0])
    assert preview.result.views.currentIndex() == 1
    # One of a set: a radio button that says it is checked, not Qt's "check box".
    assert iface.role() == QAccessible.Role.RadioButton and iface.state().checked
    first = QAccessible.queryAccessibleInterface(preview.result.view_buttons.button(0))
    assert first.role() == QAccessible.Role.RadioButton and not first.state().checked


@pytest.mark.parametrize("screen", ["start", "learn", "preview", "preview-result", "warning"])
def test_tab_follows_the_visual_order_on_each_kiosk_screen(
    make_kiosk: MakeKiosk, qtbot: QtBot, screen: str
) -> None:
    kiosk = make_kiosk(KioskTimings())  # real timings: no "Still there?" during the walk
    kiosk.resize(1280, 800)
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.visit is not None
    key = screen.removesuffix("-result")
    kiosk.go(key)
    if screen == "preview-result":
        preview = kiosk.visit.area("preview")
        assert isinstance(preview, PreviewArea)
        qtbot.mouseClick(preview.picker.show_button, Qt.MouseButton.LeftButton)
        assert preview.result is not None
    qtbot.wait(50)  # laid out
    assert _out_of_visual_order(kiosk) == []
