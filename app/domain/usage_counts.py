"""The kiosk's anonymous usage counts: per day, nothing finer (docs/kiosk.md, "Usage counts").

A day is a date string ("2026-11-29"); under it, counters and their totals. A visit's own steps
are gathered in a `VisitTally` that keeps no order (a set of screens, three numbers), and only
its totals are ever added to a day. Parsing keeps every entry that is valid and names each one
that is not, so a damaged file loses only its damaged parts.

The file is JSON: {"format": 1, "days": {"2026-11-29": {"visits": 3, "screen:learn": 2}}}.
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

FORMAT = 1
KEEP_DAYS = 400  # a little over a year, so a clinic can compare a month with last year's
MAX_COUNTERS_PER_DAY = 500  # screen ids come from the content pack: tens, not hundreds
MAX_COUNT = 10**9

VISITS, PREVIEWS, QR_CODES, PRINTS = "visits", "previews", "qr_codes", "prints"
FIXED_COUNTERS = (VISITS, PREVIEWS, QR_CODES, PRINTS)
# "screen:learn" (a kiosk area: start, learn, preview, warning) or "screen:learn/risks" (a
# screen of Learn, by its id in the content pack).
SCREEN_PREFIX = "screen:"
LEARN_PREFIX = "learn/"

_NAME = r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
_SCREEN_ID = re.compile(f"{_NAME}(/{_NAME})?")

Day = dict[str, int]
Counts = dict[str, Day]  # "YYYY-MM-DD" -> counter -> total


def screen_counter(screen_id: str) -> str | None:
    """The counter for `screen_id`, or None for an id that is not a plain short name."""
    return SCREEN_PREFIX + screen_id if _SCREEN_ID.fullmatch(screen_id) else None


def is_counter(name: str) -> bool:
    if name in FIXED_COUNTERS:
        return True
    return name.startswith(SCREEN_PREFIX) and bool(_SCREEN_ID.fullmatch(name[len(SCREEN_PREFIX) :]))


@dataclass
class VisitTally:
    """One visit: which screens it opened (each once, in no order) and how many previews,
    QR codes and prints. Added to its day's totals when the visit ends, never stored alone."""

    day: str
    screens: set[str] = field(default_factory=set)
    previews: int = 0
    qr_codes: int = 0
    prints: int = 0

    def totals(self) -> Day:
        totals = {VISITS: 1, PREVIEWS: self.previews, QR_CODES: self.qr_codes, PRINTS: self.prints}
        for screen_id in self.screens:
            if (counter := screen_counter(screen_id)) is not None:
                totals[counter] = 1
        return {name: count for name, count in totals.items() if count}


def add_day(counts: Counts, day: str, totals: Mapping[str, int]) -> None:
    """Add `totals` to `day` in `counts` (in place), each total capped at MAX_COUNT."""
    target = counts.setdefault(day, {})
    for name, count in totals.items():
        target[name] = min(target.get(name, 0) + count, MAX_COUNT)


def merged(*parts: Counts) -> Counts:
    result: Counts = {}
    for part in parts:
        for day, totals in part.items():
            add_day(result, day, totals)
    return result


def pruned(counts: Counts, today: date) -> Counts:
    """The last KEEP_DAYS days up to `today`, and never more than KEEP_DAYS days in all (a day
    after `today`, from a clock that was wrong for a while, is kept within that bound)."""
    oldest = (today - timedelta(days=KEEP_DAYS - 1)).isoformat()
    kept = sorted(day for day in counts if day >= oldest)[-KEEP_DAYS:]
    return {day: dict(counts[day]) for day in kept}


def serialize(counts: Counts) -> bytes:
    days = {day: dict(sorted(counts[day].items())) for day in sorted(counts)}
    return (json.dumps({"format": FORMAT, "days": days}, indent=1) + "\n").encode("utf-8")


def parse(data: bytes) -> tuple[Counts, list[str]]:
    """The counts in `data`, and what was wrong with it (empty when nothing was). Never raises:
    an entry that is not valid is left out and named; the rest is kept."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        return {}, [f"not valid JSON ({type(error).__name__}); no counts could be read"]
    if not isinstance(document, dict) or not isinstance(document.get("days"), dict):
        return {}, ['expected an object with a "days" table; no counts could be read']
    problems: list[str] = []
    if document.get("format") != FORMAT:
        problems.append(f"expected format {FORMAT}, got {document.get('format')!r}")
    counts: Counts = {}
    for day, totals in document["days"].items():
        if not _is_day(day):
            problems.append(f"{day!r}: expected a date like 2026-11-29; left out")
        elif not isinstance(totals, dict):
            problems.append(f"{day}: expected a table of counters; left out")
        else:
            good = _good_totals(day, totals, problems)
            if good:
                add_day(counts, day, good)
    return counts, problems


def _is_day(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _good_totals(day: str, totals: Mapping[str, object], problems: list[str]) -> Day:
    good: Day = {}
    for name, count in totals.items():
        if not is_counter(name):
            problems.append(f"{day}: {name[:80]!r} is not a counter; left out")
        elif type(count) is not int or not 0 <= count <= MAX_COUNT:
            problems.append(f"{day} {name}: expected a whole number, got {count!r}; left out")
        elif len(good) >= MAX_COUNTERS_PER_DAY:
            problems.append(f"{day}: more than {MAX_COUNTERS_PER_DAY} counters; the rest left out")
            break
        else:
            good[name] = count
    return good


def screen_ids(counts: Counts) -> list[str]:
    """Every screen id counted on any day, sorted."""
    names = {name for totals in counts.values() for name in totals}
    return sorted(n[len(SCREEN_PREFIX) :] for n in names if n.startswith(SCREEN_PREFIX))


def csv_rows(counts: Counts) -> Iterable[tuple[str, str, int]]:
    """(date, counter, count) for every counter of every day, oldest day first; the fixed
    counters always, as 0 when nothing happened, so a spreadsheet sees every column."""
    for day in sorted(counts):
        totals = counts[day]
        for name in FIXED_COUNTERS:
            yield day, name, totals.get(name, 0)
        for name in sorted(n for n in totals if n.startswith(SCREEN_PREFIX)):
            yield day, name, totals[name]
