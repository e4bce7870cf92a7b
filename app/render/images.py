"""Pictures for text documents: SVGs drawn into images, and the pictures already in a document.

Both are a second line of defence behind the content-pack and clinic-config checks
(app.domain.pack_markdown, app.domain.clinic): render_svg reads only a regular file under a cap
(never blocking on a FIFO) and draws it only if the very bytes it draws refer to no other file;
ClosedTextDocument never reads a file a picture names, because QTextDocument's own loadResource
would, whatever the widget showing it says.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QPainter,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextImageFormat,
)
from PySide6.QtSvg import QSvgRenderer

from app.domain.input_files import MIB, RefusedFile, read_regular_file

__all__ = ["ClosedTextDocument", "image_fragments", "render_svg", "set_image_size"]

log = logging.getLogger(__name__)

# The largest drawing any caller draws is a clinic logo (app.domain.clinic allows 5 MB).
MAX_DRAWING_BYTES = 5 * MIB


class ClosedTextDocument(QTextDocument):
    """A text document that shows only the pictures added to it with addResource.

    QTextDocument.loadResource reads any local file a picture names (relative ones from the
    working folder), even after the widget showing the document declined, and blocks on a
    FIFO; this one answers every other name with an empty picture and reads nothing. Its
    clone() is closed too (QTextDocument's would be a plain, open document), so the copies the
    handout lays out for printing stay closed. Resources are remembered as added from Python;
    a setMarkdown() that clears them inside Qt leaves them remembered, which at worst gives a
    clone a picture it does not show.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # What addResource was given, so that a clone can be given the same (Qt lists none).
        self._resources: dict[tuple[int, str], object] = {}

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # Not None: a null answer would let Qt try the file system after all.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            empty = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
            empty.fill(Qt.GlobalColor.transparent)
            return empty
        return QByteArray()

    def addResource(self, kind: int, name: QUrl | str, resource: object) -> None:
        super().addResource(kind, name, resource)
        number = kind if isinstance(kind, int) else kind.value
        self._resources[number, QUrl(name).toString()] = resource

    def clone(self, parent: QObject | None = None) -> ClosedTextDocument:
        """A closed copy, made as QTextDocument.clone makes its (plain, open) one: the text and
        its formats as a fragment, the root frame's format, the document's settings and the
        pictures this document was given."""
        copy = ClosedTextDocument(parent)
        copy.setDefaultFont(self.defaultFont())
        copy.setDefaultStyleSheet(self.defaultStyleSheet())
        copy.setDefaultTextOption(self.defaultTextOption())
        copy.setDocumentMargin(self.documentMargin())
        copy.setIndentWidth(self.indentWidth())
        copy.setPageSize(self.pageSize())
        title = QTextDocument.MetaInformation.DocumentTitle
        copy.setMetaInformation(title, self.metaInformation(title))
        for (kind, name), resource in self._resources.items():
            copy.addResource(kind, QUrl(name), resource)
        if not self.isEmpty():
            QTextCursor(copy).insertFragment(QTextDocumentFragment(self))
        copy.rootFrame().setFrameFormat(self.rootFrame().frameFormat())
        return copy


def _drawing(path: Path) -> bytes | None:
    """The bytes of a self-contained SVG at ``path``, or None (and why, in the log)."""
    from app.domain.svg_safety import svg_problem  # stdlib only, but not needed before a picture

    try:
        data = read_regular_file(path, MAX_DRAWING_BYTES, what="a drawing")
    except (OSError, RefusedFile) as error:
        log.warning("cannot draw %s: %s", path.name, error)
        return None
    if (problem := svg_problem(data, path.name)) is not None:
        log.warning("not drawing %s: %s", path.name, problem.message)
        return None
    return data


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
    the file cannot be drawn, or could make Qt read another file (see _drawing)."""
    data = _drawing(path)
    if data is None:
        return None
    renderer = QSvgRenderer(QByteArray(data))
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
