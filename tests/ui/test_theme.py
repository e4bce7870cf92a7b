from __future__ import annotations

from pathlib import Path

import pytest

from app.ui.contrast import contrast_ratio
from app.ui.theme import PALETTES, TEXT_STEPS, body_px, heading_px, stylesheet

# Every foreground/background pair the stylesheet actually uses.
PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("secondary", "background"),
    ("secondary", "surface"),
    ("on_primary", "primary"),
    ("primary", "background"),
    ("on_highlight", "highlight"),
    ("on_success", "success"),
    ("success", "background"),  # the check-in's "no call needed" card
    ("caution_text", "caution_bg"),
    ("on_emergency", "emergency"),
    ("emergency_text", "emergency_bg"),
]


@pytest.mark.parametrize("theme", PALETTES)
@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_every_colour_pair_passes_wcag_aa(theme: str, fg: str, bg: str) -> None:
    palette = PALETTES[theme]
    ratio = contrast_ratio(getattr(palette, fg), getattr(palette, bg))
    assert ratio >= 4.5, f"{theme}: {fg} on {bg} is {ratio:.2f}:1"


def test_contrast_ratio_matches_the_design_table() -> None:
    assert round(contrast_ratio("#1F2A30", "#FFFFFF"), 1) == 14.7
    assert round(contrast_ratio("#FFFFFF", "#0B6E74"), 1) == 6.0


def test_text_sizes_are_four_steps_up_to_twice_the_body() -> None:
    assert len(TEXT_STEPS) == 4
    assert TEXT_STEPS[0] == 18 and 1.9 <= TEXT_STEPS[-1] / TEXT_STEPS[0] <= 2.1
    assert [heading_px(18, level) for level in (3, 2, 1)] == [22, 28, 35]
    assert body_px(0, kiosk=True) >= 22


def test_stylesheet_uses_the_chosen_body_size_and_kiosk_targets() -> None:
    assert "font-size: 36px" in stylesheet("light", 3)
    assert "min-height: 48px" in stylesheet("light", 0, kiosk=True)


@pytest.mark.parametrize("theme", PALETTES)
def test_a_ticked_box_shows_a_tick_that_exists_in_every_theme(theme: str) -> None:
    import re

    from app.paths import resource_path

    icons = resource_path("icons").as_posix()
    sheet = stylesheet(theme, 0, icons=icons)
    [tick] = re.findall(r"image: url\(([^)]+/check-[^)]+)\)", sheet)
    assert Path(tick).is_file()
    # and every other picture the sheet names (radio dots, arrows) exists too
    for url in re.findall(r"url\(([^)]+)\)", sheet):
        assert Path(url).is_file(), url
