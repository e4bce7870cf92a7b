"""The staff PIN pad, opened over the attract loop, closes itself after the kiosk's idle time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import FAST


def _hold_the_corner(kiosk: KioskWindow, qtbot: QtBot) -> None:
    qtbot.mousePress(kiosk.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.pin_pad.isVisible, timeout=FAST.hold_ms * 4)
    qtbot.mouseRelease(kiosk.corner, Qt.MouseButton.LeftButton)


def test_the_pin_pad_over_the_attract_loop_closes_after_the_idle_time(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    assert kiosk.current() == "attract"
    _hold_the_corner(kiosk, qtbot)
    qtbot.mouseClick(kiosk.pin_pad.keys["1"], Qt.MouseButton.LeftButton)
    assert kiosk.pin_pad.entered == "1"

    qtbot.waitUntil(lambda: not kiosk.pin_pad.isVisible(), timeout=FAST.idle_ms * 5)
    assert kiosk.pin_pad.entered == ""  # a half-typed PIN goes with it
    assert kiosk.current() == "attract"  # and no visit was started behind it


def test_touching_the_pin_pad_keeps_it_open(kiosk: KioskWindow, qtbot: QtBot) -> None:
    _hold_the_corner(kiosk, qtbot)
    # Staff typing slowly, each key well within the idle time, for three idle times in all.
    for _ in range(6):
        qtbot.wait(FAST.idle_ms // 2)
        qtbot.mouseClick(kiosk.pin_pad.keys["clear"], Qt.MouseButton.LeftButton)
        assert kiosk.pin_pad.isVisible()
    qtbot.waitUntil(lambda: not kiosk.pin_pad.isVisible(), timeout=FAST.idle_ms * 5)


def test_the_pin_pad_opens_again_after_timing_out(kiosk: KioskWindow, qtbot: QtBot) -> None:
    _hold_the_corner(kiosk, qtbot)
    qtbot.waitUntil(lambda: not kiosk.pin_pad.isVisible(), timeout=FAST.idle_ms * 5)
    _hold_the_corner(kiosk, qtbot)
    assert kiosk.pin_pad.keys["5"].isEnabled()
    qtbot.waitUntil(lambda: not kiosk.pin_pad.isVisible(), timeout=FAST.idle_ms * 5)
