"""A row of controls that wraps onto the next line when the window is too narrow for all of
them (Qt's flow layout example, in Python): button rows never push a page wider than the window
nor cut a button off. Items on a line share its spare width, so a row that fits looks like a
row of equal buttons; a wrapped line is left-aligned."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8, stretch: bool = True):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch = stretch  # items on a full line share its spare width
        # Height for each width asked since the last invalidate(): Qt asks many times per layout
        # pass (and once per nesting level), and each answer walks every item. Qt's own box
        # layouts keep the same cache; invalidate() runs whenever an item or its hints change.
        self._heights: dict[int, int] = {}
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible())
        width += self.spacing() * max(len(self._visible()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            need = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + need > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + need
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            hints = [min(i.sizeHint().width(), area.width()) for i in line]
            spare = area.width() - sum(hints) - self.spacing() * (len(line) - 1)
            if not self._stretch or spare < 0:
                spare = 0
            widths = [h + spare // len(line) for h in hints]
            heights = [
                i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                for i, w in zip(line, widths, strict=True)
            ]
            line_height = max(heights)
            x = area.x()
            for item, width in zip(line, widths, strict=True):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, line_height)))
                x += width + self.spacing()
            y += line_height + self.spacing()
        return y - self.spacing() - area.y() + margins.top() + margins.bottom()
