"""The handout's timeline picture, drawn from the plan: one bar per aftercare rule from the
treatment to the moment it ends, labelled with the pack's words and its date; a bar for
sunscreen that starts at the treatment and runs on past the picture's edge; and the next
session's date. Drawn from the plan, not a fixed picture, so a clinic's own timings never
contradict it ("Weeks 2 to 4" over sun care did), and sun care shows from day 1.

The picture is a QImage drawn at print resolution (RENDER_WIDTH pixels for the column's
180 mm), with its text at the handout's body size, so it is as sharp as the type.
Every date in it is also in the table above it, in words a screen reader can reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QTextDocument,
)

from app.domain.clock import as_utc
from app.domain.plan import RecoveryPlan, start_of_day
from app.export.handout import BODY_PT, FONT_FAMILIES, RULE, SECONDARY, TEXT, _Writer
from app.export.handout_print import ILLUSTRATION_URL
from app.render.formatting import short_day
from app.render.palette import LIGHT

# The picture's width in the column, and how many image pixels that is drawn with: about
# 340 dpi, as sharp as the printed type (PRINT_DPI is 300).
WIDTH_MM = 180.0
RENDER_WIDTH = 2400
_PX_PER_MM = RENDER_WIDTH / WIDTH_MM
_PT_MM = 25.4 / 72.0

BAR = QColor(LIGHT.primary)
GRID = QColor(LIGHT.highlight)
# Sun yellow, not the palette's amber: amber marks "call your clinic today" in the warning
# signs. The outline is 6.7:1 on white, so the bar reads in black and white too (hatched).
SUNSCREEN = QColor("#6F5A00")
SUNSCREEN_FILL = QColor("#FFF2B3")
# Days shown after the last thing in the plan, so its dot and date sit inside the picture.
_MARGIN_DAYS = 1
LABEL_MM = 74.0  # the column of words; longer words wrap onto a second line
GAP_MM = 4.0
ROW_GAP_MM = 0.8


def _mm(value: float) -> float:
    return value * _PX_PER_MM


@dataclass(frozen=True)
class TimelineRow:
    label: str  # the pack's words for the moment, in the left column
    end: datetime | None  # where the bar ends, at a dot; None: it runs on past the edge
    date: str = ""  # beside the dot
    bar: bool = True  # False: a mark at `end` only (the next session)
    sunscreen: bool = False


def timeline_rows(plan: RecoveryPlan) -> list[TimelineRow]:
    """The picture's rows, top to bottom: each rule's bar from the treatment to its end (in
    time order), sunscreen running on, then the next session's mark."""
    rows: list[TimelineRow] = []
    for milestone in plan.milestones:
        day = short_day(milestone.about.astimezone(plan.zone).date())
        if milestone.kind == "next_session":
            about = QCoreApplication.translate("Handout", "about {date}").format(date=day)
            rows.append(TimelineRow(milestone.label, milestone.at, about, bar=False))
        else:
            rows.append(TimelineRow(milestone.label, milestone.at, day))
    # Sunscreen goes on, every day, past the end of everything else (content brief, 6).
    sunscreen = TimelineRow(
        QCoreApplication.translate("Handout", "Keep using sunscreen every day"),
        None,
        sunscreen=True,
    )
    rows.insert(sum(row.bar for row in rows), sunscreen)  # after the bars, before the session
    return rows


def timeline(writer: _Writer, plan: RecoveryPlan) -> None:
    """The picture, at the column's width. handout_print makes it smaller to keep the handout
    to two pages, or leaves it out when it would be too small to read: every date and word in
    it is in the table and the checklist too."""
    image = timeline_image(plan)
    writer.document.addResource(QTextDocument.ResourceType.ImageResource, ILLUSTRATION_URL, image)
    writer.image(ILLUSTRATION_URL, WIDTH_MM, WIDTH_MM * image.height() / image.width())


class _Chart:
    """Where things go: a column of words on the left, then time running left to right from
    the first moment of day 1 to the end of the last day shown."""

    def __init__(self, plan: RecoveryPlan, metrics: QFontMetricsF) -> None:
        self.plan = plan
        self.metrics = metrics
        self.line = metrics.height()
        self.width = float(RENDER_WIDTH)
        self.labels = _mm(LABEL_MM)
        self.left = self.labels + _mm(GAP_MM)
        self.right = self.width - _mm(3)  # room for the sunscreen bar's arrow
        self.first = as_utc(start_of_day(plan.treatment_date, plan.zone))
        self.last_date = max(as_utc(m.at).astimezone(plan.zone).date() for m in plan.milestones)
        after = self.last_date + timedelta(days=1 + _MARGIN_DAYS)
        self.last = as_utc(start_of_day(after, plan.zone))

    def x_of(self, moment: datetime) -> float:
        share = (as_utc(moment) - self.first) / (self.last - self.first)
        return self.left + (self.right - self.left) * share

    def wrapped(self, text: str) -> QRectF:
        """The box `text` takes in the label column, wrapped to its width."""
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics.boundingRect(QRectF(0, 0, self.labels, 10 * self.line), flags, text)


def timeline_image(plan: RecoveryPlan) -> QImage:
    """The picture of `plan`, RENDER_WIDTH pixels wide, on white."""
    font = QFont()
    font.setFamilies([*FONT_FAMILIES, *QFont().families()])
    font.setPixelSize(round(_mm(BODY_PT * _PT_MM)))
    chart = _Chart(plan, QFontMetricsF(font))
    rows = timeline_rows(plan)
    line = chart.line
    axis = line + _mm(2.5)
    heights = [max(chart.wrapped(row.label).height(), line) + _mm(ROW_GAP_MM) for row in rows]
    height = axis + sum(heights)
    image = QImage(int(chart.width), int(height), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    _axis(painter, chart, axis, height)

    bar = _mm(2.2)
    dot = _mm(1.5)
    start_x = chart.x_of(plan.treated_at)
    top = axis
    for row, row_height in zip(rows, heights, strict=True):
        label = chart.wrapped(row.label)
        painter.setPen(TEXT)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.drawText(QRectF(0, top, chart.labels, label.height()), flags, row.label)
        middle = top + line / 2  # the bar sits level with the label's first line
        end_x = chart.right if row.end is None else chart.x_of(row.end)
        shape = QRectF(start_x, middle - bar / 2, max(end_x - start_x, bar), bar)
        if row.sunscreen:
            _sunscreen_bar(painter, shape, chart.width)
        elif row.bar:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR)
            painter.drawRoundedRect(shape, bar / 2, bar / 2)
        if row.end is not None:
            _mark(painter, QPointF(end_x, middle), dot, diamond=not row.bar)
            _date(painter, chart, row.date, end_x, dot, top)
        top += row_height
    painter.end()
    return image


def _axis(painter: QPainter, chart: _Chart, axis: float, height: float) -> None:
    """A date every week from day 1 (every two or more weeks when they would crowd), with a
    faint line down through the rows."""
    plan, metrics = chart.plan, chart.metrics
    days = (chart.last_date - plan.treatment_date).days + 1
    dates = [plan.treatment_date + timedelta(days=offset) for offset in range(0, days, 7)]
    room = max(metrics.horizontalAdvance(short_day(day)) for day in dates) + _mm(4)
    step = 7
    while step < days and (chart.right - chart.left) * step / (days + _MARGIN_DAYS) < room:
        step += 7
    taken = 0.0  # where the last date written ends
    for offset in range(0, days, step):
        day = plan.treatment_date + timedelta(days=offset)
        x = chart.x_of(start_of_day(day, plan.zone))
        painter.setPen(QPen(GRID, _mm(0.3)))
        painter.drawLine(QPointF(x, axis - _mm(1.2)), QPointF(x, height))
        # Each date starts at its line; one that would run into the last one or off the
        # picture is left out (its line stays).
        text = short_day(day)
        text_left = x + _mm(0.8)
        text_right = text_left + metrics.horizontalAdvance(text)
        if text_left < taken + _mm(3) or text_right > chart.width:
            continue
        painter.setPen(SECONDARY)
        painter.drawText(QPointF(text_left, metrics.ascent()), text)
        taken = text_right
    painter.setPen(QPen(RULE, _mm(0.25)))
    painter.drawLine(QPointF(chart.left, axis - _mm(1.2)), QPointF(chart.width, axis - _mm(1.2)))


def _mark(painter: QPainter, centre: QPointF, radius: float, *, diamond: bool) -> None:
    """A ring where a bar ends; a solid diamond for the next session, which has no bar."""
    if diamond:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TEXT)
        d = radius * 1.4
        painter.drawPolygon(
            [
                QPointF(centre.x(), centre.y() - d),
                QPointF(centre.x() + d, centre.y()),
                QPointF(centre.x(), centre.y() + d),
                QPointF(centre.x() - d, centre.y()),
            ]
        )
        return
    painter.setPen(QPen(BAR, _mm(0.6)))
    painter.setBrush(QBrush(Qt.GlobalColor.white))
    painter.drawEllipse(centre, radius, radius)


def _date(painter: QPainter, chart: _Chart, text: str, x: float, dot: float, top: float) -> None:
    """The date beside its dot: after it when it fits before the edge, else before it."""
    width = chart.metrics.horizontalAdvance(text)
    left = x + dot + _mm(1.5)
    if left + width > chart.width:
        left = x - dot * 1.4 - _mm(1.5) - width
    painter.setPen(TEXT)
    painter.drawText(QPointF(left, top + chart.metrics.ascent()), text)


def _sunscreen_bar(painter: QPainter, shape: QRectF, width: float) -> None:
    """Amber with a dark outline, hatched so it reads apart from the other bars in black and
    white too, and an arrow head at the picture's edge: it goes on after the picture ends."""
    painter.setPen(QPen(SUNSCREEN, _mm(0.35)))
    painter.setBrush(SUNSCREEN_FILL)
    painter.drawRect(shape)
    # Drawn, not a Qt brush pattern: those are a few device pixels apart, a blur at 340 dpi.
    painter.save()
    painter.setClipRect(shape)
    painter.setPen(QPen(SUNSCREEN, _mm(0.3)))
    x, step = shape.left() - shape.height(), _mm(1.2)
    while x < shape.right():
        painter.drawLine(QPointF(x, shape.bottom()), QPointF(x + shape.height(), shape.top()))
        x += step
    painter.restore()
    middle = shape.center().y()
    tip = width - _mm(0.5)
    head = shape.height() * 1.1
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SUNSCREEN)
    painter.drawPolygon(
        [
            QPointF(shape.right(), middle - head),
            QPointF(tip, middle),
            QPointF(shape.right(), middle + head),
        ]
    )
