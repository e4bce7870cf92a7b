"""A tab widget's tabs as a row of tab buttons that wraps onto a second line when the window
is too narrow for all of them (a small window at a large text size), so every tab's whole name
stays in view: never cut short with "…", never hidden behind scroll arrows.

The QTabWidget keeps its pages, its API and Ctrl+Tab; only its own bar is hidden. A screen
reader hears a page tab list of page tabs, the chosen one selected (app.ui.accessible); arrow
keys open the tab beside, as in a tab bar; Enter or Space opens the focused one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.ui.accessible import mark_choice
from app.ui.flow_layout import FlowLayout


class TabButton(QPushButton):
    """A tab. The chosen one is bold (the stylesheet's :checked), which Qt's size hint does not
    see: the hint allows for bold words, so choosing never cuts them."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        text = self.text()
        extra = QFontMetrics(bold).horizontalAdvance(text) - self.fontMetrics().horizontalAdvance(
            text
        )
        return QSize(hint.width() + max(extra, 0) + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class TabRow(QWidget):
    """Put it above `tabs` (in the same layout); call `sync_names` after adding tabs."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("a11yRole", "tablist")  # before any interface is made
        self.setObjectName("tabRow")
        self._tabs = tabs
        tabs.tabBar().hide()
        self.setAccessibleName(tabs.accessibleName())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 4, 16, 0)
        self._flow = FlowLayout(spacing=4, stretch=False)
        outer.addLayout(self._flow)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[TabButton] = []
        self.group.idClicked.connect(tabs.setCurrentIndex)
        tabs.currentChanged.connect(self._show_current)

    def sync_names(self) -> None:
        """One button per tab, named as the tab."""
        for index in range(self._tabs.count()):
            if index == len(self.buttons):
                button = TabButton()
                button.setProperty("role", "tab")
                button.setCheckable(True)
                # As a tab bar's tabs: Tab reaches them, a click does not leave a focus ring.
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.installEventFilter(self)
                mark_choice(button, "tab")
                self.group.addButton(button, index)
                self._flow.addWidget(button)
                self.buttons.append(button)
            self.buttons[index].setText(self._tabs.tabText(index))
            self.buttons[index].setToolTip(self._tabs.tabToolTip(index))
        self._show_current(self._tabs.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left and Right (Home, End) open the tab beside (first, last), as in a tab bar."""
        if event.type() != QEvent.Type.KeyPress or watched not in self.buttons:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        index = self.buttons.index(watched)
        last = len(self.buttons) - 1
        moves = {
            Qt.Key.Key_Left: max(index - 1, 0),
            Qt.Key.Key_Right: min(index + 1, last),
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: last,
        }
        if event.key() not in moves:
            return False
        target = self.buttons[moves[Qt.Key(event.key())]]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.click()
        return True

    def _show_current(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
