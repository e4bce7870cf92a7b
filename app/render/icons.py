"""The app's line icons (resources/icons), drawn in any colour at any size: as QIcons in the
window (app.ui.icons) and as pictures in printed documents (the handout's warning levels)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QImage

from app.paths import resource_path


@cache
def _svg_source(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon_svg(name: str, colour: str, size: int) -> bytes:
    """The icon `name` as SVG text whose currentColor strokes are `colour`, sized in the SVG
    itself so that Qt's image plugin draws it sharp at `size` px."""
    svg = _svg_source(name).replace("currentColor", colour)
    svg = svg.replace('width="24" height="24"', f'width="{size}" height="{size}"', 1)
    return svg.encode("utf-8")


def icon_image(name: str, colour: str, size: int) -> QImage:
    """The icon drawn into a transparent `size` x `size` image."""
    image = QImage()
    if not image.loadFromData(icon_svg(name, colour, size), "SVG"):
        raise ValueError(f"icon {name!r} could not be drawn")
    return image
