"""The recovery timeline: the treatment and every milestone of a plan on one vertical line.

A vertical list reads best at large text and in narrow windows. The line and the dots are
painted here; every word is a real, word-wrapped QLabel, so text takes the app stylesheet's size
and the layout grows instead of clipping. A passed milestone has a filled dot with a tick and
the word "Done"; one ahead has a ring. A "Now" marker sits between the last passed row and the
first one ahead. Colour never carries meaning alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html import escape

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.clock import as_utc
from app.domain.plan import Milestone, RecoveryPlan
from app.render.formatting import local_moment, milestone_when, short_day
from app.ui.screens.page import read_in_layout_order
from app.ui.theme import Palette

ROW_GAP = 24  # px between rows (8 px grid)
LINE_WIDTH = 4


@dataclass
class TimelineRow:
    """One row: the treatment (key "treatment") or a milestone (key = its rule id)."""

    key: str
    at: datetime
    label: str  # "You can wear makeup again"
    date_text: str  # "Sat 7 Mar, 4:00 PM"; a milestone "From about 5:30 PM on Sun 8 Mar"
    title: QLabel
    when: QLabel
    done: bool = False
    plain: str = ""  # everything the row says, in words: "Label. From about ... Done"


class TimelineView(QWidget):
    """Every milestone of one RecoveryPlan on one line. Call set_plan(plan, now) as often as
    you like (a same plan only updates what is done); call refresh() after the theme changes
    (the dots are repainted from the palette, the label colours are reset)."""

    def __init__(self, palette: Callable[[], Palette], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self._plan: RecoveryPlan | None = None
        self._locale = ""
        self.rows: list[TimelineRow] = []
        self.now_label = QLabel(self.tr("Now"))
        self.now_label.setWordWrap(True)
        self.now_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.now_index = -1  # the "Now" marker sits before self.rows[now_index]
        self.setAccessibleName(self.tr("Recovery timeline"))
        self._next_ids: set[str] = set()
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(4)
        self._update_rail()

    # public ------------------------------------------------------------------------------------

    def set_plan(self, plan: RecoveryPlan, now: datetime) -> None:
        """Show `plan`; `now` (aware) decides which rows are done and where "Now" goes."""
        moment = as_utc(now, "now")
        if plan != self._plan or QLocale().name() != self._locale:
            self._plan, self._locale = plan, QLocale().name()
            self._rebuild(plan)
        for row in self.rows:
            # A milestone due exactly now has passed, as in RecoveryPlan.next_milestone. The
            # next session is never "Done" by itself: only entering it says it happened.
            row.done = as_utc(row.at) <= moment and row.key not in self._next_ids
            parts = [row.label, row.date_text] + ([self.tr("Done")] if row.done else [])
            row.plain = ". ".join(parts)
            row.when.setAccessibleName(". ".join(parts[1:]))
        now_index = sum(as_utc(row.at) <= moment for row in self.rows)
        if now_index != self.now_index:
            self.now_index = now_index
            self._fill_layout()
        self.refresh()

    def refresh(self) -> None:
        """Re-apply the palette's colours (after a theme change) and repaint."""
        for row in self.rows:
            row.when.setText(self._when_html(row))
        p = self._palette()
        self.now_label.setStyleSheet(f"color: {p.on_highlight}; font-weight: 600;")
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """Every row in reading order, one a line, with "Now" where it falls: for screen
        readers (the widget's accessible description) and for tests."""
        lines = [row.plain for row in self.rows]
        if self.rows:
            lines.insert(self.now_index, self.now_label.text())
        return "\n".join(lines)

    # building ----------------------------------------------------------------------------------

    def _rebuild(self, plan: RecoveryPlan) -> None:
        for row in self.rows:
            for label in (row.title, row.when):
                self._layout.removeWidget(label)
                label.hide()
                label.deleteLater()
        self._next_ids = {m.rule_id for m in plan.milestones if m.kind == "next_session"}
        treated = local_moment(plan.treated_at, plan.zone, self.tr("{date}, {time}"))
        entries = [("treatment", plan.treated_at, self.tr("Your treatment"), treated)]
        # Milestones as the handout says them: "From about 5:30 PM on Sun 8 Mar", and the next
        # session, which is no appointment, as a date alone.
        entries += [(m.rule_id, m.at, m.label, self._when_text(m, plan)) for m in plan.milestones]
        self.rows = [self._make_row(*entry) for entry in entries]
        self.now_index = -1  # lay out again

    def _when_text(self, milestone: Milestone, plan: RecoveryPlan) -> str:
        if milestone.kind == "next_session":  # no appointment: a date it is due around
            day = short_day(milestone.at.astimezone(plan.zone).date()).replace(" ", "\u00a0")
            return self.tr("Due around {date}").format(date=day)
        return milestone_when(milestone, plan.zone)

    def _make_row(self, key: str, at: datetime, label: str, date_text: str) -> TimelineRow:
        title = QLabel(label, self)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        title.setStyleSheet("font-weight: 600;")
        title.setAccessibleName(label)
        when = QLabel(self)
        when.setWordWrap(True)
        when.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        when.setTextFormat(Qt.TextFormat.RichText)
        when.setProperty("role", "secondary")
        return TimelineRow(key, at, label, date_text, title, when)

    def _when_html(self, row: TimelineRow) -> str:
        text = escape(row.date_text)
        if not row.done:
            return text
        p = self._palette()
        done = escape(self.tr("Done"))
        # No-break spaces: "Done" never starts a line on its own dot.
        return (
            f'{text}&nbsp;·&nbsp;<span style="color: {p.success}; font-weight: 600;">{done}</span>'
        )

    def _fill_layout(self) -> None:
        """Lay the rows out again with "Now" before row now_index; the labels are kept."""
        while self._layout.takeAt(0) is not None:
            pass
        for index, row in enumerate(self.rows):
            if index == self.now_index:
                self._add_now()
            elif index:
                self._layout.addSpacing(ROW_GAP)
            self._layout.addWidget(row.title)
            self._layout.addWidget(row.when)
        if self.now_index == len(self.rows):
            self._add_now()
        self._layout.addStretch(1)
        read_in_layout_order(self)  # "Now" where it shows, not first (it is made first)

    def _add_now(self) -> None:
        # The marker gets room above and below for its highlight, wherever it falls.
        self._layout.addSpacing(ROW_GAP)
        self._layout.addWidget(self.now_label)
        self._layout.addSpacing(ROW_GAP)
        self.now_label.show()

    # geometry and painting ---------------------------------------------------------------------

    def _dot_radius(self) -> float:
        return max(8.0, self.fontMetrics().height() * 0.3)

    def _rail_width(self) -> int:
        return max(48, round(self._dot_radius() * 2 + 32))

    def _update_rail(self) -> None:
        self._layout.setContentsMargins(self._rail_width(), 8, 8, 8)

    def changeEvent(self, event: QEvent) -> None:
        # The app stylesheet sets the font size: the dots and the rail grow with it.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._update_rail()
        super().changeEvent(event)

    def _first_line_centre(self, label: QLabel) -> float:
        return label.y() + label.contentsRect().top() + label.fontMetrics().height() / 2

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.rows:
            return
        p = self._palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self._rail_width() / 2
        r = self._dot_radius()
        ys = [self._first_line_centre(row.title) for row in self.rows]
        now_y = self._first_line_centre(self.now_label)

        # The "Now" highlight behind its label, from just right of the marker to the right
        # edge. It stays off the rail: in high contrast the highlight is the primary colour.
        label = self.now_label.geometry()
        d = r * 1.15  # half the diagonal of the "Now" diamond
        pad = ROW_GAP / 2 - 2
        left = max(x + d + 4, label.left() - 12)
        band = QRectF(left, label.top() - pad, self.width() - 4 - left, label.height() + 2 * pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.highlight))
        painter.drawRoundedRect(band, 8, 8)

        # The line, from the first dot to the last (and on to "Now" if it is past the end).
        line = QPen(QColor(p.primary), LINE_WIDTH)
        line.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(line)
        top, bottom = min(ys[0], now_y), max(ys[-1], now_y)
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))

        for row, y in zip(self.rows, ys, strict=True):
            centre = QPointF(x, y)
            if row.done:  # filled, with a tick: passed
                painter.setPen(QPen(QColor(p.success), 2))
                painter.setBrush(QColor(p.success))
                painter.drawEllipse(centre, r, r)
                tick = QPen(QColor(p.on_success), max(2.0, r / 4))
                tick.setCapStyle(Qt.PenCapStyle.RoundCap)
                tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(tick)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolyline(
                    [
                        QPointF(x - r * 0.45, y + r * 0.02),
                        QPointF(x - r * 0.1, y + r * 0.38),
                        QPointF(x + r * 0.5, y - r * 0.35),
                    ]
                )
            else:  # a ring: ahead
                painter.setPen(QPen(QColor(p.primary), max(3.0, r / 3.5)))
                painter.setBrush(QColor(p.background))
                painter.drawEllipse(centre, r - 1, r - 1)

        # "Now": a solid diamond on the line, bigger than a dot, in the primary colour.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.primary))
        painter.drawPolygon(
            [
                QPointF(x, now_y - d),
                QPointF(x + d, now_y),
                QPointF(x, now_y + d),
                QPointF(x - d, now_y),
            ]
        )
        painter.end()
