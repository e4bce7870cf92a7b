"""The shipped drawings carry no words: numbers only, named per language under the drawing.

A word inside an SVG cannot be translated, so every language would show English. The drawings
hold numbered badges instead, and each language's screen opens with a caption ("In the
drawing: 1 is…", "En el dibujo: el 1 es…") and keeps its own alt text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.pack import load_pack

pytestmark = pytest.mark.shipped_content

CAPTION = {"en": "*In the drawing", "es": "*En el dibujo"}


def _numbers(svg: Path) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text("utf-8"))


def test_no_shipped_drawing_has_words_in_it(shipped_pack: Path) -> None:
    for svg in sorted((shipped_pack / "illustrations").glob("*.svg")):
        text = svg.read_text("utf-8")
        assert all(label.strip().isdigit() for label in _numbers(svg)), svg.name
        # <title> and <desc> would be English words that screen readers may read out.
        assert "<title" not in text and "<desc" not in text, svg.name


@pytest.mark.parametrize("language", sorted(CAPTION))
def test_every_numbered_drawing_is_captioned_in_each_language(
    shipped_pack: Path, language: str
) -> None:
    pack = load_pack(shipped_pack, language).pack
    assert pack is not None

    numbered = 0
    for screen in pack.screens:
        path = screen.illustration_path
        numbers = _numbers(path) if path is not None else []
        if not numbers:
            continue
        numbered += 1
        first = screen.body.strip().splitlines()[0]
        assert first.startswith(CAPTION[language]), screen.file
        # Every badge is named, in the caption or (steps) in a heading of the screen.
        headings = [line for line in screen.body.splitlines() if line.startswith("#")]
        named = "\n".join([first, *headings])
        for number in numbers:
            assert re.search(rf"\b{number}\b", named), (screen.file, number)
    assert numbered == 5


def test_the_drawing_caption_is_the_first_paragraph_when_wholly_in_italics(
    shipped_pack: Path,
) -> None:
    pack = load_pack(shipped_pack, "en").pack
    assert pack is not None
    captions = {s.meta.id: s.drawing_caption for s in pack.screens}
    assert captions["what-is-microneedling"].startswith("In the drawing: 1 is the top layer")
    assert not captions["what-is-microneedling"].endswith("*")
    screen = pack.screens[0]
    for body, expected in [
        ("*In the drawing: 1 is skin.*\n\nMore.", "In the drawing: 1 is skin."),
        ("**Bold, not a caption.**\n\nMore.", ""),
        ("Plain words first.\n\n*Later italics.*", ""),
        ("*Half* in italics.", ""),
        ("*Two* and *more*", ""),
    ]:
        assert replace(screen, body=body).drawing_caption == expected, body
