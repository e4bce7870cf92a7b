"""Warning levels in a screen's document: each in a box of its safety colour, its word led by
its icon (colour never carries the meaning alone), its title in the level's colour.

The reader draws a screen with Qt's Markdown reader in one go (app.ui.screens.screen_view). A
level segment (app.domain.warning_blocks) is fenced by two marker paragraphs; box_levels finds
them, takes them out and puts what lay between them in a frame. A level's Markdown starts with
its word, a plain paragraph, so the frame keeps every block's format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
)

from app.domain.warning_blocks import Segment
from app.domain.warnings import Level
from app.render.icons import icon_image
from app.render.levels import LOOKS, level_colours
from app.render.palette import Palette

# Invisible separators around ASCII: no pack word or Markdown escape can produce these lines.
_START = "\u2063mnc-level:"
_END = "\u2063mnc-level-end\u2063"
# A frame property: which level the box holds (for tests and screenshots).
LEVEL_PROPERTY = QTextFormat.Property.UserProperty + 2
ICON_EM = 1.4  # the icon's side, in lines of the current font


def marked_markdown(segments: Sequence[Segment]) -> str:
    """The segments as one Markdown text, each level fenced by marker paragraphs."""
    parts: list[str] = []
    for segment in segments:
        if segment.level is None:
            parts.append(segment.markdown)
        else:
            parts += [_START + segment.level.value, segment.markdown, _END]
    return "\n\n".join(parts)


@dataclass
class _Span:
    level: Level
    start: QTextCursor  # the level's first block (its word); kept in place as the text changes
    end: QTextCursor  # the end of its last block


def box_levels(
    document: QTextDocument, palette: Palette, metrics: QFontMetrics
) -> list[tuple[Level, QTextFrame]]:
    """Put each fenced level in its box and take the markers out; the boxes, in order."""
    markers: list[QTextBlock] = []
    block = document.begin()
    while block.isValid():
        if block.text().startswith((_START, _END)):
            markers.append(block)
        block = block.next()
    spans: list[_Span] = []
    for opening, closing in zip(markers[::2], markers[1::2], strict=False):
        if not opening.text().startswith(_START) or closing.text() != _END:
            continue  # never half a pair: marked_markdown writes them together
        first, last = opening.next(), closing.previous()
        start, end = QTextCursor(document), QTextCursor(document)
        start.setPosition(first.position())
        end.setPosition(last.position() + last.length() - 1)
        spans.append(_Span(Level(opening.text().removeprefix(_START)), start, end))
    for marker in reversed(markers):  # the separator before each, and its text
        before = marker.previous()
        cursor = QTextCursor(document)
        cursor.setPosition(before.position() + before.length() - 1)
        cursor.setPosition(marker.position() + marker.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    boxes: list[tuple[Level, QTextFrame]] = []
    for span in reversed(spans):  # from the end, so that earlier places do not move
        cursor = QTextCursor(document)
        cursor.setPosition(span.start.position())
        cursor.setPosition(span.end.position(), QTextCursor.MoveMode.KeepAnchor)
        frame = cursor.insertFrame(_box(span.level, palette))
        _dress(document, frame, span.level, palette, metrics)
        boxes.append((span.level, frame))
    return boxes[::-1]


def _box(level: Level, palette: Palette) -> QTextFrameFormat:
    colours = level_colours(level, palette)
    box = QTextFrameFormat()
    box.setBackground(QColor(colours.background))
    box.setBorder(2)
    box.setBorderBrush(QColor(colours.border))
    box.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    box.setPadding(12)
    box.setMargin(4)
    box.setTopMargin(12)  # apart from the author's words above it
    box.setProperty(LEVEL_PROPERTY, level.value)
    return box


def _dress(
    document: QTextDocument,
    frame: QTextFrame,
    level: Level,
    palette: Palette,
    metrics: QFontMetrics,
) -> None:
    """The level's word and title in its colour, close together, and its icon before the word;
    the empty line Qt leaves before a frame made no taller than a rule."""
    tone = QTextCharFormat()
    tone.setForeground(QBrush(QColor(level_colours(level, palette).tone)))
    word = document.findBlock(frame.firstPosition())
    block = word
    while block.isValid() and block.position() < frame.lastPosition():
        if block == word or block.blockFormat().headingLevel():
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(tone)
            close = QTextBlockFormat()
            close.setTopMargin(0 if block == word else 4)
            close.setBottomMargin(0 if block == word else 8)
            cursor.mergeBlockFormat(close)
            if block != word:
                break  # the title: the first heading
        block = block.next()
    before = word.previous()
    if before.isValid() and not before.text() and QTextCursor(before).currentFrame() != frame:
        flat = QTextBlockFormat()
        flat.setTopMargin(0)
        flat.setBottomMargin(0)
        flat.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        QTextCursor(before).mergeBlockFormat(flat)
    look = LOOKS[level]
    side = round(metrics.height() * ICON_EM)
    url = QUrl(f"mnc-level:{look.key}")
    image = icon_image(look.icon, level_colours(level, palette).tone, side * 2)
    document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    picture = QTextImageFormat()
    picture.setName(url.toString())
    picture.setWidth(side)
    picture.setHeight(side)
    picture.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    cursor = QTextCursor(word)
    cursor.insertImage(picture)
    spacing = QTextCharFormat()
    spacing.setFontWeight(QFont.Weight.Bold)
    cursor.insertText("  ", spacing)
