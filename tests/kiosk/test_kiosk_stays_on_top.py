"""The kiosk comes back, fullscreen and in front, from whatever its window was made to do; and
its chrome is for fingers: no context menus, no text selection, wide scroll bars."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QScrollBar, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.ui.kiosk.chrome import SCROLL_BAR_PX
from app.ui.kiosk.on_top import StayOnTop, bypasses_window_manager
from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import STEADY, MakeKiosk, window_point

COMEBACK_LIMIT_MS = 2000


def _in_place(kiosk: KioskWindow) -> bool:
    return (
        kiosk.isVisible()
        and kiosk.isFullScreen()
        and not kiosk.windowState() & Qt.WindowState.WindowMinimized
    )


@pytest.fixture
def fullscreen(kiosk: KioskWindow, qtbot: QtBot) -> KioskWindow:
    kiosk.show_on(None)
    qtbot.waitUntil(lambda: _in_place(kiosk), timeout=COMEBACK_LIMIT_MS)
    return kiosk


def test_a_minimised_kiosk_is_back_fullscreen_within_two_seconds(
    fullscreen: KioskWindow, qtbot: QtBot
) -> None:
    fullscreen.showMinimized()
    assert not _in_place(fullscreen)
    qtbot.waitUntil(lambda: _in_place(fullscreen), timeout=COMEBACK_LIMIT_MS)
    assert fullscreen.on_top.comebacks >= 1


def test_a_hidden_kiosk_is_shown_again_within_two_seconds(
    fullscreen: KioskWindow, qtbot: QtBot
) -> None:
    fullscreen.hide()
    assert not fullscreen.isVisible()
    qtbot.waitUntil(lambda: _in_place(fullscreen), timeout=COMEBACK_LIMIT_MS)


def test_a_kiosk_put_in_a_normal_window_goes_fullscreen_again(
    fullscreen: KioskWindow, qtbot: QtBot
) -> None:
    fullscreen.setWindowState(Qt.WindowState.WindowNoState)
    assert not fullscreen.isFullScreen()
    qtbot.waitUntil(lambda: _in_place(fullscreen), timeout=COMEBACK_LIMIT_MS)


def test_the_watchdog_alone_brings_back_a_window_whose_events_were_missed(
    fullscreen: KioskWindow, qtbot: QtBot
) -> None:
    # As if the window manager unmapped it without telling: no event reaches the filter.
    fullscreen.removeEventFilter(fullscreen.on_top)
    fullscreen.hide()
    qtbot.waitUntil(lambda: _in_place(fullscreen), timeout=COMEBACK_LIMIT_MS)


def test_after_the_staff_pin_the_kiosk_may_be_minimised_and_closed(
    fullscreen: KioskWindow, qtbot: QtBot
) -> None:
    on_top: StayOnTop = fullscreen.on_top
    fullscreen.allow_close()
    assert not on_top.armed
    assert not on_top.watchdog.isActive()
    assert not fullscreen.isVisible()


def test_only_x11_bypasses_the_window_manager(qtbot: QtBot) -> None:
    # Tests run on the offscreen platform: the flag is for xcb alone, where the window manager's
    # menu (Alt+Space), minimising and desktops would otherwise reach the kiosk.
    assert QApplication.platformName() != "xcb"
    assert not bypasses_window_manager()


# touch-only chrome on every screen ---------------------------------------------------------------


def _every_screen(kiosk: KioskWindow, qtbot: QtBot) -> Iterator[str]:
    """Walk the kiosk through each screen a visitor or staff member can see."""
    yield "attract"
    kiosk.begin_visit()
    yield "start"
    for key in ("learn", "warning"):
        kiosk.go(key)
        yield key
    kiosk.go("preview")
    assert kiosk.visit is not None
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    yield "preview picker"
    preview.picker.confirm()
    assert preview.result is not None
    for index in range(3):
        preview.result.show_view(index)
        yield f"preview view {index}"
    kiosk.pin_pad.open()
    yield "PIN pad"
    kiosk.pin_pad.close_pad()
    kiosk._ask_still_there()
    yield "still there"


def _shown(kiosk: KioskWindow, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in kiosk.findChildren(kind) if w.isVisibleTo(kiosk)]


def test_no_screen_has_selectable_text_or_a_context_menu(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(STEADY, size=(1366, 768))
    selecting = Qt.TextInteractionFlag.TextSelectableByMouse | (
        Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    for screen in _every_screen(kiosk, qtbot):
        qtbot.wait(10)  # widgets are polished when first shown
        texts = _shown(kiosk, QLabel) + _shown(kiosk, QTextEdit)
        assert texts, screen
        for widget in texts:
            assert isinstance(widget, QLabel | QTextEdit)
            assert not widget.textInteractionFlags() & selecting, (screen, widget)
        for widget in _shown(kiosk, QWidget):
            assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, (
                screen,
                widget,
            )


class _MenuProbe(QLabel):
    """A widget that would open a menu: it records each context-menu request it gets."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("probe", parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.asked = 0

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.asked += 1


def test_a_long_press_or_right_click_never_reaches_a_widget_in_kiosk_mode(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    probe = _MenuProbe(kiosk)
    probe.setGeometry(300, 300, 200, 100)
    probe.show()
    probe.raise_()
    probe.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)  # after its polish
    # A right click on the bare attract loop, through the window as a real one comes: the
    # chrome rests there, and the click brings it back before the widget hears of it.
    window = kiosk.windowHandle()
    qtbot.mouseClick(window, Qt.MouseButton.RightButton, pos=window_point(kiosk, probe))
    assert probe.asked == 0
    assert kiosk.filters.everywhere
    # One sent to the widget itself, from a widget that asks for menus whatever it was told.
    probe.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(probe, event)
    assert probe.asked == 0
    kiosk.allow_close()  # staff closed it: the application's widgets are left alone again
    QApplication.sendEvent(probe, event)
    assert probe.asked == 1


def test_every_scroll_bar_a_visitor_sees_is_finger_wide(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(STEADY, size=(1366, 768))
    seen = 0
    for screen in _every_screen(kiosk, qtbot):
        qtbot.wait(10)
        for bar in _shown(kiosk, QScrollBar):
            assert isinstance(bar, QScrollBar)
            across = bar.width() if bar.orientation() == Qt.Orientation.Vertical else bar.height()
            assert across >= SCROLL_BAR_PX, (screen, across)
            seen += 1
    assert seen, "no screen scrolled at 1366x768: the test would prove nothing"
