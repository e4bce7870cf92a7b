"""Run something just after a widget's first paint: what the patient does not need in the
first picture waits until that picture is on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaintWatcher(QObject):
    """Emits `painted` once, from the event loop just after the watched widget's first paint,
    then stops watching (an event filter, rather than a paintEvent override, costs nothing
    after that). Not from inside the paint: the rest of that paint pass comes first."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self.painted.emit)  # dropped if the widget is gone
        return False
