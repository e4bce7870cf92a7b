"""Rows of the broken-pack table (test_content_broken_packs.py) for the getting-ready list:
before.toml and en/before.toml. The list is optional, but a pack that has one has it checked with
the rest: a broken list refuses the pack, and validate-pack names the file and field."""

from __future__ import annotations

from collections.abc import Callable

from tests.content.conftest import PackBuilder
from tests.content.pack_breakers import fifo

Break = Callable[[PackBuilder], object]
TIMINGS, WORDS = "before.toml", "en/before.toml"


def _with_list(builder: PackBuilder, days: object = 3, words: bool = True) -> None:
    builder.write(TIMINGS, f'[before.stop-scrubs]\ndays_before = {days}\nkind = "task"\n')
    if words:
        builder.write(WORDS, '[before.stop-scrubs]\ntext = "Stop scrubs {days} days before."\n')


# (id, how to break the good pack, file, field, whether the app must fall back)
BEFORE_CASES: list[tuple[str, Break, str, str, bool]] = [
    ("getting ready: no words", lambda b: _with_list(b, words=False), WORDS, "(file)", True),
    (
        "getting ready: a month and more ahead",
        lambda b: _with_list(b, days=45),
        TIMINGS,
        "before.stop-scrubs.days_before",
        True,
    ),
    (
        "getting ready: days as text",
        lambda b: _with_list(b, days='"3"'),
        TIMINGS,
        "before.stop-scrubs.days_before",
        True,
    ),
]


def _fifo_list(builder: PackBuilder) -> None:
    _with_list(builder)
    (builder.root / TIMINGS).unlink()
    fifo(builder, TIMINGS)


BEFORE_POSIX_CASES: list[tuple[str, Break, str, str, bool]] = [
    ("FIFO: before.toml", _fifo_list, TIMINGS, "(file)", True),
]
