"""Keeping the kiosk window in front: fullscreen, shown and focused, whatever the window manager
or a visitor did to it.

A window manager can minimise the kiosk, unmap it ("show desktop", Super+D), move it to or leave
it on another desktop, or give the focus to something else. The window hears of each through its
own events (WindowStateChange, Hide, the native window's visibility or exposure, deactivation);
each asks for a comeback a moment later, and a cheap watchdog asks too, for anything no event
told of. The comeback shows the window fullscreen again, re-mapping it when it is no longer on
the screen (a re-mapped window lands on the current desktop), raises it and takes the focus.

On X11 the window also bypasses the window manager (override-redirect): the manager then has
no menu for it (Alt+Space), cannot minimise it, and leaves it on every desktop. That is the
belt; the comeback is the braces, and the only help on Wayland, Windows and macOS.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

COMEBACK_MS = 150  # after the event: let the window manager finish what it is doing
WATCHDOG_MS = 700  # so that a missed event still comes back well within 2 s
REMAP_EVERY_S = 0.5  # at most this often is a window that stays off the screen mapped anew

_WATCHED = frozenset(
    {
        QEvent.Type.Hide,
        QEvent.Type.WindowStateChange,
        QEvent.Type.WindowDeactivate,
    }
)


def bypasses_window_manager() -> bool:
    """Whether the kiosk should be an override-redirect window: on X11 only, where it keeps
    every window manager's menus, minimising and desktops away from it."""
    return QGuiApplication.platformName() == "xcb"


class StayOnTop(QObject):
    """Brings `window` back, fullscreen and focused, once `arm()`ed, until `may_leave()`."""

    def __init__(self, window: QWidget, may_leave: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._may_leave = may_leave
        self.armed = False
        self.comebacks = 0  # how many times it had to come back (for the log and tests)
        self._last_remap = 0.0
        self._handle: QWindow | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(COMEBACK_MS)
        self._pending.timeout.connect(self.come_back)
        self.watchdog = QTimer(self)
        self.watchdog.setInterval(WATCHDOG_MS)
        self.watchdog.timeout.connect(self._check)
        window.installEventFilter(self)

    def arm(self) -> None:
        """From now on, keep the window fullscreen and in front."""
        self.armed = True
        self._watch_native_window()
        self.watchdog.start()

    def disarm(self) -> None:
        self.armed = False
        self._pending.stop()
        self.watchdog.stop()

    def _watch_native_window(self) -> None:
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            self._handle = handle
            handle.visibilityChanged.connect(self._on_visibility)
            # Unmapped by the window manager, the native window is no longer exposed, though
            # Qt still counts it as visible: only its Expose event says so.
            handle.installEventFilter(self)

    def _active(self) -> bool:
        if not self.armed or self._may_leave():
            if self.armed:
                self.disarm()
            return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        mine = watched is self._window and kind in _WATCHED
        unexposed = (
            watched is self._handle
            and kind == QEvent.Type.Expose
            and self._handle is not None
            and not self._handle.isExposed()
        )
        if (mine or unexposed) and self._active():
            self.soon()
        return False

    def _on_visibility(self, visibility: QWindow.Visibility) -> None:
        hidden = visibility in (QWindow.Visibility.Hidden, QWindow.Visibility.Minimized)
        if hidden and self._active():
            self.soon()

    def soon(self) -> None:
        """Come back in a moment (several events in a row make one comeback)."""
        if not self._pending.isActive():
            self._pending.start()

    def out_of_place(self) -> str:
        """Why the window is not where it belongs ("" when it is): for the log and tests."""
        window = self._window
        handle = window.windowHandle()
        if not window.isVisible():
            return "hidden"
        if window.windowState() & Qt.WindowState.WindowMinimized:
            return "minimised"
        if not window.isFullScreen():
            return "not fullscreen"
        if handle is not None and not handle.isExposed():
            return "not on the screen"
        if not window.isActiveWindow():
            return "not focused"
        return ""

    def _check(self) -> None:
        if self._active() and self.out_of_place():
            self.come_back()

    def come_back(self) -> None:
        if not self._active():
            return
        why = self.out_of_place()
        if not why:
            return
        window = self._window
        self.comebacks += 1
        # Focus taken by another window is common and harmless to fix: not worth a log line.
        (log.debug if why == "not focused" else log.info)("kiosk window %s; back in front", why)
        handle = window.windowHandle()
        off_screen = why == "not on the screen" or (
            window.isVisible() and handle is not None and not handle.isExposed()
        )
        now = time.monotonic()
        if off_screen and now - self._last_remap >= REMAP_EVERY_S:
            # Unmapped by the window manager (another desktop, "show desktop"): a window
            # mapped anew is placed on the desktop in front of the visitor.
            self._last_remap = now
            window.hide()
        if why != "not focused" or not window.isVisible():
            window.setWindowState(
                (window.windowState() & ~Qt.WindowState.WindowMinimized)
                | Qt.WindowState.WindowFullScreen
            )
            window.showFullScreen()
            self._watch_native_window()
        window.raise_()
        window.activateWindow()
