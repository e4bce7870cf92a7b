"""The printable handout: one or two pages of the plan with real dates, to keep on the fridge.

build_handout() turns a RecoveryPlan and the content pack into a QTextDocument; write_pdf() and
print_handout() lay that document out at the printer's resolution and print it.

Lengths in the document (margins, borders, image sizes) are in 96-dpi "CSS" pixels, the unit
Qt's text layout scales to the paint device; type is in points. So the same document prints at
the right physical size on a 300-dpi PDF and on a 1200-dpi printer. Pictures are drawn from
their SVG into large images (about 340 dpi at the width they are shown), never small rasters
scaled up.

Every patient-facing medical word comes from the content pack (aftercare text, the
"warning-signs" screen); the words here are headings and labels, translated in context
"Handout".
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtSvg import QSvgRenderer

from app.domain.placeholders import escape_markdown, fill
from app.ui.formatting import local_day, local_moment
from app.ui.theme import LIGHT

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.domain.pack import Screen
    from app.domain.plan import RecoveryPlan
    from app.ui.content_provider import ContentProvider

__all__ = [
    "ILLUSTRATION_URL",
    "LOGO_URL",
    "PRINT_DPI",
    "build_handout",
    "page_size_for_locale",
    "print_handout",
    "write_pdf",
]

log = logging.getLogger(__name__)

PRINT_DPI = 300
PAGE_MARGIN_MM = 15.0
ILLUSTRATION_URL = QUrl("mnc-handout:recovery-timeline")
LOGO_URL = QUrl("mnc-handout:logo")
ILLUSTRATION_FILE = "recovery-timeline.svg"
WARNING_SCREEN_ID = "warning-signs"
MAX_PAGES = 2
# The illustration is shown at the column width, or smaller when that would need a third page.
ILLUSTRATION_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5)
# A frame property: do not split this box across pages.
KEEP_TOGETHER = QTextFormat.Property.UserProperty + 1

# Raster sizes for the pictures, in image pixels. The timeline is shown about 180 mm wide, so
# 2400 px is about 340 dpi on paper; the logo is shown 15 mm high, so 300 px is over 500 dpi.
ILLUSTRATION_RENDER_WIDTH = 2400
LOGO_RENDER_HEIGHT = 300

# The widest column any paper the handout is made for has: A4 (210 mm) less two margins.
# On Letter (216 mm) the column is a little wider; the picture stays this size.
COLUMN_MM = 210.0 - 2 * PAGE_MARGIN_MM
LOGO_HEIGHT_MM = 15.0
LOGO_MAX_WIDTH_MM = 60.0

# Type, in points. Body text is never below 12 pt on paper.
BODY_PT = 12.0
HEADING_PT = {1: 22.0, 2: 16.0, 3: 13.0}
TREATMENT_PT = 14.0
LINE_HEIGHT_PERCENT = 100  # the font's own: 1.36 em from line to line in Noto Sans
FONT_FAMILIES = ["Noto Sans"]  # then the application's own font

# Colours: dark text on white; red only around the emergency box, in a thick border that also
# reads as "different" in black and white.
TEXT = QColor(LIGHT.text)
SECONDARY = QColor(LIGHT.secondary)
RULE = QColor(LIGHT.border)
HEADER_BG = QColor(LIGHT.surface)
EMERGENCY_BORDER = QColor(LIGHT.emergency)
EMERGENCY_BG = QColor(LIGHT.emergency_bg)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Handout", text)


def _px(mm: float) -> float:
    """Millimetres as the 96-dpi pixels Qt's text layout scales to the paint device."""
    return mm / 25.4 * 96.0


# --------------------------------------------------------------------------------------------
# Building the document
# --------------------------------------------------------------------------------------------


def build_handout(
    plan: RecoveryPlan,
    content: ContentProvider,
    *,
    clinic_name: str = "",
    clinic_phone: str = "",
    logo: Path | None = None,
) -> QTextDocument:
    """The handout for `plan`, ready for write_pdf() or print_handout(). Needs a
    QGuiApplication (fonts)."""
    loaded = content.content()
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, _tr("Your aftercare plan")
    )
    font = QFont()
    font.setFamilies([*FONT_FAMILIES, *QFont().families()])
    font.setPointSizeF(BODY_PT)
    document.setDefaultFont(font)

    writer = _Writer(document)
    _header(writer, clinic_name, clinic_phone, logo)
    writer.paragraph(
        _tr("Your treatment: {when}").format(when=local_moment(plan.treated_at, plan.zone)),
        size=TREATMENT_PT,
        bold=True,
    )
    _milestones(writer, plan)
    _checklist(writer, plan)
    _normal(writer, plan)
    _warning_signs(writer, content, clinic_name, clinic_phone)
    _illustration(writer, loaded.pack.folder)
    _footer(writer, loaded.pack.meta.last_reviewed)
    return document


class _Writer:
    """A cursor at the end of the document, with the handout's few kinds of block."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.cursor = QTextCursor(document)
        # The cursor's block is empty and unused (the document's first block, the one after a
        # table or frame, or a frame's first): the next block goes there instead of after it.
        self._first = True
        # The list being written. Tracked here, not asked of the cursor: in PySide6 6.12,
        # QTextCursor.currentList() and QTextBlock.textList() give back a None they do not own
        # when there is no list, and enough of those crash the interpreter at exit.
        self._list: QTextList | None = None

    def _block(self, fmt: QTextBlockFormat, chars: QTextCharFormat) -> None:
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(chars)
            self._first = False
        else:
            self.cursor.insertBlock(fmt, chars)

    def heading(self, text: str, level: int, top: float = 9) -> None:
        fmt = QTextBlockFormat()
        fmt.setHeadingLevel(level)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(4)
        chars = _chars(HEADING_PT[level], bold=True)
        self._block(fmt, chars)
        self.cursor.insertText(text, chars)

    def paragraph(
        self,
        text: str,
        *,
        size: float = BODY_PT,
        bold: bool = False,
        colour: QColor = TEXT,
        top: float = 0,
        bottom: float = 4,
    ) -> None:
        fmt = _body_block(top, bottom)
        chars = _chars(size, bold=bold, colour=colour)
        self._block(fmt, chars)
        self.cursor.insertText(text, chars)

    def runs(self, parts: Iterable[tuple[str, bool]], *, bottom: float = 4) -> None:
        """One paragraph made of (text, bold) runs."""
        self._block(_body_block(0, bottom), _chars(BODY_PT))
        for text, bold in parts:
            self.cursor.insertText(text, _chars(BODY_PT, bold=bold))

    def list_item(self, parts: Iterable[tuple[str, bool]], list_format: QTextListFormat) -> None:
        """One bullet made of (text, bold) runs; the first call with a format starts the list."""
        fmt = _body_block(0, 1)
        self._block(fmt, _chars(BODY_PT))
        if self._list is None:
            self._list = self.cursor.createList(list_format)
        else:
            self._list.add(self.cursor.block())
        for text, bold in parts:
            self.cursor.insertText(text, _chars(BODY_PT, bold=bold))

    def end_list(self) -> None:
        """The next block is not part of the list."""
        self._block(_body_block(0, 0), _chars(BODY_PT))
        block = self.cursor.block()
        if self._list is not None:
            self._list.remove(block)
            self._list = None
        plain = QTextBlockFormat(block.blockFormat())
        plain.setIndent(0)
        self.cursor.setBlockFormat(plain)
        self._first = True  # reuse this empty block for whatever comes next

    def image(self, url: QUrl, width_mm: float, height_mm: float) -> None:
        fmt = _body_block(12, 4)
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._block(fmt, _chars(BODY_PT))
        picture = QTextImageFormat()
        picture.setName(url.toString())
        picture.setWidth(round(_px(width_mm)))
        picture.setHeight(round(_px(height_mm)))
        self.cursor.insertImage(picture)

    def table(self, rows: int, columns: int, fmt: QTextTableFormat) -> QTextTable:
        """A table after the current block; write into its cells, then call after()."""
        if self._first and self.cursor.position() == 0:
            # A document always opens with a block; an empty one before a table takes no room.
            opening = QTextBlockFormat()
            opening.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self.cursor.setBlockFormat(opening)
            self.cursor.setBlockCharFormat(_chars(1))
        self._first = False
        return self.cursor.insertTable(rows, columns, fmt)

    def after(self, frame: QTextFrame) -> None:
        """Carry on after a table or frame."""
        self.cursor = frame.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        self._first = True  # the block after a frame is empty and ready

    def frame(self, fmt: QTextFrameFormat) -> QTextFrame:
        """A boxed frame; write into it, then call after()."""
        if self._first:  # a frame may not be the first thing in a document without a block
            self._block(_body_block(0, 0), _chars(BODY_PT))
        frame = self.cursor.insertFrame(fmt)
        self._first = True  # the frame's own first block is empty and ready
        return frame

    def markdown(self, text: str) -> None:
        """Content-pack Markdown at the cursor, then set in the handout's type."""
        if not self._first:
            self.cursor.insertBlock(_body_block(0, 0), _chars(BODY_PT))
        start = self.cursor.position()
        self.cursor.insertMarkdown(text)
        _set_type(self.document, start, self.cursor.position())
        self._first = False


def _chars(size: float, *, bold: bool = False, colour: QColor = TEXT) -> QTextCharFormat:
    """A copy of a made-once format: see _made_chars."""
    return QTextCharFormat(_made_chars(size, bold, colour.name()))


def _body_block(top: float, bottom: float) -> QTextBlockFormat:
    return QTextBlockFormat(_made_block(top, bottom))


# Formats are built once and copied. In PySide6 6.12 on Python 3.11 every call to a method
# that returns nothing (setFontPointSize, ...) drops a reference to None that it never took;
# a handout made afresh each time would use up thousands of them.
@functools.cache
def _made_chars(size: float, bold: bool, colour: str) -> QTextCharFormat:
    chars = QTextCharFormat()
    chars.setFontPointSize(size)
    chars.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    chars.setForeground(QBrush(QColor(colour)))
    return chars


@functools.cache
def _made_block(top: float, bottom: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    return fmt


def _set_type(document: QTextDocument, start: int, end: int) -> None:
    """Markdown comes in at the document's default size with Qt's spacing: give its blocks the
    handout's line height and colour, and its headings the handout's sizes."""
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        level = block.blockFormat().headingLevel()
        chars = QTextCharFormat()
        chars.setForeground(QBrush(TEXT))
        if level:
            chars.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
            chars.setFontPointSize(HEADING_PT[min(max(level, 2), 3)])
            chars.setFontWeight(QFont.Weight.Bold)
        cursor.mergeCharFormat(chars)
        in_list = block.blockFormat().objectIndex() >= 0  # not textList(): see _Writer
        fmt = _body_block(8 if level else 0, 1 if in_list else 4)
        QTextCursor(block).mergeBlockFormat(fmt)
        block = block.next()


# --------------------------------------------------------------------------------------------
# The sections
# --------------------------------------------------------------------------------------------


def _header(writer: _Writer, clinic_name: str, clinic_phone: str, logo: Path | None) -> None:
    """[logo] | clinic name (or "Your aftercare plan") | phone, in one borderless row."""
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
    if clinic_phone:
        cursor = table.cellAt(0, column + 1).firstCursorPosition()
        right = _body_block(0, 0)
        right.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.setLeftMargin(12)
        cursor.setBlockFormat(right)
        cursor.insertText(
            _tr("Phone: {phone}").format(phone=clinic_phone), _chars(TREATMENT_PT, bold=True)
        )
    writer.after(table)


def _milestones(writer: _Writer, plan: RecoveryPlan) -> None:
    writer.heading(_tr("When can I do things again?"), 2)
    headers = (_tr("What"), _tr("From when"), _tr("What your clinic asks"))
    rows = [(m.label, local_moment(m.at, plan.zone), m.detail) for m in plan.milestones]
    table_format = QTextTableFormat()
    table_format.setBorder(1)
    table_format.setBorderBrush(QBrush(RULE))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setHeaderRowCount(1)  # repeated if the table breaks across pages
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [
            QTextLength(QTextLength.Type.PercentageLength, 27),
            QTextLength(QTextLength.Type.PercentageLength, 21),
            QTextLength(QTextLength.Type.PercentageLength, 52),
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


def _checklist(writer: _Writer, plan: RecoveryPlan) -> None:
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


def _normal(writer: _Writer, plan: RecoveryPlan) -> None:
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


def _warning_signs(
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


def _illustration(writer: _Writer, pack_folder: Path) -> None:
    path = pack_folder / "illustrations" / ILLUSTRATION_FILE
    if not path.is_file():
        from app.ui.content_provider import builtin_pack_folder

        path = builtin_pack_folder() / "illustrations" / ILLUSTRATION_FILE
    image = _render_svg(path, width=ILLUSTRATION_RENDER_WIDTH)
    if image is None:
        return
    writer.document.addResource(QTextDocument.ResourceType.ImageResource, ILLUSTRATION_URL, image)
    writer.image(ILLUSTRATION_URL, COLUMN_MM, COLUMN_MM * image.height() / image.width())


def _footer(writer: _Writer, last_reviewed: date) -> None:
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


# --------------------------------------------------------------------------------------------
# Pictures
# --------------------------------------------------------------------------------------------


def _render_svg(path: Path, *, width: int = 0, height: int = 0) -> QImage | None:
    """The SVG drawn into an image `width` wide (or `height` high), on white: nothing is lost
    to transparency when it is printed, and the picture stays sharp at its printed size."""
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        log.warning("handout: cannot draw %s", path.name)
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        return None
    if width:
        height = round(width * size.height() / size.width())
    else:
        width = round(height * size.width() / size.height())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def _logo_image(path: Path) -> QImage | None:
    if path.suffix.lower() == ".svg":
        return _render_svg(path, height=LOGO_RENDER_HEIGHT)
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


# --------------------------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------------------------


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def _page_layout() -> QPageLayout:
    margin = PAGE_MARGIN_MM
    return QPageLayout(
        page_size_for_locale(),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin, margin, margin, margin),
        QPageLayout.Unit.Millimeter,
    )


def _print_to(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay a copy of `document` out on `device`'s pages, at its resolution, and print it.
    Returns the number of pages."""
    copy = _laid_out(document, device)
    copy.print_(device)
    return copy.pageCount()


def _laid_out(document: QTextDocument, device: QPagedPaintDevice) -> QTextDocument:
    """A copy of `document` paginated for `device`: laid out in the device's own pixels (so
    print_() draws it 1:1), headings kept with what follows them, the emergency box in one
    piece, and the illustration as large as still fits in MAX_PAGES."""
    best: QTextDocument | None = None
    for scale in ILLUSTRATION_SCALES:
        # clone() copies the pictures too. (Never ask a document for a resource it may not
        # have: PySide6 6.12 answers a missing one with a None it does not own, and enough of
        # those crash the interpreter at exit.)
        copy = document.clone()
        copy.documentLayout().setPaintDevice(device)
        page = QSizeF(device.width(), device.height())
        _fit_images(copy, page.width() * 96.0 / device.logicalDpiX(), scale)
        copy.setPageSize(page)
        _keep_together(copy)
        best = copy
        if copy.pageCount() <= MAX_PAGES:
            break
    assert best is not None
    return best


def _keep_together(document: QTextDocument) -> None:
    """Move a heading that would end a page to the next one, and the same for a box marked
    KEEP_TOGETHER that would be split (the emergency box). One page break at a time, in
    reading order, as each changes the layout of everything after it."""
    layout = document.documentLayout()
    height = document.pageSize().height()

    def page_of(y: float) -> int:
        return int(y // height)

    for _ in range(50):  # each pass adds a break; a handout has far fewer places than this
        block = document.begin()
        moved = False
        while block.isValid() and not moved:
            following = block.next()
            frame = QTextCursor(block).currentFrame()
            if (
                frame is not None
                and frame.firstPosition() == block.position()
                and frame.frameFormat().boolProperty(KEEP_TOGETHER)
                and not _breaks_before(frame.frameFormat())
            ):
                box = layout.frameBoundingRect(frame)
                if page_of(box.top()) != page_of(box.bottom() - 1) and box.height() < height:
                    boxed = frame.frameFormat()
                    boxed.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    frame.setFrameFormat(boxed)
                    moved = True
                    continue
            if (
                block.blockFormat().headingLevel()
                and following.isValid()
                and not _breaks_before(block.blockFormat())
                and page_of(_first_line_top(layout, block))
                != page_of(_first_line_top(layout, following))
            ):
                breaks = QTextBlockFormat()
                breaks.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(breaks)
                moved = True
                continue
            block = following
        if not moved:
            return


def _first_line_top(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    """Where the block's first line is drawn: a line that does not fit at the foot of a page
    is moved to the next one inside its block, so the block's own top can be a page early."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines is not None and lines.lineCount():
        top += lines.lineAt(0).y()
    return top


def _breaks_before(fmt: QTextFormat) -> bool:
    policy = fmt.intProperty(QTextFormat.Property.PageBreakPolicy)
    return bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore.value)


def _fit_images(document: QTextDocument, column_px: float, scale: float) -> None:
    """Size the illustration to `scale` of its width, and any picture wider than the column
    (paper narrower than A4) to the column, keeping its shape."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                picture = fmt.toImageFormat()
                width = picture.width()
                if picture.name() == ILLUSTRATION_URL.toString():
                    width *= scale
                width = min(width, column_px)
                if width != picture.width():
                    resized = QTextImageFormat(picture)
                    resized.setWidth(int(width))
                    resized.setHeight(int(picture.height() * width / picture.width()))
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(resized)
            iterator += 1
        block = block.next()


def write_pdf(document: QTextDocument, path: Path) -> None:
    """Write the handout as a PDF at `path`: A4 or Letter by the locale, 300 dpi, 15 mm
    margins. Atomic: a temporary file next to `path` is renamed over it only when complete, so
    a failure (OSError) leaves no new file and any old one untouched."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setResolution(PRINT_DPI)
        writer.setPageLayout(_page_layout())
        writer.setTitle(_tr("Your aftercare plan"))
        writer.setCreator(QCoreApplication.applicationName() or "Microneedling Companion")
        _print_to(document, writer)
        del writer  # closes the file
        with Path(temporary).open("rb+") as written:
            if written.read(5) != b"%PDF-":
                raise OSError(f"could not write a PDF to {path}")
            written.flush()
            os.fsync(written.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def print_handout(document: QTextDocument, parent: QWidget | None) -> bool:
    """Ask which printer (the system's print dialog), then print. False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QDialog

    if not isinstance(QCoreApplication.instance(), QApplication):
        # Qt aborts the whole process when a dialog is made without one.
        raise RuntimeError("printing needs a QApplication (a window), not a headless app")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout())
    printer.setDocName(_tr("Your aftercare plan"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print your aftercare plan"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _print_to(document, printer)
    return True
