"""The shipped pack's warning-signs model, its English words and emergency numbers load whole."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.domain.warnings import (
    LEVELS,
    model_from_mapping,
    numbers_from_mapping,
    text_from_mapping,
)

PACK = Path(__file__).resolve().parents[2] / "resources" / "content" / "microneedling-acne-scars"


def _toml(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def test_shipped_warning_signs_have_every_level_and_every_word() -> None:
    model, problems = model_from_mapping(_toml(PACK / "warning_signs.toml"), "warning_signs.toml")
    assert problems == []
    assert all(model.signs_at(level) for level in LEVELS)
    text, text_problems = text_from_mapping(
        _toml(PACK / "en" / "warning_signs.toml"), "en/warning_signs.toml", model
    )
    assert text_problems == []
    # The brief: "warm skin" is never a warning sign on its own.
    assert not any(line.lower().strip(". ") == "warm skin" for line in text.signs.values())


def test_shipped_emergency_numbers_follow_the_brief() -> None:
    numbers, problems = numbers_from_mapping(
        _toml(PACK / "emergency_numbers.toml"), "emergency_numbers.toml"
    )
    assert problems == []
    assert (numbers["US"], numbers["GB"], numbers["AU"], numbers["NZ"], numbers["DE"]) == (
        "911", "999", "000", "111", "112",
    )  # fmt: skip
