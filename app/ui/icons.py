"""The app's line icons, drawn in the current theme's text colour."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from app.render.icons import icon_svg


def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    pixmap = QPixmap()
    if not pixmap.loadFromData(icon_svg(name, colour, size), "SVG"):
        raise ValueError(f"icon {name!r} could not be drawn")
    return pixmap


def icon(name: str, colour: str, size: int = 48, selected_colour: str = "") -> QIcon:
    """`name` is a file in resources/icons; its currentColor strokes take `colour`, or
    `selected_colour` where the item is selected (a highlight that may be light or bright)."""
    result = QIcon(_pixmap(name, colour, size))
    if selected_colour:
        result.addPixmap(_pixmap(name, selected_colour, size), QIcon.Mode.Selected)
    return result
