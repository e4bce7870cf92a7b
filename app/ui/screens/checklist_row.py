"""One row of a checklist: a big tick box and its words; a click anywhere on the row ticks it.
Shared by Today's checklist and the Getting ready list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class ChecklistRow(QFrame):
    """A big tick box and its words, which wrap; a click anywhere on the row ticks it. Under
    the words, when a tick could not be saved, the reason."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        self.box = QCheckBox()
        self.box.setObjectName("checklistItem")
        self.box.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.label)
        words.addWidget(self.problem)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)

    def text(self) -> str:
        return self.label.text()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def click(self) -> None:
        self.box.click()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.click()
        event.accept()
