"""Notices when nobody has touched the kiosk for a while.

An event filter sees every touch, click, key and wheel turn in the kiosk: on its window while
the bare attract loop shows, on the application otherwise (app.ui.kiosk.filters puts it there).
After `idle_ms` without one it emits `prompt` ("Still there?"); after `prompt_ms` more it emits
`expired` and the shell returns to the start. Input during the prompt emits `resumed`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

# What counts as someone being there. Mouse moves without a button do not: a bumped mouse or a
# screen that reports hovering must not keep a previous visitor's screens up forever.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    prompt = Signal()  # idle for idle_ms: ask "Still there?"
    expired = Signal()  # no answer within prompt_ms: back to the start
    resumed = Signal()  # input while the prompt showed
    activity = Signal()  # any input at all (the attract loop listens for its "touch")

    def __init__(self, idle_ms: int, prompt_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._on_idle)
        self._answer = QTimer(self)
        self._answer.setSingleShot(True)
        self._answer.setInterval(prompt_ms)
        self._answer.timeout.connect(self._on_expired)
        self.prompting = False
        self._running = False

    @property
    def prompt_ms(self) -> int:
        return self._answer.interval()

    def start(self) -> None:
        """Count from now (a visitor has just started)."""
        self._running = True
        self.prompting = False
        self._answer.stop()
        self._idle.start()

    def stop(self) -> None:
        """Stop counting (the attract loop is showing: there is nothing to reset)."""
        self._running = False
        self.prompting = False
        self._idle.stop()
        self._answer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.note_input()
        return False

    def note_input(self) -> None:
        self.activity.emit()
        if not self._running:
            return
        if self.prompting:
            self.prompting = False
            self._answer.stop()
            self.resumed.emit()
        self._idle.start()

    def _on_idle(self) -> None:
        self.prompting = True
        self._answer.start()
        self.prompt.emit()

    def _on_expired(self) -> None:
        self.prompting = False
        self._running = False
        self.expired.emit()
