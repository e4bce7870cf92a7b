"""The app's line icons, drawn in the current theme's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from app.paths import resource_path


@cache
def _svg_source(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, colour: str, size: int = 48) -> QIcon:
    """`name` is a file in resources/icons; its currentColor strokes take `colour`."""
    # Sized in the SVG text itself, so the image plugin renders it sharp at `size` px.
    svg = _svg_source(name).replace("currentColor", colour)
    svg = svg.replace('width="24" height="24"', f'width="{size}" height="{size}"', 1)
    pixmap = QPixmap()
    if not pixmap.loadFromData(svg.encode("utf-8"), "SVG"):
        raise ValueError(f"icon {name!r} could not be drawn")
    return QIcon(pixmap)
