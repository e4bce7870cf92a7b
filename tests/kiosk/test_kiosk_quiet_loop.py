"""On the bare attract loop no kiosk filter sits on the application (each would run Python for
every paint and timer event of the loop, all day); the kiosk's window still sees every input,
and the first one, a visit or staff at the corner put the filters back on the application."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import window_point

Probe = Callable[[], list[str]]


@pytest.fixture
def filtered(kiosk: KioskWindow) -> Probe:
    """Which of the kiosk's filters see an event sent to an object in no window at all: the
    filters on the application see it, those on the kiosk's window do not."""
    seen: list[str] = []
    target = QObject()
    for name, watcher in (("idle", kiosk.idle), ("guard", kiosk.guard), ("chrome", kiosk.chrome)):
        watcher.eventFilter = _spy(watcher.eventFilter, name, target, seen)  # type: ignore[method-assign]

    def probe() -> list[str]:
        seen.clear()
        QApplication.sendEvent(target, QEvent(QEvent.Type.User))
        return sorted(seen)

    return probe


def _spy(
    original: Callable[[QObject, QEvent], bool], name: str, target: QObject, seen: list[str]
) -> Callable[[QObject, QEvent], bool]:
    def spy(watched: QObject, event: QEvent) -> bool:
        if watched is target:
            seen.append(name)
        return original(watched, event)

    return spy


def test_the_bare_attract_loop_puts_no_filter_on_the_application(
    kiosk: KioskWindow, filtered: Probe
) -> None:
    assert kiosk.current() == "attract"
    assert filtered() == []
    assert not kiosk.filters.everywhere


def test_a_touch_through_the_window_puts_every_filter_back_before_the_widgets_get_it(
    kiosk: KioskWindow, qtbot: QtBot, filtered: Probe
) -> None:
    window = kiosk.windowHandle()
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=window_point(kiosk, kiosk.attract))
    assert kiosk.filters.everywhere
    assert filtered() == ["chrome", "guard", "idle"]
    qtbot.waitUntil(lambda: kiosk.current() == "start", timeout=1000)


def test_back_on_the_loop_the_filters_leave_the_application_again(
    kiosk: KioskWindow, filtered: Probe
) -> None:
    kiosk.begin_visit()
    assert filtered() == ["chrome", "guard", "idle"]
    kiosk.reset()
    assert kiosk.current() == "attract"
    assert filtered() == []


def test_staff_holding_the_corner_over_the_loop_put_the_filters_on_the_application(
    kiosk: KioskWindow, qtbot: QtBot, filtered: Probe
) -> None:
    kiosk.corner.held.emit()
    assert kiosk.pin_pad.isVisible()
    assert filtered() == ["chrome", "guard", "idle"]
    assert kiosk.current() == "attract"  # staff, not a visitor


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_exit_keys_on_the_bare_loop_are_refused_at_the_window(
    kiosk: KioskWindow, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    seen: list[int] = []
    target = kiosk.language_button
    target.setFocus()
    original = target.keyPressEvent
    target.keyPressEvent = lambda event: seen.append(event.key()) or original(event)  # type: ignore[method-assign]
    with qtbot.waitSignal(kiosk.guard.refused, timeout=1000):
        qtbot.keyClick(kiosk.windowHandle(), key, modifier)
    assert key not in seen  # (the modifier's own press, Ctrl or Alt alone, gets through)
    assert kiosk.isVisible()
    qtbot.keyClick(kiosk.windowHandle(), Qt.Key.Key_A)  # any other key gets through
    assert seen[-1] == Qt.Key.Key_A
