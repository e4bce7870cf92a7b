"""One day navigator, shared by Today's checklist and "Preview a day": large − and + buttons
(touch targets of at least 48 px) around "Day 3 of 14" and its date, side by side when they
fit and stacked when they do not; Left and Right on a button step too. The host says which day
is shown (show_day) and moves when asked (`step`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontInfo, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

TARGET_PX = 48  # the smallest touch target


def _label(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class DayNavigator(QWidget):
    step = Signal(int)  # -1 or +1: the host moves and calls show_day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prev_button = QPushButton("−")
        self.prev_button.setAccessibleName(self.tr("Previous day"))
        self.prev_button.setToolTip(self.tr("Previous day"))
        self.next_button = QPushButton("+")
        self.next_button.setAccessibleName(self.tr("Next day"))
        self.next_button.setToolTip(self.tr("Next day"))
        for button in (self.prev_button, self.next_button):
            button.setMinimumSize(TARGET_PX + 16, TARGET_PX)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.installEventFilter(self)  # a button moves focus on arrows; we move days
        self.prev_button.clicked.connect(lambda: self.step.emit(-1))
        self.next_button.clicked.connect(lambda: self.step.emit(1))
        self.day_label = _label("", "h2")
        self.date_label = _label("", "secondary")
        for label in (self.day_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(8)
        self.stacked: bool | None = None
        self._arrange(stacked=False)
        self._style_buttons()

    def show_day(self, title: str, date_text: str, can_prev: bool, can_next: bool) -> None:
        self.day_label.setText(title)
        self.day_label.setAccessibleName(title)
        self.date_label.setText(date_text)
        self.date_label.setAccessibleName(date_text)
        self.prev_button.setEnabled(can_prev)
        self.next_button.setEnabled(can_next)
        self._rearrange()

    # keyboard ----------------------------------------------------------------------------------

    def step_for(self, key: int) -> int:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key), 0)
        return -step if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (
            self.prev_button,
            self.next_button,
        ):
            assert isinstance(event, QKeyEvent)
            if step := self.step_for(event.key()):
                self.step.emit(step)
                return True
        return super().eventFilter(watched, event)

    # layout ------------------------------------------------------------------------------------

    def _one_row_width(self) -> int:
        words = max(
            self.day_label.fontMetrics().horizontalAdvance(self.day_label.text()),
            self.date_label.fontMetrics().horizontalAdvance(self.date_label.text()),
        )
        buttons = self.prev_button.sizeHint().width() + self.next_button.sizeHint().width()
        return words + buttons + 2 * self._grid.horizontalSpacing() + 8

    def _arrange(self, stacked: bool) -> None:
        """Side by side when the words fit on one line between the buttons; else the words
        on top and the two buttons, each half the width, under them."""
        if stacked == self.stacked:
            return
        self.stacked = stacked
        for widget in (self.prev_button, self.day_label, self.date_label, self.next_button):
            self._grid.removeWidget(widget)
        for column in range(3):
            self._grid.setColumnStretch(column, 0)
        if stacked:
            self._grid.addWidget(self.day_label, 0, 0, 1, 2)
            self._grid.addWidget(self.date_label, 1, 0, 1, 2)
            self._grid.addWidget(self.prev_button, 2, 0)
            self._grid.addWidget(self.next_button, 2, 1)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 1)
        else:
            self._grid.addWidget(self.prev_button, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(self.day_label, 0, 1)
            self._grid.addWidget(self.date_label, 1, 1)
            self._grid.addWidget(self.next_button, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
            self._grid.setColumnStretch(1, 1)

    def _rearrange(self) -> None:
        self._arrange(stacked=self.width() < self._one_row_width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rearrange()

    def _style_buttons(self) -> None:
        """The − and + signs at 1.5 times the body size, bold: a single thin glyph at body size
        is too faint to find at a glance. Follows the text-size setting."""
        body = self.font().pixelSize()
        if body <= 0:
            body = QFontInfo(self.font()).pixelSize()
        sheet = f"font-size: {round(body * 1.5)}px; font-weight: 700;"
        for button in (self.prev_button, self.next_button):
            if button.styleSheet() != sheet:
                button.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._style_buttons()
            self._rearrange()
