"""A bulleted list that a screen reader hears as a list: "list, 3 items", then each item.

Each line is a row of a dot and its words, so a wrapped line hangs under its first word. The
dot is decoration (left out of what is read); the row is the list item, named by its words
(app.ui.accessible gives the roles)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class BulletList(QWidget):
    def __init__(self, lines: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("a11yRole", "list")  # before any interface is made
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.set_lines(lines)

    def set_lines(self, lines: Sequence[str]) -> None:
        """Show `lines`, one item each, in place of what was there."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.setParent(None)  # out of the list now, not at the next event loop
                widget.deleteLater()
        self.labels = []
        for line in lines:
            row = QWidget(self)
            row.setProperty("a11yRole", "listitem")
            row.setAccessibleName(line)
            beside = QHBoxLayout(row)
            beside.setContentsMargins(0, 0, 0, 0)
            beside.setSpacing(8)
            dot = QLabel(row)
            dot.setProperty("decorative", True)
            dot.setText("•")
            dot.setAccessibleName("")
            beside.addWidget(dot, 0)
            words = QLabel(row)
            words.setWordWrap(True)
            words.setText(line)
            beside.addWidget(words, 1)
            self._layout.addWidget(row)
            self.labels.append(words)

    def lines(self) -> list[str]:
        return [label.text() for label in self.labels]
