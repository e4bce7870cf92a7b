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
        # "Saved ✓" beside the item ticked, where the eye is (not under a long list).
        self.saved = QLabel()
        self.saved.setProperty("role", "secondary")
        self.saved.hide()
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        layout.addWidget(self.saved, 0, Qt.AlignmentFlag.AlignTop)

    def text(self) -> str:
        return self.label.text()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def click(self) -> None:
        self.box.click()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.click()
        event.accept()


class StatusRow(QFrame):
    """A rule that changes at a milestone, shown as a status, not a box to tick: "No makeup
    yet (until about 5:00 PM)", then by itself "You can wear makeup again (since about 5:00 PM)"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        self.mark = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.lifted = False

    def show_state(self, text: str, lifted: bool) -> None:
        self.lifted = lifted
        self.mark.setText("\u2713" if lifted else "\u2022")  # a tick once the rule has lifted
        self.label.setText(text)
        self.setAccessibleName(text)
