"""Past check-ins: a small trend per symptom, every day's answers and the level it reached, and
the "for my clinic" summary as a PDF."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.render.content_provider import ContentProvider
from app.render.formatting import local_day
from app.render.levels import LOOKS
from app.ui.flow_layout import FlowLayout
from app.ui.icons import icon
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checkin_card import icon_colour, level_word
from app.ui.screens.page import add_label
from app.ui.screens.take_home import ChooseFile
from app.ui.theme import Palette
from app.ui.wrap_buttons import WrapPushButton

if TYPE_CHECKING:
    from app.domain.checkin import CheckIn, Triage
    from app.domain.plan import RecoveryPlan
    from app.domain.warnings_files import Warnings


# What the summary for the clinic is made from: the plan, the pack's words, the days, values.
SummaryInput = tuple["RecoveryPlan", "Warnings", "list[tuple[CheckIn, Triage]]", dict[str, str]]


def card_values(content: ContentProvider) -> dict[str, str]:
    """What fills {{emergency_number}} and {{clinic_name}} in the pack's warning words: the
    same values as on every other surface."""
    return content.warning_values()


def plain_label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # pack words and the patient's note: no markup
    label.setWordWrap(True)
    label.setAccessibleName(text)
    if role:
        label.setProperty("role", role)
    return label


class Sparkline(QWidget):
    """A symptom's answers by day as a small line: higher is worse, a gap where it was not
    answered. Its accessible description says the same in words."""

    def __init__(self, palette: Callable[[], Palette]) -> None:
        super().__init__()
        self._palette = palette
        self.points: list[tuple[int, int]] = []  # (day, 0..3)
        self.first_day = self.last_day = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(max(self.fontMetrics().height() * 2, 32))
        self.setMinimumWidth(120)

    def set_points(self, points: list[tuple[int, int]], first: int, last: int) -> None:
        self.points, self.first_day, self.last_day = points, first, max(last, first + 1)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self._palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pad = 6.0
        width, height = self.width() - 2 * pad, self.height() - 2 * pad
        painter.setPen(QPen(QColor(palette.secondary), 1))
        painter.drawLine(QPointF(pad, pad + height), QPointF(pad + width, pad + height))
        span = self.last_day - self.first_day

        def where(day: int, score: int) -> QPointF:
            x = pad + width * (day - self.first_day) / span
            return QPointF(x, pad + height * (1 - score / 3))

        painter.setPen(QPen(QColor(palette.text), 2))
        for (day_a, a), (day_b, b) in zip(self.points, self.points[1:], strict=False):
            if day_b == day_a + 1:  # a missing day is a gap, not a guess
                painter.drawLine(where(day_a, a), where(day_b, b))
        painter.setBrush(QColor(palette.primary))
        painter.setPen(QPen(QColor(palette.primary), 1))
        for day, score in self.points:
            painter.drawEllipse(where(day, score), 4, 4)
        painter.end()


class CheckInHistory(QWidget):
    def __init__(
        self, session: RecoverySession, palette: Callable[[], Palette], choose: ChooseFile
    ) -> None:
        super().__init__()
        self._session = session
        self._palette = palette
        self._choose = choose
        self._shown: object = None
        self._summary_input: SummaryInput | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        self.heading = add_label(layout, self.tr("Your check-ins so far"), "h3")
        self.empty = add_label(layout, self.tr("Your past check-ins will show here."), "secondary")
        self.trend = QGridLayout()
        self.trend.setHorizontalSpacing(16)
        self.trend.setColumnStretch(1, 1)
        layout.addLayout(self.trend)
        self.days = QVBoxLayout()
        self.days.setSpacing(8)
        layout.addLayout(self.days)
        self.pdf_button = WrapPushButton(self.tr("Save a summary for your clinic (PDF)…"))
        self.pdf_button.clicked.connect(self.save_summary)
        row = FlowLayout(stretch=False)  # as wide as its words, which wrap in a narrow window
        row.addWidget(self.pdf_button)
        layout.addLayout(row)
        self.status = add_label(layout, "", "secondary")
        self.sparklines: dict[str, Sparkline] = {}

    def show_history(
        self,
        key: tuple[int, date] | None,
        plan: RecoveryPlan,
        warnings: Warnings,
        days: list[tuple[CheckIn, Triage]],
        values: dict[str, str],
        palette: Palette,
    ) -> None:
        """Redraw when anything shown changed; Today calls this on every tick."""
        if key is None:
            return
        self._summary_input = (plan, warnings, days, values)
        size = self.fontMetrics().height()  # the icons follow the text size
        shown = ([(c, t.level, t.reasons) for c, t in days], id(warnings), values, palette, size)
        if shown == self._shown:
            return
        self._shown = shown
        self.empty.setVisible(not days)
        self._clear(self.trend)
        self._clear(self.days)
        self.sparklines = {}
        if len(days) > 1:  # a trend needs two days
            self._show_trend(warnings, days)
        for entry, result in reversed(days):  # the newest first
            self.days.addWidget(self._day_row(entry, result, warnings, values, palette))

    @staticmethod
    def _clear(layout: QGridLayout | QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()  # gone from the screen now; deleted when the loop turns
                widget.setParent(None)
                widget.deleteLater()

    def _show_trend(self, warnings: Warnings, days: Sequence[tuple[CheckIn, Triage]]) -> None:
        text = warnings.text
        first, last = days[0][0].day, days[-1][0].day
        for row, symptom in enumerate(warnings.model.checkin.symptoms):
            name = text.symptoms[symptom]
            points = [(c.day, int(s)) for c, _ in days if (s := c.scores.get(symptom)) is not None]
            words = []
            for entry, _ in days:
                score = entry.scores.get(symptom)
                answer = (
                    text.severities[score.key] if score is not None else self.tr("not answered")
                )
                words.append(self.tr("day {n}: {answer}").format(n=entry.day, answer=answer))
            line = Sparkline(self._palette)
            line.set_points(points, first, last)
            description = self.tr("{symptom} by day: {days}").format(
                symptom=name, days=", ".join(words)
            )
            line.setAccessibleName(self.tr("{symptom} trend").format(symptom=name))
            line.setAccessibleDescription(description)
            line.setToolTip(description)
            answered = [c.scores[symptom] for c, _ in days if symptom in c.scores]
            latest = answered[-1] if answered else None
            now = text.severities[latest.key] if latest is not None else self.tr("not answered")
            self.trend.addWidget(plain_label(name), row, 0)
            self.trend.addWidget(line, row, 1)
            self.trend.addWidget(plain_label(self.tr("Last: {answer}").format(answer=now)), row, 2)
            self.sparklines[symptom] = line

    def _day_row(
        self,
        entry: CheckIn,
        result: Triage,
        warnings: Warnings,
        values: Mapping[str, str],
        palette: Palette,
    ) -> QFrame:
        from app.domain.checkin_words import card_words

        text = warnings.text
        frame = QFrame()
        frame.setObjectName("checkinDay")
        frame.setProperty("role", "calm")
        box = QVBoxLayout(frame)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(4)
        when = self.tr("Day {n}, {date}").format(n=entry.day, date=local_day(entry.local_date))
        heading = QLabel(f"<b>{escape(when)}</b>")
        heading.setAccessibleName(when)
        heading.setWordWrap(True)
        box.addWidget(heading)
        answers = []
        for symptom in warnings.model.checkin.symptoms:
            score = entry.scores.get(symptom)
            word = text.severities[score.key] if score is not None else self.tr("not answered")
            pair = self.tr("{symptom}: {answer}")
            answers.append(pair.format(symptom=text.symptoms[symptom], answer=word))
        box.addWidget(plain_label("   ·   ".join(answers)))
        for question in warnings.model.checkin.questions:
            if question.id in entry.yes:
                yes = self.tr("Yes: {question}").format(question=text.questions[question.id])
                box.addWidget(plain_label(yes))
        if entry.answered:
            words = card_words(result, text, values)
            level = QHBoxLayout()
            look = LOOKS[words.level]
            side = self.fontMetrics().height()
            picture = QLabel()
            colour = icon_colour(words.level, palette)
            picture.setPixmap(icon(look.icon, colour, side * 2).pixmap(side, side))
            level.addWidget(picture)
            reached = plain_label(level_word(words))
            reached.setProperty("tone", look.tone)
            reached.setProperty("level", look.key)
            level.addWidget(reached, 1)
            box.addLayout(level)
        if entry.note:
            box.addWidget(plain_label(self.tr("Note: {note}").format(note=entry.note)))
        return frame

    # the summary for the clinic -----------------------------------------------------------

    def save_summary(self) -> None:
        from app.export.checkin_summary import Summary, save_summary

        if self._summary_input is None:
            return
        plan, warnings, days, values = self._summary_input
        name = self._choose(
            self,
            self.tr("Save a summary for your clinic"),
            "skin-check-ins.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not name:
            return
        summary = Summary(
            treated_at=plan.treated_at.astimezone(plan.zone),
            days=days,
            model=warnings.model,
            text=warnings.text,
            values=values,
            clinic_name=self._session.content.clinic_name,
            made_on=plan.local_date_of(self._session.now()),
        )
        try:
            save_summary(summary, Path(name))
        except OSError as error:
            self._say(self.tr("Not saved: {error}").format(error=error.strerror or error))
            return
        self._say(self.tr("Saved to {file}.").format(file=name))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
