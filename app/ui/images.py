"""Pictures for text documents: SVGs drawn into images, and the pictures already in a document."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtSvg import QSvgRenderer

__all__ = ["image_fragments", "render_svg", "set_image_size"]

log = logging.getLogger(__name__)


def render_svg(
    path: Path,
    *,
    width: int = 0,
    height: int = 0,
    background: Qt.GlobalColor | None = None,
) -> QImage | None:
    """The SVG drawn into an image `width` wide (or `height` high; with neither, at its own
    size), keeping its shape. With a `background` the image is opaque, filled with it first (a
    printed picture loses nothing to transparency); without one it is transparent. None when
    the file cannot be drawn."""
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        log.warning("cannot draw %s", path.name)
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        return None
    if width:
        height = round(width * size.height() / size.width())
    elif height:
        width = round(height * size.width() / size.height())
    else:
        width, height = size.width(), size.height()
    if background is None:
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
    else:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def image_fragments(document: QTextDocument) -> Iterator[tuple[int, int, QTextImageFormat]]:
    """Each picture in `document`, in order: its position, length and format. The caller may
    change a picture's format (set_image_size) before asking for the next."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                yield fragment.position(), fragment.length(), fmt.toImageFormat()
            iterator += 1
        block = block.next()


def set_image_size(
    document: QTextDocument,
    position: int,
    length: int,
    picture: QTextImageFormat,
    width: float,
    height: float,
) -> None:
    """Show the picture at `position` (as found by image_fragments) at `width` x `height`."""
    resized = QTextImageFormat(picture)
    resized.setWidth(width)
    resized.setHeight(height)
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
    cursor.setCharFormat(resized)
