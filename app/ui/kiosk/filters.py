"""Where the kiosk's event filters sit: on the whole application while someone uses the kiosk,
on the kiosk's own window alone while the bare attract loop shows.

A filter on the application runs Python for every event of every object: each paint, timer,
update and layout event of the loop's cross-fade, and PySide builds a Python wrapper (and the
Python class, with its enums, of each internal Qt type) for every object it hands over. On the
attract loop, with nobody there, that was most of what the loop cost (README, "Attract loop").

Input from a screen reaches a top-level window's QWindow before any widget: Qt delivers each
touch, click, key and wheel turn to the QWindow, which hands it on to the widget under it or
with the focus. So on the bare loop the idle watcher and the exit-key guard sit on the kiosk's
QWindow, where they see every input and few other events, and the touch-only chrome rests
(every widget there was made touch-only when the loop began). The first input brings them all
back to the application before any widget gets it: a visit builds screens the chrome must see
polished, and overlays and screens get events sent to them directly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

from app.ui.kiosk.chrome import TouchOnlyChrome
from app.ui.kiosk.idle import INPUT_EVENTS


class KioskFilters(QObject):
    """`on_window()`: `inputs` on `window`'s QWindow only, the chrome at rest, until the first
    input there; `on_application()`: everything on the application; `remove()`: nowhere."""

    def __init__(self, window: QWidget, inputs: list[QObject], chrome: TouchOnlyChrome) -> None:
        super().__init__(window)
        self._window = window
        self._inputs = inputs
        self._chrome = chrome
        self._handle: QWindow | None = None
        self.everywhere = False
        self._removed = False
        window.installEventFilter(self)  # its Show: the QWindow exists from the first one
        self.on_application()

    def on_application(self) -> None:
        """Every filter on the application: someone is using the kiosk."""
        if self.everywhere or self._removed:
            return
        self._leave_handle()
        app = QCoreApplication.instance()
        if app is not None:
            for watcher in self._inputs:
                app.installEventFilter(watcher)
        self._chrome.install()
        self.everywhere = True

    def on_window(self) -> None:
        """Only the input filters, on the kiosk's window: the bare attract loop shows."""
        if self._removed:
            return
        app = QCoreApplication.instance()
        if app is not None:
            for watcher in self._inputs:
                app.removeEventFilter(watcher)
        self._chrome.rest()
        self.everywhere = False
        self._watch_handle()

    def remove(self) -> None:
        """Staff closed the kiosk: the application's widgets are left alone again."""
        app = QCoreApplication.instance()
        if app is not None:
            for watcher in self._inputs:
                app.removeEventFilter(watcher)
        self._leave_handle()
        self._chrome.remove()
        self.everywhere = False
        self._removed = True

    def _watch_handle(self) -> None:
        handle = self._window.windowHandle()
        if handle is None or handle is self._handle:
            return
        self._leave_handle()
        self._handle = handle
        # The last filter installed runs first: the guard and the idle watcher see an input
        # before this one moves them all to the application.
        handle.installEventFilter(self)
        for watcher in self._inputs:
            handle.installEventFilter(watcher)

    def _leave_handle(self) -> None:
        if self._handle is not None:
            for watcher in (*self._inputs, self):
                self._handle.removeEventFilter(watcher)
            self._handle = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.everywhere or self._removed:
            return False
        kind = event.type()
        if watched is self._window:
            if kind == QEvent.Type.Show:
                self._watch_handle()  # first shown, or its native window made anew
        elif watched is self._handle and kind in INPUT_EVENTS:
            self.on_application()
        return False
