"""An overlay that closes itself when nobody touches the kiosk for the idle time.

The staff PIN pad can be opened over the attract loop, where the idle watcher does not run (there
is no visit to reset), so without this it stayed open until someone closed it: a staff keypad on
a waiting-room screen all day. Input is what the idle watcher already sees, anywhere in the
kiosk (its `activity` signal), so no second application-wide event filter is needed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget


class CloseWhenIdle(QObject):
    """Calls `close` after `idle_ms` without `activity` while `overlay` shows."""

    def __init__(
        self,
        overlay: QWidget,
        close: Callable[[], None],
        idle_ms: int,
        activity: SignalInstance,
    ) -> None:
        super().__init__(overlay)
        self._overlay = overlay
        self._close = close
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self._expire)
        activity.connect(self._restart)
        overlay.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._overlay:
            if event.type() == QEvent.Type.Show:
                self.timer.start()
            elif event.type() == QEvent.Type.Hide:
                self.timer.stop()
        return False

    def _restart(self) -> None:
        if self.timer.isActive():  # only while the overlay shows
            self.timer.start()

    def _expire(self) -> None:
        if self._overlay.isVisible():
            self._close()
