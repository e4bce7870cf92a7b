"""A time of day as a person types it: "15:00", "3 pm", "3:00 PM", "1500", "15.00", "9".

The treatment form reads the whole text the patient typed, rather than a spin box's sections,
so that typing a time sets that time wherever the cursor was. The words for morning and
afternoon come from the caller (the locale's own, and the English ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time

# Hours, then minutes after ":", ".", "h" or a space; or three or four digits ("930", "1500").
_CLOCK = re.compile(r"(?P<h>\d{1,2})(?:\s*[:.h]\s*(?P<m>\d{2})?|\s+(?P<m2>\d{2}))?")
_DIGITS = re.compile(r"(?P<h>\d{1,2})(?P<m>\d{2})")
ENGLISH_AM = ("am", "a.m.", "a.m", "a")
ENGLISH_PM = ("pm", "p.m.", "p.m", "p")


def _fold(text: str) -> str:
    # CLDR puts a narrow no-break space before AM/PM; people type a plain one or none.
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split()).casefold()


def _split_day_half(text: str, am: Iterable[str], pm: Iterable[str]) -> tuple[str, str | None]:
    """The text without its AM/PM word (before or after the digits), and which it was."""
    words = [(_fold(w), "am") for w in am if w.strip()] + [(_fold(w), "pm") for w in pm if w]
    for word, half in sorted(words, key=lambda item: -len(item[0])):  # "a.m." before "a"
        if text.endswith(word) and text[: -len(word)].rstrip()[-1:].isdigit():
            return text[: -len(word)].strip(), half
        if text.startswith(word) and text[len(word) :].lstrip()[:1].isdigit():
            return text[len(word) :].strip(), half
    return text, None


def parse_typed_time(
    text: str, am: Iterable[str] = ENGLISH_AM, pm: Iterable[str] = ENGLISH_PM
) -> time | None:
    """The time `text` names, or None when it names none (an hour over 23, "25:00", "3:75",
    "13 pm", letters). With AM or PM the hour is 1 to 12; without, 0 to 23."""
    folded = _fold(text)
    if not folded:
        return None
    rest, half = _split_day_half(folded, am, pm)
    match = _DIGITS.fullmatch(rest) if len(rest) in (3, 4) else None
    if match is not None:
        hour, minute = int(match["h"]), int(match["m"])
    elif (match := _CLOCK.fullmatch(rest)) is not None:
        hour, minute = int(match["h"]), int(match["m"] or match["m2"] or 0)
    else:
        return None
    if minute > 59:
        return None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23:
        return None
    return time(hour, minute)
