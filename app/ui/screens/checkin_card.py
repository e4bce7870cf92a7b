"""The check-in's answer: a card at the triage level, in its safety colour with its word and its
icon (colour is never the only sign), what to do, why, and whom to call."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.checkin_words import CardWords
from app.domain.warnings import Level
from app.render.levels import LOOKS, level_colours
from app.ui.icons import icon
from app.ui.screens.level_card import add_level_header
from app.ui.screens.page import add_label
from app.ui.theme import Palette


def icon_colour(level: Level | None, palette: Palette) -> str:
    return level_colours(level, palette).tone


def level_word(words: CardWords) -> str:
    """The level's word from the pack, or ours for "nothing needs a call"."""
    return (
        words.label
        if words.level is not None
        else QCoreApplication.translate("CheckInCard", "No call needed")
    )


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet again after a dynamic property ("role") changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


@dataclass(frozen=True)
class Phones:
    clinic: str  # "" when the clinic config sets none
    after_hours: str


class CheckInCard(QFrame):
    open_warning_signs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinCard")
        self.level_key = ""  # which card shows: "emergency", ..., "all_clear"
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(8)
        self.icon, self.word = add_level_header(column, "h2")
        self.title = add_label(column, "", "h3")
        self.action = add_label(column, "")
        self.why = add_label(column, "")
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.why.setText(f"<b>{escape(self.tr('Why:'))}</b>")
        self.why.setAccessibleName(self.tr("Why:"))
        self.reasons = add_label(column, "")
        self.phone = add_label(column, "")
        self.warning_button = QPushButton(self.tr("See all warning signs"))
        self.warning_button.clicked.connect(self.open_warning_signs)
        column.addWidget(self.warning_button, 0, Qt.AlignmentFlag.AlignLeft)
        for label in (self.word, self.title, self.action, self.reasons, self.phone):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_words(self, words: CardWords, phones: Phones, palette: Palette) -> None:
        look = LOOKS[words.level]
        self.level_key = look.key
        self.setProperty("role", look.frame_role)
        self.setProperty("level", look.key)
        word = level_word(words)
        side = round(self.fontMetrics().height() * 2)
        self.icon.setPixmap(
            icon(look.icon, icon_colour(words.level, palette), side * 2).pixmap(side, side)
        )
        self.icon.setAccessibleName(word)
        for label in (self.word, self.title):
            label.setProperty("tone", look.tone)
        self._set(self.word, word)
        self._set(self.title, words.title)
        self._set(self.action, words.action)
        self.why.setVisible(bool(words.reasons))
        self._set(self.reasons, "\n".join(f"•  {line}" for line in words.reasons))
        self._set(self.phone, self._phone_words(words.level, phones))
        self.setAccessibleName(self.tr("Your answer: {word}").format(word=word))
        for widget in (self, self.word, self.title):
            restyle(widget)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(bool(text))

    def _phone_words(self, level: Level | None, phones: Phones) -> str:
        if level is Level.EMERGENCY:
            return ""  # the number to call is the card's title; nothing may distract from it
        lines = []
        if phones.clinic:
            lines.append(self.tr("Clinic phone: {phone}").format(phone=phones.clinic))
        elif level is not None:
            lines.append(self.tr("Your clinic's phone number is on the papers they gave you."))
        if level is Level.CALL_TODAY and phones.after_hours:
            lines.append(self.tr("Out of hours: {phone}").format(phone=phones.after_hours))
        return "\n".join(lines)
