"""The daily skin check-in on Today: redness, swelling and pain as large choices, the pack's
red-flag questions as Yes / No, a note for the day, and the answer as a card at its triage level.

Nothing is chosen until the patient chooses ("not answered" is never "none"). Each choice is
saved at once, like a checklist tick; the note is saved after a short pause in typing and when
the screen is left. The note is the patient's own words: it goes to the store and nowhere else
(never to the log, never into an error message).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.warnings import SEVERITIES
from app.store import CheckInRecord, StoreWriteError
from app.store.repository import CHECKIN_NOTE_MAX
from app.ui.flow_layout import FlowLayout
from app.ui.keyboard import mark_selected
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checkin_card import CheckInCard, Phones
from app.ui.screens.checkin_history import CheckInHistory, card_values
from app.ui.screens.page import RowsBox, add_label
from app.ui.screens.take_home import ChooseFile, choose_save_file
from app.ui.store_writes import not_saved_text
from app.ui.theme import Palette

if TYPE_CHECKING:
    from app.domain.checkin import CheckIn
    from app.domain.plan import RecoveryPlan
    from app.domain.warnings_files import Warnings

log = logging.getLogger(__name__)
NOTE_SAVE_DELAY_MS = 800
MIN_TARGET_PX = 48


class ChoiceButton(QPushButton):
    """A big toggle answer. Chosen, it shows a tick and bold words: its size allows for both,
    so choosing never clips the word or shifts its neighbours."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word
        self.setCheckable(True)
        self.setProperty("role", "choice")
        self.setMinimumHeight(MIN_TARGET_PX)  # a finger's width, whatever the stylesheet says
        self.toggled.connect(self._mark)
        mark_selected(self)

    def _mark(self, on: bool) -> None:
        self.setText(f"✓ {self.word}" if on else self.word)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setBold(True)
        widest = QFontMetrics(bold).horizontalAdvance(f"✓ {self.word}")
        shown = self.fontMetrics().horizontalAdvance(self.text())
        return QSize(hint.width() + max(0, widest - shown), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ChoiceRow(QWidget):
    """A question and its answers as big toggle buttons, one choice at most, none at first.
    `beside`: the answers to the right of the question (short Yes / No), else below it."""

    chosen = Signal()  # the patient chose (a click or the keyboard), not a load from the store

    def __init__(
        self,
        question: str,
        answers: Sequence[tuple[str, str]],
        name: str,
        role: str = "",
        beside: bool = False,
    ) -> None:
        super().__init__()
        layout: QBoxLayout = QHBoxLayout(self) if beside else QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(12 if beside else 6)
        self.label = QLabel(question)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        if role:
            self.label.setProperty("role", role)
        layout.addWidget(self.label, 1)
        # The answers wrap onto a second line rather than push the page wider than the window.
        row = FlowLayout(spacing=8, stretch=not beside)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, ChoiceButton] = {}
        for key, word in answers:
            button = ChoiceButton(word)
            # "Redness: Mild": the question with the answer, for a screen reader.
            button.setAccessibleName(name.format(question=question, answer=word))
            # toggled, not clicked: a checkable button's accessibility action is "toggle",
            # which emits no click (a screen reader or voice control choosing an answer).
            button.toggled.connect(self._on_toggled)
            self.group.addButton(button)
            self.buttons[key] = button
            row.addWidget(button)
        layout.addLayout(row, 0 if beside else 1)
        self._layout = layout
        self._beside = beside
        self.label.setBuddy(next(iter(self.buttons.values())))
        self._loading = False

    def _on_toggled(self, on: bool) -> None:
        if on and not self._loading:  # once per choice: the one switched off says nothing
            self.chosen.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Short answers beside the question while there is room for ~12 characters of it,
        under it when the window is narrower."""
        if self._beside:
            em = max(self.fontMetrics().horizontalAdvance("M"), 8)
            answers = sum(b.sizeHint().width() + 8 for b in self.buttons.values())
            fits = event.size().width() >= answers + 12 + 12 * em
            direction = (
                QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
            )
            if self._layout.direction() != direction:
                self._layout.setDirection(direction)
        super().resizeEvent(event)

    def value(self) -> str | None:
        return next((key for key, button in self.buttons.items() if button.isChecked()), None)

    def set_value(self, key: str | None) -> None:
        """Show a stored answer; None shows nothing chosen."""
        self.group.setExclusive(False)  # an exclusive group cannot go back to no choice
        self._loading = True
        try:
            for name, button in self.buttons.items():
                button.setChecked(name == key)
        finally:
            self._loading = False
        self.group.setExclusive(True)


class CheckInPanel(QFrame):
    open_warning_signs = Signal()

    def __init__(
        self,
        session: RecoverySession,
        palette: Callable[[], Palette],
        choose_file: ChooseFile = choose_save_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._session = session
        self._palette = palette
        self._warnings: Warnings | None = None
        self._key: tuple[int, date] | None = None  # (treatment, day) the widgets show
        self._plan: RecoveryPlan | None = None
        self._shown: object = None  # what the card shows, to redraw only on a change
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.title = add_label(layout, "", "h3")
        self.intro = add_label(layout, "", "secondary")
        rows = RowsBox(spacing=8)  # read before the note and the history under it
        self.rows = rows.box
        layout.addWidget(rows)
        self.symptoms: dict[str, ChoiceRow] = {}
        self.questions: dict[str, ChoiceRow] = {}

        self.status = add_label(layout, "", "secondary")  # "Saved ✓" under the choices
        self.card = CheckInCard()
        self.card.open_warning_signs.connect(self.open_warning_signs)
        self.card.hide()
        layout.addWidget(self.card)

        self.note_label = add_label(layout, self.tr("Your note for today (if you want one)"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Your note for today"))
        self.note.setTabChangesFocus(True)  # Tab moves on; a note needs no tab characters
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 4 + 24)
        self.note_label.setBuddy(self.note)
        self.note.textChanged.connect(self._note_changed)
        layout.addWidget(self.note)
        self.note_status = add_label(layout, "", "secondary")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(lambda: self._save(self.note_status))
        self._note_cut = False  # the last change went past the length cap

        self.history = CheckInHistory(session, palette, choose_file)
        layout.addWidget(self.history)

    # what the panel shows -----------------------------------------------------------------

    def refresh(self, treatment_id: int, plan: RecoveryPlan, today: date) -> None:
        """Called by Today on every tick: reloads from the store only when the treatment or
        the day changed, so a choice or a note being typed is never overwritten."""
        warnings = self._session.content.warnings()
        if warnings is not self._warnings:
            self._build(warnings)
            self._key = None
        self._plan = plan
        key = (treatment_id, today)
        if key != self._key:
            self._save_pending_note()  # belongs to the day it was typed on
            self._key = key
            self._load(self._session.checkin(treatment_id, today))
            self._say(self.status, "")
            self._say(self.note_status, "")
        self._show_answer(scroll=False)

    def _build(self, warnings: Warnings) -> None:
        self._warnings = warnings
        text = warnings.text
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()  # gone from the screen now; deleted when the loop turns
                widget.setParent(None)
                widget.deleteLater()
        self.title.setText(text.checkin_title)
        self.title.setAccessibleName(text.checkin_title)
        self.intro.setText(text.checkin_intro)
        severities = [(str(n), text.severities[key]) for n, key in enumerate(SEVERITIES)]
        self.symptoms = {}
        for symptom in warnings.model.checkin.symptoms:
            name = self.tr("{question}: {answer}")
            row = ChoiceRow(text.symptoms[symptom], severities, name, role="h3")
            self._add_row(row, self.symptoms, symptom)
        yes_no = [("yes", self.tr("Yes")), ("no", self.tr("No"))]
        self.questions = {}
        for question in warnings.model.checkin.questions:
            words = text.questions[question.id]
            row = ChoiceRow(words, yes_no, self.tr("{question} {answer}"), beside=True)
            self._add_row(row, self.questions, question.id)

    def _add_row(self, row: ChoiceRow, rows: dict[str, ChoiceRow], key: str) -> None:
        row.chosen.connect(self._chosen)
        rows[key] = row
        self.rows.addWidget(row)

    def _load(self, record: CheckInRecord | None) -> None:
        record = record or CheckInRecord(date.min)
        for symptom, row in self.symptoms.items():
            score = record.scores.get(symptom)
            row.set_value(None if score is None else str(score))
        for question, row in self.questions.items():
            answer = "yes" if question in record.yes else "no" if question in record.no else None
            row.set_value(answer)
        self.note.blockSignals(True)
        self.note.setPlainText(record.note)
        self.note.blockSignals(False)

    def today(self) -> CheckIn | None:
        """Today's answers as they stand on screen, saved or not."""
        if self._key is None or self._plan is None:
            return None
        from app.domain.checkin import CheckIn, Severity

        record = self._record(self._key[1])
        scores = {name: Severity(value) for name, value in record.scores.items()}
        day = self._plan.day_number(record.local_date)
        return CheckIn(record.local_date, day, scores, record.yes, record.note, record.no)

    def _show_answer(self, scroll: bool) -> None:
        today = self.today()
        if today is None or self._warnings is None or self._plan is None:
            return
        from app.domain.checkin import triage
        from app.domain.checkin_words import card_words, previous_answered, triaged_history

        content = self._session.content
        history = self._session.checkin_days(self._key[0], self._plan) if self._key else []
        values = card_values(content)
        palette = self._palette()
        if today.answered:
            result = triage(today, previous_answered(history, today), self._warnings.model)
            words = card_words(result, self._warnings.text, values)
            phones = Phones(content.clinic_phone, content.clinic_after_hours_phone)
            shown = (words, phones, palette, self.fontMetrics().height())  # icons scale
            if shown != self._shown:
                before = self.card.level_key if self.card.isVisible() else ""
                self.card.show_words(words, phones, palette)
                self.card.show()
                if scroll and _more_urgent(self.card.level_key, before):
                    QTimer.singleShot(0, self, self._bring_card_into_view)  # not if gone
            self._shown = shown
        else:
            self.card.hide()
            self._shown = None
        days = triaged_history(history, self._warnings.model)
        self.history.show_history(self._key, self._plan, self._warnings, days, values, palette)

    def _bring_card_into_view(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(self.card, 0, 24)

    # saving -------------------------------------------------------------------------------

    def _record(self, day: date) -> CheckInRecord:
        scores = {s: int(v) for s, row in self.symptoms.items() if (v := row.value()) is not None}
        answers = {q: row.value() for q, row in self.questions.items()}
        return CheckInRecord(
            day,
            scores,
            frozenset(q for q, a in answers.items() if a == "yes"),
            frozenset(q for q, a in answers.items() if a == "no"),
            self.note.toPlainText(),
        )

    def _chosen(self) -> None:
        self._save(self.status)
        self._show_answer(scroll=True)

    def _note_changed(self) -> None:
        text = self.note.toPlainText()
        self._note_cut = len(text) > CHECKIN_NOTE_MAX
        if self._note_cut:
            self.note.blockSignals(True)
            self.note.setPlainText(text[:CHECKIN_NOTE_MAX])
            self.note.moveCursor(QTextCursor.MoveOperation.End)
            self.note.blockSignals(False)
        self._say(self.note_status, self._cut_words() if self._note_cut else "")
        self._note_timer.start()

    def _cut_words(self) -> str:
        return self.tr(
            "A note can be up to %Ln characters. The rest was not kept.", "", CHECKIN_NOTE_MAX
        )

    def _save_pending_note(self) -> None:
        if self._note_timer.isActive():
            self._save(self.note_status)

    def _save(self, status: QLabel) -> None:
        """Save today's answers and note; say so in `status`, beside what was changed."""
        note_pending = self._note_timer.isActive()
        self._note_timer.stop()
        if self._key is None:
            return
        treatment_id, day = self._key
        try:
            self._session.save_checkin(treatment_id, self._record(day))
        except StoreWriteError as error:
            # The kind of error only: its message could quote what was being written.
            log.warning("check-in not saved (%s)", error.kind)
            if status is self.status:
                # A choice that stays chosen would say it was stored: back to what the store
                # holds. The note being typed stays on screen, so nothing typed is lost.
                typed = self.note.toPlainText()
                self._load(self._session.checkin(treatment_id, day))
                self.note.blockSignals(True)
                self.note.setPlainText(typed)
                self.note.blockSignals(False)
                self._show_answer(scroll=False)
            self._say(status, not_saved_text(error))
            return
        saved = self.tr("Saved ✓")
        self._say(status, saved)
        if note_pending or status is self.note_status:
            self._say(self.note_status, f"{saved} {self._cut_words()}" if self._note_cut else saved)
        if status is self.note_status:
            self._show_answer(scroll=False)  # the note shows in the list of past days

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)

    def hideEvent(self, event: QHideEvent) -> None:
        self._save_pending_note()  # leaving the screen or closing the window keeps the note
        super().hideEvent(event)


def _more_urgent(now: str, before: str) -> bool:
    """A card that asks for a call today or sooner, and is more urgent than the one before:
    worth scrolling to. A calmer card is not, so answering the rest is not interrupted."""
    order = ("emergency", "call_today", "office_hours", "all_clear", "")
    return now in order[:2] and order.index(now) < order.index(before)
