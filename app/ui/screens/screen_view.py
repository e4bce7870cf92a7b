"""One content screen: its title, illustration and Markdown, drawn by Qt's own Markdown reader.

Warning levels (a screen's ``{{warning_signs}}`` blocks) are drawn by app.ui.screens.level_boxes.
Nothing outside the pack is ever loaded: links are handled here, and the document is a
ClosedTextDocument holding only the pictures this view put into it: the illustration, and the
body's pictures at the locations the pack loader checked (Screen.images). Any other address,
whatever the Markdown says, gets an empty picture and no file is read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import (
    QFontInfo,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from app.domain.pack import Screen
from app.domain.placeholders import fill
from app.domain.warning_blocks import Segment
from app.render.images import ClosedTextDocument, image_fragments, render_svg, set_image_size
from app.ui.document_accessible import ALT_PROPERTY, STRUCTURED, document_changed
from app.ui.screens.level_boxes import box_levels, marked_markdown
from app.ui.screens.page import viewport_width
from app.ui.theme import LIGHT, Palette

ILLUSTRATION_URL = QUrl("mnc-illustration:current")
IMAGE = QTextDocument.ResourceType.ImageResource
ILLUSTRATION_RENDER_WIDTH = 1000  # px; wider than any column (900), so only ever scaled down
LINE_HEIGHT = 1.5  # times the body text size, from line to line (DESIGN.md)
PARAGRAPH_GAP = 0.75  # times the body text size, after a paragraph or a whole list
MAX_LINE_EM = 36  # about 70 characters of body text
NARROW_EM = 20  # below this column width, headings step down one size


class ScreenView(QTextBrowser):
    """Shows a Screen. `link_to_screen(id)` is called when a `screen:<id>` link is followed."""

    _shown: tuple[Screen, Sequence[Segment], Callable[[], Palette] | None] | None = None
    _narrow = False

    def __init__(self, link_to_screen: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._link_to_screen = link_to_screen
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("screenView")
        # Headings, lists and pictures for a screen reader (app.ui.document_accessible): set
        # before anything asks for the view's accessible interface.
        self.setProperty(STRUCTURED, True)
        self.setProperty("illustrationAddress", ILLUSTRATION_URL.toString())
        self.anchorClicked.connect(self._follow)
        self._illustration_aspect = 0.0
        self._document: QTextDocument | None = None  # the one show_screen made last
        self.screen_id = ""

    def redraw(self) -> None:
        """Draw the current screen again, e.g. in a new text size or theme."""
        if self._shown:
            self.show_segments(*self._shown)

    def show_screen(
        self,
        screen: Screen,
        values: Mapping[str, str],
        palette: Callable[[], Palette] | None = None,
    ) -> None:
        """Render `screen`, a body without warning-sign blocks, its placeholders filled from
        `values`."""
        self.show_segments(screen, [Segment(fill(screen.body, values))], palette)

    def show_segments(
        self,
        screen: Screen,
        segments: Sequence[Segment],
        palette: Callable[[], Palette] | None = None,
    ) -> None:
        """Render `screen` from its body's segments (ContentProvider.screen_segments): each
        warning level in its own box, in its safety colour, with its icon beside its word. A
        screen that opens with a level (the emergency one) has it straight under the title,
        with no illustration pushing it down."""
        self.screen_id = screen.meta.id
        self._shown = (screen, segments, palette)
        document = ClosedTextDocument(self)
        document.setDefaultFont(self.font())
        document.setMarkdown(f"# {screen.meta.title}\n\n" + marked_markdown(segments))
        for address, path in screen.images:  # after setMarkdown, which clears the resources
            if (drawn := render_svg(path)) is not None:
                document.addResource(IMAGE, QUrl(address), drawn)
        self._narrow = self._is_narrow()
        _set_type(document, self._narrow)
        box_levels(document, palette() if palette is not None else LIGHT, self.fontMetrics())
        self._illustration_aspect = 0.0
        opens_with_a_level = bool(segments) and segments[0].level is not None
        image = (
            render_svg(screen.illustration_path, width=ILLUSTRATION_RENDER_WIDTH)
            if screen.illustration_path and not opens_with_a_level
            else None
        )
        if image is not None:
            # Under the title, as its own block; sized to the column in _fit_to_width.
            document.addResource(IMAGE, ILLUSTRATION_URL, image)
            self._illustration_aspect = image.height() / max(image.width(), 1)
            cursor = QTextCursor(document.begin())
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            apart = QTextBlockFormat()  # from the words under it, as a paragraph is
            apart.setBottomMargin(round(PARAGRAPH_GAP * QFontInfo(self.font()).pixelSize()))
            cursor.insertBlock(apart)
            picture = QTextImageFormat()
            picture.setName(ILLUSTRATION_URL.toString())
            cursor.insertImage(picture)
        # The view's own documents are children of the view, and QTextEdit deletes only the
        # one it made itself: without this every screen shown stayed in memory, its pictures
        # too (about 1 MB each). Later, not now: a followed link is still on the stack.
        previous = self._document
        self._document = document
        self.setDocument(document)
        if previous is not None:
            previous.deleteLater()
        alt = screen.meta.illustration_alt or ""
        self.setProperty(ALT_PROPERTY, alt)
        document_changed(self)
        self.setAccessibleName(screen.meta.title)
        self.setAccessibleDescription(f"{screen.meta.summary} {alt}".strip())
        self._fit_to_width()
        self.verticalScrollBar().setValue(0)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # QTextBrowser's own would read the file (setSource, or a document that asks it); the
        # ClosedTextDocument already answers every picture, so nothing is ever needed here.
        return None

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "screen":
            self._link_to_screen(url.path())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_width()

    def _is_narrow(self) -> bool:
        em = max(self.fontMetrics().horizontalAdvance("M"), 8)
        return viewport_width(self) < NARROW_EM * em

    def _fit_to_width(self) -> None:
        """Centre a column of about 70 characters and size the illustration to it."""
        if self._shown and self._is_narrow() != self._narrow:
            self.redraw()  # headings change size across the narrow threshold
            return
        em = max(self.fontMetrics().horizontalAdvance("M"), 8)
        available = viewport_width(self)
        column = max(160, min(MAX_LINE_EM * em, available - 48))
        side = max(24, (available - column) // 2)
        # Margins on the document's root frame, so Qt re-wraps the text to the column itself.
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(24)
        frame.setBottomMargin(24)
        root.setFrameFormat(frame)
        if self._illustration_aspect:
            width = max(120, min(column - 48, 900))
            _resize_image(self.document(), QSize(width, round(width * self._illustration_aspect)))


def _resize_image(document: QTextDocument, size: QSize) -> None:
    for position, length, picture in image_fragments(document):
        if picture.name() == ILLUSTRATION_URL.toString():
            set_image_size(document, position, length, picture, size.width(), size.height())
            return


def _set_type(document: QTextDocument, narrow: bool) -> None:
    """Body text at 1.5 line height (1.5 x its pixel size, from one line to the next: Qt's
    proportional height is a share of the font's own line spacing, already ~1.4 em, so 150%
    of it gave ~2.1); headings tight, so a wrapped one still reads as one.
    Qt sizes Markdown headings by steps over the body size (+3, +2, +1: about 2x, 1.5x and
    1.2x, close to DESIGN.md's 1.25x scale). In a narrow column the top step is dropped, so a
    long word in a title is not broken across lines."""
    # At least, not exactly: a line holding a picture still grows to fit it.
    at_least = QTextBlockFormat.LineHeightTypes.MinimumHeight.value
    pixels = QFontInfo(document.defaultFont()).pixelSize()
    line = round(LINE_HEIGHT * pixels)
    gap = round(PARAGRAPH_GAP * pixels)
    adjustment = QTextFormat.Property.FontSizeAdjustment
    block = document.begin()
    while block.isValid():
        fmt = QTextBlockFormat()
        if block.blockFormat().headingLevel():
            fmt.setTopMargin(20)
            fmt.setBottomMargin(8)
            if narrow:
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                smaller = QTextCharFormat()
                step = cursor.charFormat().intProperty(adjustment)
                smaller.setProperty(adjustment, min(step, 1))
                cursor.mergeCharFormat(smaller)
        else:
            fmt.setLineHeight(line, at_least)
            # Qt's Markdown reader spaces paragraphs by the font's point size, which a font
            # set in pixels (the theme's) does not have: it left no gap between paragraphs.
            listed = block.textList()
            last_item = listed is None or listed.itemNumber(block) == listed.count() - 1
            fmt.setTopMargin(0)
            fmt.setBottomMargin(gap if last_item else gap // 3)
        QTextCursor(block).mergeBlockFormat(fmt)
        block = block.next()
