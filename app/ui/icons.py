"""The app's line icons, drawn in the current theme's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resource_path


@cache
def _svg_source(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, colour: str, size: int = 48) -> QIcon:
    """`name` is a file in resources/icons; its currentColor strokes take `colour`."""
    data = QByteArray(_svg_source(name).replace("currentColor", colour).encode("utf-8"))
    renderer = QSvgRenderer(data)
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)
