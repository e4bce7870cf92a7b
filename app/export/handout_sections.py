"""The sections of the handout, top to bottom: the clinic's header, the milestones table (then
the timeline picture, app.export.handout_timeline), the daily checklist, what is normal, the
warning signs (the emergency box first) and the footer. Each writes through handout._Writer;
build_handout() calls them in that order.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QImage,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from app.domain.placeholders import escape_markdown, fill
from app.export.handout import (
    BODY_PT,
    EMERGENCY_BG,
    EMERGENCY_BORDER,
    HEADER_BG,
    HEADING_PT,
    LOGO_URL,
    RULE,
    SECONDARY,
    TREATMENT_PT,
    _body_block,
    _chars,
    _px,
    _tr,
    _Writer,
)
from app.export.handout_print import KEEP_TOGETHER
from app.ui.formatting import local_day, milestone_when
from app.ui.images import render_svg

if TYPE_CHECKING:
    from app.domain.pack import Screen
    from app.domain.plan import RecoveryPlan
    from app.ui.content_provider import ContentProvider

log = logging.getLogger(__name__)

WARNING_SCREEN_ID = "warning-signs"

# The logo's raster size, in image pixels: shown 15 mm high, 300 px is over 500 dpi. (The
# timeline picture is drawn from the plan: app.export.handout_timeline.)
LOGO_RENDER_HEIGHT = 300
LOGO_HEIGHT_MM = 15.0
LOGO_MAX_WIDTH_MM = 60.0


# Where no clinic phone is known, a line to write it on: never "your clinic's phone number".
PHONE_BLANK = "_" * 24


def header(writer: _Writer, clinic_name: str, clinic_phone: str, logo: Path | None) -> None:
    """[logo] | clinic name (or "Your aftercare plan") | phone, in one borderless row. With no
    phone, the phone cell is a blank line to write it on."""
    image = _logo_image(logo) if logo is not None else None
    titles: list[tuple[str, float, bool]] = [
        (clinic_name or _tr("Your aftercare plan"), HEADING_PT[1], True)
    ]
    if clinic_name:
        titles.append((_tr("Your aftercare plan"), HEADING_PT[2], False))
    widths = [QTextLength(QTextLength.Type.VariableLength, 0)] * 2
    logo_size = (0.0, 0.0)
    if image is not None:
        writer.document.addResource(QTextDocument.ResourceType.ImageResource, LOGO_URL, image)
        width_mm = min(LOGO_HEIGHT_MM * image.width() / image.height(), LOGO_MAX_WIDTH_MM)
        logo_size = (width_mm, width_mm * image.height() / image.width())
        widths.insert(0, QTextLength(QTextLength.Type.FixedLength, _px(width_mm + 5)))
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setCellPadding(0)
    table_format.setCellSpacing(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(widths)
    table_format.setBottomMargin(4)
    table = writer.table(1, len(widths), table_format)
    cell_format = QTextTableCellFormat()
    cell_format.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    for column in range(len(widths)):
        table.cellAt(0, column).setFormat(cell_format)
    column = 0
    if image is not None:
        picture = QTextImageFormat()
        picture.setName(LOGO_URL.toString())
        picture.setWidth(round(_px(logo_size[0])))
        picture.setHeight(round(_px(logo_size[1])))
        table.cellAt(0, 0).firstCursorPosition().insertImage(picture)
        column = 1
    cursor = table.cellAt(0, column).firstCursorPosition()
    for index, (text, size, bold) in enumerate(titles):
        if index:
            cursor.insertBlock(_body_block(0, 0))
        else:
            cursor.setBlockFormat(_body_block(0, 0))
        cursor.insertText(text, _chars(size, bold=bold))
    cursor = table.cellAt(0, column + 1).firstCursorPosition()
    right = _body_block(0, 0)
    right.setAlignment(Qt.AlignmentFlag.AlignRight)
    right.setLeftMargin(12)
    cursor.setBlockFormat(right)
    if clinic_phone:
        phone = _tr("Clinic phone: {phone}").format(phone=clinic_phone)
    else:
        phone = _tr("Clinic phone: {blank}").format(blank=PHONE_BLANK)
    cursor.insertText(phone, _chars(TREATMENT_PT, bold=True))
    writer.after(table)


def milestones(writer: _Writer, plan: RecoveryPlan) -> None:
    """What, when ("From about 5:30 PM on Sun 8 Mar"; the next session a date alone) and the
    instruction, worded for who set the value ("Your clinic asks" / "Many clinics ask")."""
    writer.heading(_tr("When can I do things again?"), 2)
    headers = (_tr("What"), _tr("When"), _tr("What to do"))
    rows = [(m.label, milestone_when(m, plan.zone), m.detail) for m in plan.milestones]
    table_format = QTextTableFormat()
    table_format.setBorder(1)
    table_format.setBorderBrush(QBrush(RULE))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setCellPadding(3)
    table_format.setCellSpacing(0)
    table_format.setHeaderRowCount(1)  # repeated if the table breaks across pages
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [
            QTextLength(QTextLength.Type.PercentageLength, 23),
            QTextLength(QTextLength.Type.PercentageLength, 19),
            QTextLength(QTextLength.Type.PercentageLength, 58),
        ]
    )
    table_format.setTopMargin(2)
    table_format.setBottomMargin(4)
    table = writer.table(len(rows) + 1, 3, table_format)
    header_cell = QTextTableCellFormat()
    header_cell.setBackground(QBrush(HEADER_BG))
    for column, text in enumerate(headers):
        cell = table.cellAt(0, column)
        cell.setFormat(header_cell)
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(_body_block(0, 0))
        cursor.insertText(text, _chars(BODY_PT, bold=True))
    for row, values in enumerate(rows, start=1):
        for column, text in enumerate(values):
            cursor = table.cellAt(row, column).firstCursorPosition()
            cursor.setBlockFormat(_body_block(0, 0))
            cursor.insertText(text, _chars(BODY_PT, bold=column < 2))
    writer.after(table)


def checklist(writer: _Writer, plan: RecoveryPlan) -> None:
    """Every item that shows on any day, once, with the days it shows on."""
    days: dict[str, list[int]] = {}
    words: dict[str, str] = {}
    for day in range(1, plan.recovery_length_days + 1):
        for entry in plan.checklist_for(plan.treatment_date + timedelta(days=day - 1)):
            days.setdefault(entry.id, []).append(day)
            words[entry.id] = entry.text
    if not days:
        return
    order = {item.id: index for index, item in enumerate(plan.protocol.checklist)}
    writer.heading(_tr("Daily checklist"), 2)
    writer.paragraph(
        _tr("Day 1 is the day of your treatment, {date}.").format(
            date=local_day(plan.treatment_date)
        )
    )
    bullets = _bullets()
    for item_id in sorted(days, key=lambda key: (order.get(key, len(order)), key)):
        label = _tr("{days}:").format(days=_day_ranges(days[item_id]))
        writer.list_item([(label + " ", True), (words[item_id], False)], bullets)
    # The list ends; sun care does not. Dark marks are the main lasting risk (content brief 6).
    after = _tr("From day {day}:").format(day=plan.recovery_length_days + 1)
    sunscreen = _tr("Keep using sunscreen every day, through your whole course of treatment.")
    writer.list_item([(after + " ", True), (sunscreen, False)], bullets)
    writer.end_list()


def _day_ranges(numbers: list[int]) -> str:
    """ "Day 3", "Days 1–7", "Days 1–2, 5–6"."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    if len(runs) == 1 and runs[0][0] == runs[0][1]:
        return _tr("Day {day}").format(day=runs[0][0])
    spans = [f"{first}–{last}" if first != last else str(first) for first, last in runs]
    return _tr("Days {days}").format(days=", ".join(spans))


def normal(writer: _Writer, plan: RecoveryPlan) -> None:
    """Each phase as one short paragraph: its name in bold, then its lines (one sentence each
    in the pack) run together, so the section stays a few lines long."""
    spans = [span for span in plan.phases if not span.is_empty and span.normal]
    if not spans:
        return
    writer.heading(_tr("What is normal?"), 2)
    for span in spans:
        label = _tr("{phase}:").format(phase=span.name)
        writer.runs([(label + " ", True), (" ".join(span.normal), False)], bottom=3)


def _bullets() -> QTextListFormat:
    bullets = QTextListFormat()
    bullets.setStyle(QTextListFormat.Style.ListDisc)
    bullets.setIndent(1)
    return bullets


def warning_signs(
    writer: _Writer, content: ContentProvider, clinic_name: str, clinic_phone: str
) -> None:
    screen = _warning_screen(content)
    if screen is None:
        return
    values = dict(content.values())
    # The clinic passed in wins; the provider's own details (with any after-hours number)
    # stay when they are the same clinic's.
    if clinic_name and clinic_name != content.clinic_name:
        values["clinic_name"] = escape_markdown(clinic_name)
    if clinic_phone and clinic_phone != content.clinic_phone:
        values["clinic_phone"] = escape_markdown(clinic_phone)
    intro, sections = _sections(fill(screen.body, values))
    if not sections:  # no headings: the whole screen is the emergency box
        intro, sections = "", [("", intro)]
    writer.heading(_tr("Warning signs"), 2)

    # The emergency section first, boxed, every word in bold.
    box = QTextFrameFormat()
    box.setBorder(3)
    box.setBorderBrush(QBrush(EMERGENCY_BORDER))
    box.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    box.setBackground(QBrush(EMERGENCY_BG))
    box.setPadding(8)
    box.setTopMargin(4)
    box.setBottomMargin(6)
    box.setProperty(KEEP_TOGETHER, True)
    emergency_title, emergency_body = sections[0]
    frame = writer.frame(box)
    if emergency_title:
        writer.heading(emergency_title, 3, top=0)
    writer.markdown(emergency_body)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    everything = QTextCursor(writer.document)
    everything.setPosition(frame.firstPosition())
    everything.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    everything.mergeCharFormat(bold)
    writer.after(frame)

    # Then when to call the clinic (with its phone), and what to say.
    if intro:
        writer.markdown(intro)
    for title, body in sections[1:]:
        if title:
            writer.heading(title, 3, top=6)
        writer.markdown(body)


def _warning_screen(content: ContentProvider) -> Screen | None:
    screen = content.content().pack.screen(WARNING_SCREEN_ID)
    if screen is None:  # a clinic pack without it: the built-in screen is the safe default
        from app.domain.pack import load_pack
        from app.ui.content_provider import builtin_pack_folder

        builtin = load_pack(builtin_pack_folder()).pack
        screen = builtin.screen(WARNING_SCREEN_ID) if builtin else None
    return screen


_SECTION = re.compile(r"^##\s+(.*?)\s*#*\s*$", re.MULTILINE)


def _sections(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before the first level-2 heading, and (heading, body) for each section. The
    screen puts the emergency section first (the app draws it boxed, in red)."""
    parts: list[tuple[str, str]] = []
    matches = list(_SECTION.finditer(markdown))
    intro = (markdown[: matches[0].start()] if matches else markdown).strip()
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(markdown)
        parts.append((match.group(1), markdown[match.end() : end].strip()))
    return intro, parts


def footer(writer: _Writer, last_reviewed: date) -> None:
    # Day, month name and year: clear in every country.
    reviewed = QLocale().toString(
        QDate(last_reviewed.year, last_reviewed.month, last_reviewed.day), "d MMMM yyyy"
    )
    writer.paragraph(
        _tr("General information. Follow your clinic's instructions."),
        colour=SECONDARY,
        top=8,
        bottom=0,
    )
    writer.paragraph(
        _tr("Content last reviewed: {date}").format(date=reviewed), colour=SECONDARY, bottom=0
    )


def _logo_image(path: Path) -> QImage | None:
    if path.suffix.lower() == ".svg":
        return render_svg(path, height=LOGO_RENDER_HEIGHT, background=Qt.GlobalColor.white)
    image = QImage(str(path))
    if image.isNull():
        log.warning("handout: cannot read the clinic logo %s", path.name)
        return None
    if image.hasAlphaChannel():  # print on white, as the SVG logo is
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    return image
