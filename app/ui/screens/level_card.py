"""One warning level as a box of labels, for pages built of widgets (About): the level's icon and
word, its title, what to do, every sign and whom to call, in the level's safety colour. The
words come from app.domain.warning_blocks.level_words, as on every other surface."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.warning_blocks import LevelWords
from app.render.levels import LOOKS, level_colours
from app.ui.icons import icon
from app.ui.screens.page import add_label
from app.ui.theme import Palette

ICON_LINES = 1.3  # the icon's side, in lines of the level's word


def _restyle(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def add_level_header(column: QVBoxLayout, word_role: str) -> tuple[QLabel, QLabel]:
    """A level's icon and its word ("Emergency", "Call today") on one row at the top of a card:
    the warning-signs boxes and the check-in's answer card look alike."""
    header = QHBoxLayout()
    header.setSpacing(12)
    level_icon = QLabel()
    header.addWidget(level_icon, 0, Qt.AlignmentFlag.AlignVCenter)
    word = QLabel()
    word.setWordWrap(True)
    word.setProperty("role", word_role)  # before any text: see app.ui.accessible
    header.addWidget(word, 1)
    column.addLayout(header)
    return level_icon, word


class LevelCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelCard")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        self.icon, self.word = add_level_header(column, "h3")
        self.title = add_label(column, "", "h2")
        self.action = add_label(column, "")
        self.signs = add_label(column, "")
        self.phones = add_label(column, "")
        for label in (self.word, self.title, self.action, self.phones):
            label.setTextFormat(Qt.TextFormat.PlainText)  # pack words and clinic details
        # A list, so a wrapped sign hangs under its bullet; every word escaped.
        self.signs.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.word, self.title, self.action, self.signs, self.phones):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_level(self, words: LevelWords, palette: Palette) -> None:
        look = LOOKS[words.level]
        self.setProperty("role", look.frame_role)
        self.setProperty("level", look.key)
        self.word.ensurePolished()  # the stylesheet's size for the word, at any text size
        side = round(self.word.fontMetrics().height() * ICON_LINES)
        colour = level_colours(words.level, palette).tone
        self.icon.setPixmap(icon(look.icon, colour, side * 2).pixmap(side, side))
        self.icon.setAccessibleName(words.label)
        for label in (self.word, self.title):
            label.setProperty("tone", look.tone)
        self._set(self.word, words.label)
        self._set(self.title, words.title)
        self._set(self.action, words.action)
        items = "".join(f"<li>{escape(sign)}</li>" for sign in words.signs)
        self.signs.setText(f'<ul style="margin: 0; -qt-list-indent: 1;">{items}</ul>')
        self.signs.setAccessibleName("\n".join(words.signs))
        self.signs.setVisible(bool(words.signs))
        self._set(self.phones, "\n".join(words.phone_lines))
        self.setAccessibleName(f"{words.label}: {words.title}")
        for widget in (self, self.word, self.title):
            _restyle(widget)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(bool(text))
