"""About: what this app is and is not, the emergency level of the warning signs, the keyboard
shortcuts, the version and where the data lives."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app import version
from app.domain.warnings import Level
from app.render.content_provider import ContentProvider
from app.ui.screens.level_card import LevelCard
from app.ui.screens.page import Page, add_label, read_in_layout_order
from app.ui.theme import LIGHT, Palette


class AboutScreen(Page):
    def __init__(
        self,
        data_dir: Path | None,
        log_file: Path | None,
        content: ContentProvider | None = None,
        palette: Callable[[], Palette] | None = None,
        shortcuts: Callable[[], list[tuple[str, str]]] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("About this app"), parent)
        self._content = content
        self._palette = palette or (lambda: LIGHT)
        self.disclaimer = add_label(
            self.column,
            self.tr(
                "This app gives general information about microneedling for acne scars. "
                "It does not replace your clinic. Always follow the instructions your clinic "
                "gives you."
            ),
        )
        # The emergency level of the pack's warning signs, the same words as everywhere else.
        self.emergency = LevelCard()
        self.emergency.hide()
        self.column.addWidget(self.emergency)
        # Read from the window's real shortcuts each time About is shown (MainWindow.
        # keyboard_shortcuts); held weakly, as the window holds this screen.
        self._shortcuts = weakref.WeakMethod(shortcuts) if shortcuts is not None else None
        self.shortcut_rows: list[tuple[str, str]] = []
        self.shortcuts_heading = add_label(self.column, self.tr("Keyboard shortcuts"), "h2")
        self.shortcuts_grid = QGridLayout()
        self.shortcuts_grid.setHorizontalSpacing(24)
        self.shortcuts_grid.setVerticalSpacing(8)
        self.shortcuts_grid.setColumnStretch(1, 1)
        self.column.addLayout(self.shortcuts_grid)
        self.shortcuts_heading.setVisible(shortcuts is not None)
        add_label(self.column, self.tr("Version"), "h2")
        self.version_label = add_label(self.column, version())
        add_label(self.column, self.tr("Where your data is kept"), "h2")
        if data_dir is None:
            where = self.tr("Nothing is saved on this display. What you enter here is forgotten.")
        else:
            where = self.tr(
                "Your data stays on this computer, in this folder: {folder}. "
                "Nothing is sent over the internet."
            ).format(folder=_breakable(data_dir))
        self.data_label = add_label(self.column, where)
        self.data_label.setAccessibleName(where.replace(ZWSP, ""))
        if log_file is not None:
            logged = self.tr(
                "A log of what the app did, without anything you typed, is kept in {file}."
            ).format(file=_breakable(log_file))
            add_label(self.column, logged, "secondary").setAccessibleName(logged.replace(ZWSP, ""))
        self.column.addStretch(1)
        if content is not None:
            if content.is_loaded:
                self.refresh()
            else:
                content.loaded.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_shortcuts()

    def show_shortcuts(self) -> None:
        """One row per shortcut: its keys, then what it does."""
        read = self._shortcuts() if self._shortcuts is not None else None
        rows = read() if read is not None else []
        if rows == self.shortcut_rows:
            return
        self.shortcut_rows = rows
        while self.shortcuts_grid.count():
            item = self.shortcuts_grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for row, (keys, what) in enumerate(rows):
            for column, text in enumerate((keys, what)):
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(column == 1)
                label.setAccessibleName(f"{keys}: {what}")
                if column == 0:  # bold, not a heading: a reader's list of headings is
                    label.setStyleSheet("font-weight: 600;")  # for sections, not keys
                self.shortcuts_grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignBaseline)
        page = self.widget()
        if page is not None:  # made on show: read under their heading, not at the page's end
            read_in_layout_order(page)

    def refresh(self) -> None:
        """Show the emergency level again: a new region, clinic or theme."""
        if self._content is None or not self._content.is_loaded:
            return
        words = self._content.level_words(Level.EMERGENCY)
        self.emergency.show_level(words, self._palette())
        self.emergency.show()


ZWSP = "\u200b"


def _breakable(path: Path) -> str:
    """The path with a zero-width space after each separator, dash and underscore: a long
    folder name wraps there instead of pushing the page wider than a narrow window."""
    text = str(path)
    for separator in ("/", "\\", "-", "_"):
        text = text.replace(separator, separator + ZWSP)
    return text
