"""The printable handout: one or two pages of the plan with real dates, to keep on the fridge.

build_handout() turns a RecoveryPlan and the content pack into a QTextDocument, writing it
with _Writer (the handout's few kinds of block, in its type) section by section
(handout_sections); write_pdf() and print_handout() (handout_print, imported here) lay that
document out at the printer's resolution and print it.

Lengths in the document (margins, borders, image sizes) are in 96-dpi "CSS" pixels, the unit
Qt's text layout scales to the paint device; type is in points. So the same document prints at
the right physical size on a 300-dpi PDF and on a 1200-dpi printer. Pictures are drawn from
their SVG into large images (about 340 dpi at the width they are shown), never small rasters
scaled up.

Every patient-facing medical word comes from the content pack (aftercare text, the warning
signs' one model); the words here are headings and labels, translated in context "Handout".
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)

from app.export.handout_print import ILLUSTRATION_URL as ILLUSTRATION_URL
from app.export.handout_print import KEEP_TOGETHER as KEEP_TOGETHER
from app.export.handout_print import PRINT_DPI as PRINT_DPI
from app.export.handout_print import _laid_out as _laid_out
from app.export.handout_print import _page_layout as _page_layout
from app.export.handout_print import page_size_for_locale as page_size_for_locale
from app.export.handout_print import print_handout as print_handout
from app.export.handout_print import write_pdf as write_pdf
from app.render.formatting import local_moment
from app.render.images import ClosedTextDocument
from app.render.palette import LIGHT
from app.render.zone_words import place_words

if TYPE_CHECKING:
    from app.domain.plan import RecoveryPlan
    from app.render.content_provider import ContentProvider

__all__ = [
    "ILLUSTRATION_URL",
    "LOGO_URL",
    "PRINT_DPI",
    "build_handout",
    "page_size_for_locale",
    "print_handout",
    "write_pdf",
]

LOGO_URL = QUrl("mnc-handout:logo")

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
EMERGENCY_BORDER = QColor(LIGHT.emergency)  # the warning levels take theirs from app.render
EMERGENCY_BG = QColor(LIGHT.emergency_bg)


def _px(mm: float) -> float:
    """Millimetres as the 96-dpi pixels Qt's text layout scales to the paint device."""
    return mm / 25.4 * 96.0


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
    # Closed, like the reader's: it never reads a file a picture names (app.render.images).
    document = ClosedTextDocument()
    document.setDocumentMargin(0)
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        QCoreApplication.translate("Handout", "Your aftercare plan"),
    )
    font = QFont()
    font.setFamilies([*FONT_FAMILIES, *QFont().families()])
    font.setPointSizeF(BODY_PT)
    document.setDefaultFont(font)

    from app.export import handout_sections as sections  # it builds on _Writer, below
    from app.export.handout_timeline import timeline

    writer = _Writer(document)
    sections.header(writer, clinic_name, clinic_phone, logo)
    writer.paragraph(
        # Paper is read later and elsewhere: the year, and the zone the times are in.
        QCoreApplication.translate("Handout", "Your treatment: {when}, {zone}").format(
            when=local_moment(plan.treated_at, plan.zone, year=True),
            zone=place_words(plan.zone.key),
        ),
        size=TREATMENT_PT,
        bold=True,
    )
    sections.milestones(writer, plan)
    sections.checklist(writer, plan)
    sections.normal(writer, plan)
    sections.warning_signs(writer, content, clinic_name, clinic_phone)
    # Last, where it can take the room that is left: handout_print makes it smaller, or
    # leaves it out, to keep every word above on two pages.
    timeline(writer, plan)
    sections.footer(writer, loaded.pack.meta.last_reviewed)
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

    def list_item(
        self, parts: Iterable[tuple[str, bool]], list_format: QTextListFormat, bottom: float = 1
    ) -> None:
        """One bullet made of (text, bold) runs; the first call with a format starts the list."""
        fmt = _body_block(0, bottom)
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

    def level_heading(
        self, icon: QUrl, icon_mm: float, word: str, colour: QColor, title: str
    ) -> None:
        """A warning level's heading on one line: its icon, its word in its colour, its title."""
        fmt = QTextBlockFormat()
        fmt.setHeadingLevel(3)
        fmt.setBottomMargin(2)
        size = HEADING_PT[3]
        self._block(fmt, _chars(size, bold=True))
        picture = QTextImageFormat()
        picture.setName(icon.toString())
        picture.setWidth(round(_px(icon_mm)))
        picture.setHeight(round(_px(icon_mm)))
        picture.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        picture.setFontWeight(QFont.Weight.Bold)  # as the words: the line is one bold heading
        self.cursor.insertImage(picture)
        self.cursor.insertText(f"  {word}", _chars(size, bold=True, colour=colour))
        self.cursor.insertText(f" \u2013 {title}", _chars(size, bold=True))

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
        """Carry on after a table or frame (a list still open inside it ends there)."""
        self.cursor = frame.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        self._first = True  # the block after a frame is empty and ready
        self._list = None

    def frame(self, fmt: QTextFrameFormat) -> QTextFrame:
        """A boxed frame; write into it, then call after()."""
        if self._first:  # a frame may not be the first thing in a document without a block
            # That block stands between the frame and what is above it: no taller than a rule.
            spacer = _body_block(0, 0)
            spacer.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self._block(spacer, _chars(1))
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
