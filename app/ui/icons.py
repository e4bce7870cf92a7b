"""The app's line icons, drawn in the current theme's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from app.paths import resource_path


@cache
def _svg_source(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    # Sized in the SVG text itself, so the image plugin renders it sharp at `size` px.
    svg = _svg_source(name).replace("currentColor", colour)
    svg = svg.replace('width="24" height="24"', f'width="{size}" height="{size}"', 1)
    pixmap = QPixmap()
    if not pixmap.loadFromData(svg.encode("utf-8"), "SVG"):
        raise ValueError(f"icon {name!r} could not be drawn")
    return pixmap


def icon(name: str, colour: str, size: int = 48, selected_colour: str = "") -> QIcon:
    """`name` is a file in resources/icons; its currentColor strokes take `colour`, or
    `selected_colour` where the item is selected (a highlight that may be light or bright)."""
    result = QIcon(_pixmap(name, colour, size))
    if selected_colour:
        result.addPixmap(_pixmap(name, selected_colour, size), QIcon.Mode.Selected)
    return result
