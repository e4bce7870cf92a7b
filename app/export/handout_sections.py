"""The sections of the handout, top to bottom: the clinic's header, the milestones table (then
the timeline picture, app.export.handout_timeline), the daily checklist, what is normal, the
warning signs (every level of the pack's model, the emergency box first) and the footer. Each
writes through handout._Writer; build_handout() calls them in that order.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QTextCharFormat,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from app.domain.warning_blocks import LevelWords, Phones, PhoneWords, level_words
from app.domain.warnings import LEVELS, Level
from app.export.handout import (
    BODY_PT,
    HEADER_BG,
    HEADING_PT,
    LOGO_URL,
    RULE,
    SECONDARY,
    TREATMENT_PT,
    _body_block,
    _chars,
    _px,
    _Writer,
)
from app.export.handout_print import KEEP_TOGETHER
from app.render.formatting import local_day, milestone_when
from app.render.icons import icon_image
from app.render.images import render_svg
from app.render.levels import LOOKS, level_colours
from app.render.palette import LIGHT

if TYPE_CHECKING:
    from app.domain.plan import RecoveryPlan
    from app.render.content_provider import ContentProvider

log = logging.getLogger(__name__)


# The logo's raster size, in image pixels: shown 15 mm high, 300 px is over 500 dpi. (The
# timeline picture is drawn from the plan: app.export.handout_timeline.)
LOGO_RENDER_HEIGHT = 300
# A warning level's icon, beside its word: 5 mm on paper, drawn at about 600 dpi.
ICON_MM = 5.0
ICON_RENDER_PX = 120
LOGO_HEIGHT_MM = 15.0
LOGO_MAX_WIDTH_MM = 60.0


# Where no clinic phone is known, a line to write it on: never "your clinic's phone number".
PHONE_BLANK = "_" * 24


def header(writer: _Writer, clinic_name: str, clinic_phone: str, logo: Path | None) -> None:
    """[logo] | clinic name (or "Your aftercare plan") | phone, in one borderless row. With no
    phone, the phone cell is a blank line to write it on."""
    image = _logo_image(logo) if logo is not None else None
    titles: list[tuple[str, float, bool]] = [
        (
            clinic_name or QCoreApplication.translate("Handout", "Your aftercare plan"),
            HEADING_PT[1],
            True,
        )
    ]
    if clinic_name:
        titles.append(
            (QCoreApplication.translate("Handout", "Your aftercare plan"), HEADING_PT[2], False)
        )
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
    # "Phone:" beside the clinic's name; the warning signs below say "Clinic phone:" in full.
    if clinic_phone:
        phone = QCoreApplication.translate("Handout", "Phone: {phone}").format(phone=clinic_phone)
    else:
        phone = QCoreApplication.translate("Handout", "Phone: {blank}").format(blank=PHONE_BLANK)
    cursor.insertText(phone, _chars(TREATMENT_PT, bold=True))
    writer.after(table)


def milestones(writer: _Writer, plan: RecoveryPlan) -> None:
    """What, when ("From about 5:30 PM on Sun 8 Mar"; the next session a date alone) and the
    instruction, worded for who set the value ("Your clinic asks" / "Many clinics ask")."""
    writer.heading(QCoreApplication.translate("Handout", "When can I do things again?"), 2)
    headers = (
        QCoreApplication.translate("Handout", "What"),
        QCoreApplication.translate("Handout", "When"),
        QCoreApplication.translate("Handout", "What to do"),
    )
    rows = [(m.label, milestone_when(m, plan.zone, year=True), m.detail) for m in plan.milestones]
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
            # On Letter "From about 5:30 PM" fits the second column's first line, the date its
            # second; on A4 "From about 17:30" does.
            QTextLength(QTextLength.Type.PercentageLength, 22),
            QTextLength(QTextLength.Type.PercentageLength, 23),
            QTextLength(QTextLength.Type.PercentageLength, 55),
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
            cursor.insertText(text, _chars(BODY_PT, bold=column == 0))
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
    writer.heading(QCoreApplication.translate("Handout", "Daily checklist"), 2)
    writer.paragraph(
        QCoreApplication.translate("Handout", "Day 1 is the day of your treatment, {date}.").format(
            date=local_day(plan.treatment_date, year=True)
        )
    )
    bullets = _bullets()
    for item_id in sorted(days, key=lambda key: (order.get(key, len(order)), key)):
        label = QCoreApplication.translate("Handout", "{days}:").format(
            days=_day_ranges(days[item_id])
        )
        writer.list_item([(label + " ", True), (words[item_id], False)], bullets)
    # The list ends; sun care does not. Dark marks are the main lasting risk (content brief 6).
    after = QCoreApplication.translate("Handout", "From day {day}:").format(
        day=plan.recovery_length_days + 1
    )
    sunscreen = QCoreApplication.translate(
        "Handout", "Keep using sunscreen every day, through your whole course of treatment."
    )
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
        return QCoreApplication.translate("Handout", "Day {day}").format(day=runs[0][0])
    spans = [f"{first}–{last}" if first != last else str(first) for first, last in runs]
    return QCoreApplication.translate("Handout", "Days {days}").format(days=", ".join(spans))


def normal(writer: _Writer, plan: RecoveryPlan) -> None:
    """Each phase as one short paragraph: its name in bold, then its lines (one sentence each
    in the pack) run together, so the section stays a few lines long."""
    spans = [span for span in plan.phases if not span.is_empty and span.normal]
    if not spans:
        return
    writer.heading(QCoreApplication.translate("Handout", "What is normal?"), 2)
    for span in spans:
        label = QCoreApplication.translate("Handout", "{phase}:").format(phase=span.name)
        writer.runs([(label + " ", True), (" ".join(span.normal), False)], bottom=3)


def _bullets() -> QTextListFormat:
    bullets = QTextListFormat()
    bullets.setStyle(QTextListFormat.Style.ListDisc)
    bullets.setIndent(1)
    return bullets


def warning_signs(
    writer: _Writer, content: ContentProvider, clinic_name: str, clinic_phone: str
) -> None:
    """Every level of the pack's warning signs, from its one model: the emergency box first
    (in one piece, every word in bold), then when to call the clinic today, with its phone and
    any out-of-hours line, then in office hours. An unset clinic phone is a line to write on."""
    values = content.warning_values()
    if clinic_name:  # the clinic passed in wins
        values["clinic_name"] = clinic_name
    phones = content.phones()
    if clinic_phone and clinic_phone != phones.clinic:
        phones = Phones(clinic_phone, "")  # another clinic's: not this one's out-of-hours line
    words = PhoneWords(
        clinic=QCoreApplication.translate("Handout", "Clinic phone: {phone}"),
        after_hours=QCoreApplication.translate("Handout", "Out of hours: {phone}"),
        missing=QCoreApplication.translate("Handout", "Clinic phone: {blank}").format(
            blank=PHONE_BLANK
        ),
    )
    writer.heading(QCoreApplication.translate("Handout", "Warning signs"), 2)
    for level in LEVELS:
        _level_box(writer, level_words(content.warnings(), level, values, phones, words))


def _level_box(writer: _Writer, words: LevelWords) -> None:
    colours = level_colours(words.level, LIGHT)
    emergency = words.level is Level.EMERGENCY
    box = QTextFrameFormat()
    # Red only around the emergency box, in a thick border that also reads as "different" in
    # black and white; amber around "call today"; a plain rule around "office hours".
    box.setBorder(3 if emergency else 1.5)
    box.setBorderBrush(QBrush(QColor(colours.border)))
    box.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    box.setBackground(QBrush(QColor(colours.background)))
    box.setPadding(3)
    box.setTopMargin(2)
    box.setBottomMargin(2)
    if emergency:
        box.setProperty(KEEP_TOGETHER, True)
    frame = writer.frame(box)
    look = LOOKS[words.level]
    url = QUrl(f"mnc-handout:level-{look.key}")
    image = icon_image(look.icon, colours.tone, ICON_RENDER_PX)
    writer.document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    writer.level_heading(url, ICON_MM, words.label, QColor(colours.tone), words.title)
    writer.paragraph(words.action, bold=emergency, bottom=2)
    bullets = _bullets()
    for sign in words.signs:
        writer.list_item([(sign, emergency)], bullets, bottom=0)
    if words.phone_lines:
        writer.end_list()
        # One line for both numbers: the handout has two pages for everything.
        writer.paragraph("   ".join(words.phone_lines), bold=True, bottom=0)
    writer.after(frame)  # the list ends with the box: no empty line at its foot


def footer(writer: _Writer, last_reviewed: date) -> None:
    # Day, month name and year: clear in every country.
    reviewed = QLocale().toString(
        QDate(last_reviewed.year, last_reviewed.month, last_reviewed.day), "d MMMM yyyy"
    )
    writer.paragraph(
        QCoreApplication.translate(
            "Handout", "General information. Follow your clinic's instructions."
        ),
        colour=SECONDARY,
        top=8,
        bottom=0,
    )
    writer.paragraph(
        QCoreApplication.translate("Handout", "Content last reviewed: {date}").format(
            date=reviewed
        ),
        colour=SECONDARY,
        bottom=0,
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
