"""A scrolling page with a centred reading column: the frame every screen is built in."""

from __future__ import annotations

import itertools
from typing import cast

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# About 70 characters of 18 px body text; the column grows with the text size (see set_column).
COLUMN_EM = 38


def viewport_width(area: QAbstractScrollArea) -> int:
    """The width of `area`'s viewport, worked out without asking for the viewport widget: the
    first time Python is handed a QWidget that Qt made, PySide looks through every QtWidgets
    class for its type and builds each one's Python class and enums (77 of them, about 10 ms,
    on the way to Learn's first page)."""
    bar = area.verticalScrollBar()
    shown = bar.width() if bar.isVisibleTo(area) else 0
    return area.maximumViewportSize().width() - shown


def read_in_layout_order(root: QWidget) -> None:
    """Have a screen reader read `root`'s widgets in the order its layout shows them (down the
    column; a grid row by row), whatever order they were made or moved in: Qt's accessibility
    reads a widget's children in the order they were made (their stacking order). Follows the
    layouts nested in root's layout, not the widgets' own. Nothing moves when the order is right;
    else each goes just under the one after it, the last staying where it is, so a widget
    outside the layout made after them all (a banner over the page) stays on top."""
    top = root.layout()
    if top is None:
        return
    shown: list[QWidget] = []

    def walk(layout: QLayout) -> None:
        indexes = list(range(layout.count()))
        if isinstance(layout, QGridLayout):  # (row, column, spans): row by row
            grid = layout
            indexes.sort(key=lambda index: cast(tuple[int, ...], grid.getItemPosition(index))[:2])
        for index in indexes:
            item = layout.itemAt(index)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if widget is not None:
                shown.append(widget)
            elif inner is not None:
                walk(inner)

    walk(top)
    made = {id(child): index for index, child in enumerate(root.children())}
    if sorted(shown, key=lambda widget: made.get(id(widget), -1)) == shown:
        return
    for earlier, later in reversed(list(itertools.pairwise(shown))):
        earlier.stackUnder(later)


class RowsBox(QWidget):
    """A column for rows that are made later (on each refresh), put in its place when the page
    is made: a screen reader reads a widget's children in the order they were made, so rows
    added straight to a card would be read after whatever was made below them (widgets that
    move later: read_in_layout_order). As a subclass it draws no style-sheet background (a
    plain QWidget would), so the card shows through."""

    def __init__(self, spacing: int) -> None:
        super().__init__()
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)


class Page(QScrollArea):
    """Subclasses add widgets to self.column; text wraps, the column never clips."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QWidget()
        # The column is centred by side margins set in resizeEvent, not by an alignment flag:
        # an aligned item gets its size hint's height, which clips word-wrapped text.
        self.column = QVBoxLayout(outer)
        self.column.setContentsMargins(32, 32, 32, 32)
        self.column.setSpacing(16)
        self.setWidget(outer)
        self.title = add_label(self.column, title, "h1")
        self.title.setAccessibleName(title)
        self.setAccessibleName(title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Keep lines near 70 characters: cap the column at COLUMN_EM ems of the current font.
        em = max(self.fontMetrics().horizontalAdvance("M"), 8)
        # Narrower margins in a narrow window (large text, small screen): the words need it more.
        width = viewport_width(self)
        margin = 32 if width >= 24 * em else 16
        available = max(width - 2 * margin, 200)
        side = margin + (available - min(available, COLUMN_EM * em)) // 2
        self.column.setContentsMargins(side, 32, side, 32)
        super().resizeEvent(event)


def add_label(layout: QVBoxLayout, text: str, role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if role:  # before the text: with a screen reader on, setText makes the label's accessible
        label.setProperty("role", role)  # interface, and its role (heading or not) is kept
    label.setText(text)
    label.setAccessibleName(text)
    layout.addWidget(label)
    return label


def add_callout(layout: QVBoxLayout, text: str, role: str) -> QLabel:
    """A coloured box (role "caution" or "emergency") holding wrapped text.

    The padding lives on the frame, not the label: a word-wrapped QLabel with stylesheet padding
    reports too small a height and clips its last lines.
    """
    frame = QFrame()
    frame.setProperty("role", role)
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(16, 12, 16, 12)
    label = add_label(inner, text)
    label.setProperty("role", f"{role}-text")
    layout.addWidget(frame)
    return label
