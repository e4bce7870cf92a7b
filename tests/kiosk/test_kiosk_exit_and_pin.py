"""A visitor cannot close the kiosk; staff can, with the PIN, and guessing is slowed down."""

from __future__ import annotations

import dataclasses
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.kiosk_pin import LOCK_FIRST
from app.ui.excepthook import install_excepthook
from app.ui.kiosk import shell
from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import FAST, PIN, MakeKiosk

EXIT_KEYS = [
    pytest.param(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, id="Escape"),
    pytest.param(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, id="Ctrl+Q"),
    pytest.param(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier, id="Ctrl+W"),
    pytest.param(Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier, id="Alt+F4"),
]


@pytest.mark.parametrize(("key", "modifier"), EXIT_KEYS)
def test_each_exit_key_is_refused(
    kiosk: KioskWindow, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    kiosk.begin_visit()
    with qtbot.waitSignal(kiosk.guard.refused, timeout=1000):
        qtbot.keyClick(kiosk.visit, key, modifier)  # type: ignore[arg-type]
    assert kiosk.isVisible()
    assert kiosk.current() == "start"


def test_the_exit_keys_never_reach_a_widget(kiosk: KioskWindow) -> None:
    """Even a widget that would quit on Ctrl+Q never sees it."""
    seen: list[int] = []
    kiosk.begin_visit()
    target = kiosk.home_button
    original = target.keyPressEvent
    target.keyPressEvent = lambda event: seen.append(event.key()) or original(event)  # type: ignore[method-assign]
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(target, press)
    assert seen == []


def test_a_close_request_is_refused(kiosk: KioskWindow, qtbot: QtBot) -> None:
    assert kiosk.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    assert kiosk.isVisible()


def test_holding_the_corner_five_seconds_asks_for_the_pin(kiosk: KioskWindow, qtbot: QtBot) -> None:
    qtbot.mousePress(kiosk.corner, Qt.MouseButton.LeftButton)
    qtbot.wait(FAST.hold_ms // 2)
    qtbot.mouseRelease(kiosk.corner, Qt.MouseButton.LeftButton)  # let go early: nothing
    qtbot.wait(FAST.hold_ms)
    assert not kiosk.pin_pad.isVisible()

    qtbot.mousePress(kiosk.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.pin_pad.isVisible, timeout=FAST.hold_ms * 4)
    qtbot.mouseRelease(kiosk.corner, Qt.MouseButton.LeftButton)
    assert kiosk.pin_pad.keys["5"].isVisible()


def _type(kiosk: KioskWindow, qtbot: QtBot, digits: str) -> None:
    for key in [*digits, "ok"]:
        qtbot.mouseClick(kiosk.pin_pad.keys[key], Qt.MouseButton.LeftButton)


def test_the_right_pin_then_exit_closes_the_kiosk(kiosk: KioskWindow, qtbot: QtBot) -> None:
    kiosk.pin_pad.open()
    _type(kiosk, qtbot, PIN)
    assert kiosk.isVisible() and kiosk.staff_menu.isVisible()  # staff choose: exit or setup
    qtbot.mouseClick(kiosk.staff_menu.exit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=2000)


def test_a_wrong_pin_is_refused_and_three_lock_the_keypad(
    make_kiosk: MakeKiosk, qtbot: QtBot, clock: ManualClock
) -> None:
    # It waits for the lock to end without a touch: longer than FAST's idle time, which closes
    # the keypad (test_kiosk_usage_and_pad_timeout.py).
    kiosk = make_kiosk(dataclasses.replace(FAST, idle_ms=10_000))
    kiosk.pin_pad.open()
    _type(kiosk, qtbot, "1111")
    assert kiosk.isVisible()
    assert "not right" in kiosk.pin_pad.message.text()
    assert kiosk.pin_pad.keys["1"].isEnabled()
    _type(kiosk, qtbot, "2222")
    _type(kiosk, qtbot, "3333")
    assert not kiosk.pin_pad.keys["1"].isEnabled()
    assert "Try again in 30 s" in kiosk.pin_pad.message.text()

    # While locked, even the right PIN does nothing (typed on a keyboard: the keys are off).
    for digit in PIN:
        qtbot.keyClick(kiosk.pin_pad, digit)
    qtbot.keyClick(kiosk.pin_pad, Qt.Key.Key_Return)
    assert kiosk.isVisible()

    clock.advance(LOCK_FIRST)
    qtbot.waitUntil(lambda: kiosk.pin_pad.keys["1"].isEnabled(), timeout=3000)
    _type(kiosk, qtbot, PIN)
    assert kiosk.staff_menu.isVisible()


def test_the_lock_survives_closing_and_reopening_the_keypad(
    kiosk: KioskWindow, qtbot: QtBot, clock: ManualClock
) -> None:
    kiosk.pin_pad.open()
    for wrong in ("1111", "2222", "3333"):
        _type(kiosk, qtbot, wrong)
    kiosk.pin_pad.close_pad()
    kiosk.reset()  # and a visitor's reset does not clear it either
    kiosk.pin_pad.open()
    assert not kiosk.pin_pad.keys["1"].isEnabled()
    clock.advance(LOCK_FIRST - timedelta(seconds=1))
    kiosk.pin_pad.open()
    assert not kiosk.pin_pad.keys["1"].isEnabled()


def test_without_a_pin_the_kiosk_cannot_be_closed_from_the_screen(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(config=None)
    qtbot.mousePress(kiosk.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.pin_pad.isVisible, timeout=FAST.hold_ms * 4)
    qtbot.mouseRelease(kiosk.corner, Qt.MouseButton.LeftButton)
    assert "no staff PIN" in kiosk.pin_pad.title.text()
    assert all(not key.isVisible() for key in kiosk.pin_pad.keys.values())
    for digit in "0000":
        qtbot.keyClick(kiosk.pin_pad, digit)
    qtbot.keyClick(kiosk.pin_pad, Qt.Key.Key_Return)
    assert kiosk.isVisible()
    assert kiosk.close() is False


def test_an_error_is_logged_and_the_kiosk_returns_to_the_start(
    kiosk: KioskWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook(show=lambda _report: kiosk.recover())
    kiosk.begin_visit()
    kiosk.go("preview")
    try:
        raise ValueError("a visitor's secret")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: kiosk.current() == "attract", timeout=2000)
    assert "ValueError" in caplog.text
    assert "secret" not in caplog.text  # exception messages may quote input: never logged


def test_errors_in_a_row_end_the_kiosk_for_its_service_to_restart(
    kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    for _ in range(shell.ERROR_LIMIT):
        kiosk.recover()
    assert codes == []
    kiosk.recover()
    assert codes == [shell.EXIT_TOO_MANY_ERRORS]
