"""Rows of the broken-pack table (test_content_broken_packs.py) for the warning-signs files:
warning_signs.toml, en/warning_signs.toml and emergency_numbers.toml. Each refuses the whole
pack, as a broken protocol.toml does, and validate-pack names the file and field."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.input_files import MAX_TOML_BYTES
from tests.content.conftest import PackBuilder
from tests.content.pack_breakers import big, fifo, link, replace

Break = Callable[[PackBuilder], object]
MODEL, WORDS, NUMBERS = "warning_signs.toml", "en/warning_signs.toml", "emergency_numbers.toml"


def _missing(builder: PackBuilder, file: str) -> None:
    (builder.root / file).unlink()


# (id, how to break the good pack, file, field, whether the app must fall back)
WARNING_CASES: list[tuple[str, Break, str, str, bool]] = [
    ("warning signs: the model missing", lambda b: _missing(b, MODEL), MODEL, "(file)", True),
    ("warning signs: the words missing", lambda b: _missing(b, WORDS), WORDS, "(file)", True),
    ("warning signs: no numbers", lambda b: _missing(b, NUMBERS), NUMBERS, "(file)", True),
    (
        "warning signs: a sign without a level",
        lambda b: replace(b, MODEL, 'level = "emergency"\n', ""),
        MODEL,
        "signs[1].level",
        True,
    ),
    (
        "warning signs: a level no check-in rule knows",
        lambda b: replace(b, MODEL, 'severe_level = "call_today"', 'severe_level = "soon"'),
        MODEL,
        "checkin.severe_level",
        True,
    ),
    (
        "warning signs: a source pack.toml does not list",
        lambda b: replace(b, MODEL, 'sources = ["S1"]', 'sources = ["S99"]'),
        MODEL,
        "signs[1].sources[1]",
        True,
    ),
    (
        "warning signs: a sign without its words",
        lambda b: replace(b, WORDS, 'patches = "Patches appear."\n', ""),
        WORDS,
        "signs.patches",
        True,
    ),
    (
        "warning signs: a level without its title",
        lambda b: replace(b, WORDS, 'title = "Dial {{emergency_number}} now"\n', ""),
        WORDS,
        "levels.emergency.title",
        True,
    ),
    (
        "warning signs: a placeholder the app does not fill",
        lambda b: replace(b, WORDS, "{{emergency_number}}", "{{ambulance}}"),
        WORDS,
        "levels.emergency.title",
        True,
    ),
    (
        "warning signs: an HTML picture in a sign",
        lambda b: replace(b, WORDS, '"Breathing is hard."', '"<img src=/etc/passwd>"'),
        WORDS,
        "signs.cannot-breathe",
        True,
    ),
    (
        "warning signs: a number as a number",
        lambda b: replace(b, NUMBERS, 'GB = "999"', "GB = 999"),
        NUMBERS,
        "regions.GB",
        True,
    ),
    (
        "warning signs: bad TOML",
        lambda b: b.write(NUMBERS, "[regions\n"),
        NUMBERS,
        "(syntax)",
        True,
    ),
    ("warning signs: over the cap", lambda b: big(b, MODEL, MAX_TOML_BYTES), MODEL, "(file)", True),
]

WARNING_POSIX_CASES: list[tuple[str, Break, str, str, bool]] = [
    ("link: warning_signs.toml", lambda b: link(b, MODEL), MODEL, "(file)", True),
    ("FIFO: en/warning_signs.toml", lambda b: fifo(b, WORDS), WORDS, "(file)", True),
]
