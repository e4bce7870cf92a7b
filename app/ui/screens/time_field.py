"""A time of day typed as text: "15:00", "3 pm", "1500". Typing a time sets that time.

A QTimeEdit reads keys one section at a time: with the cursor where a click left it, the hour
digits of "15:00" were refused, ":" moved on to the minutes and "00" set them, so the field
said 14:00. Here the whole text is read (app.domain.typed_time), the whole text is selected
when the field takes focus so that typing replaces it, and Up and Down still step the time.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.typed_time import ENGLISH_AM, ENGLISH_PM, parse_typed_time

STEP_MINUTES = 15  # Up / Down


def clock_text(value: QTime) -> str:
    """The locale's short time ("3:00 PM", "15:00"), with plain spaces, as people type it."""
    text = QLocale().toString(value, QLocale.FormatType.ShortFormat)
    return text.replace("\u202f", " ").replace("\u00a0", " ")


class TimeField(QLineEdit):
    """`time()` is the typed time, or None while the text names none."""

    time_changed = Signal()  # the text changed, by typing or by setTime

    def __init__(self, value: QTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTime(value)
        self.textChanged.connect(self.time_changed)
        self.editingFinished.connect(self._tidy)

    def time(self) -> QTime | None:
        locale = QLocale()
        parsed = parse_typed_time(
            self.text(), (locale.amText(), *ENGLISH_AM), (locale.pmText(), *ENGLISH_PM)
        )
        return None if parsed is None else QTime(parsed.hour, parsed.minute)

    def setTime(self, value: QTime) -> None:  # QTimeEdit's name: the form's callers use it
        self.setText(clock_text(value))

    def example(self) -> str:
        """A time written as this field shows times, for messages ("like 3:00 PM")."""
        return clock_text(QTime(15, 0))

    def _tidy(self) -> None:
        """A typed "1500" or "3pm" is shown the usual way once the patient moves on."""
        value = self.time()
        if value is not None and self.text() != clock_text(value):
            self.setTime(value)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # After the click that gave focus has placed the cursor, so the selection stays.
        QTimer.singleShot(0, self, self.selectAll)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Up: STEP_MINUTES, Qt.Key.Key_Down: -STEP_MINUTES}
        step = steps.get(Qt.Key(event.key()))
        value = self.time()
        if step is None or value is None:
            super().keyPressEvent(event)
            return
        minutes = (value.hour() * 60 + value.minute() + step) % (24 * 60)
        self.setTime(QTime(minutes // 60, minutes % 60))
        self.selectAll()
