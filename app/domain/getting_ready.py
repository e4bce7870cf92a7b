"""Getting ready for a treatment: the before-treatment list, by days before, from the pack.

`before.toml` (beside protocol.toml) says when each item starts to apply, in whole days before
the treatment date (0: on the day); `<lang>/before.toml` holds its words. These timings are
clinic practice, not guideline evidence (content brief §4, §11.7): the words say "Many clinics
ask…" unless a clinic config sets the value, like the aftercare rules. A pack without the files
has no list; a broken one raises one ProtocolError listing every problem (docs/content-format.md,
"before.toml").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.schema import Collector, FieldPath

MAX_DAYS_BEFORE = 30  # a month ahead is as early as any clinic sheet starts
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
KINDS = ("task", "note")  # a task gets a tick box; a note is something to know


@dataclass(frozen=True)
class BeforeItem:
    id: str
    days_before: int  # 0 is the treatment day
    kind: str  # "task" or "note"
    text: str  # "Many clinics ask…" or, when a clinic set the value, "Your clinic asks…"
    set_by_clinic: bool = False

    def starts_on(self, treatment_date: date) -> date:
        return treatment_date - timedelta(days=self.days_before)


@dataclass(frozen=True)
class GettingReady:
    items: tuple[BeforeItem, ...]  # in file order

    def groups(self) -> list[tuple[int, list[BeforeItem]]]:
        """(days before, items) from the earliest to the treatment day."""
        by_days: dict[int, list[BeforeItem]] = {}
        for item in self.items:
            by_days.setdefault(item.days_before, []).append(item)
        return sorted(by_days.items(), key=lambda group: -group[0])

    def due_by(self, treatment_date: date, today: date) -> list[BeforeItem]:
        """The items that apply by `today` (their start date has come)."""
        return [item for item in self.items if item.starts_on(treatment_date) <= today]


def _int_in(check: Collector, value: object, path: FieldPath) -> int | None:
    if type(value) is not int or not 0 <= value <= MAX_DAYS_BEFORE:
        check.add(path, f"expected a whole number from 0 to {MAX_DAYS_BEFORE}, got {value!r}")
        return None
    return value


def getting_ready_from_mapping(
    timings: Mapping[str, object],
    words: Mapping[str, object],
    source: str,
    clinic_days: Mapping[str, int] | None = None,
) -> GettingReady:
    """Every timing needs words (a default and a clinic-set wording, each with {days}), every
    words entry a timing; days within 0..MAX_DAYS_BEFORE. `clinic_days` (id -> days before)
    from a clinic config replaces a default and switches to the "Your clinic asks" words."""
    check = Collector(source)
    raw_items = check.table(timings.get("before", {}), ("before",))
    raw_words = check.table(words.get("before", {}), ("before",))
    clinic = dict(clinic_days or {})
    for extra in sorted(set(raw_words) - set(raw_items)):
        check.add(("before", extra), "words for an item that before.toml does not list")
    for unknown in sorted(set(clinic) - set(raw_items)):
        check.add(("clinic", unknown), "a clinic timing for an item the pack does not list")
    items: list[BeforeItem] = []
    for item_id, raw in raw_items.items():
        path: FieldPath = ("before", item_id)
        if not re.match(ID_PATTERN, item_id):
            check.add(path, "expected an id of a-z, 0-9 and -")
        entry = check.table(raw, path)
        check.known_keys(entry, ("days_before", "kind"), path)
        days = _int_in(check, entry.get("days_before"), (*path, "days_before"))
        kind = entry.get("kind", "task")
        if kind not in KINDS:
            check.add((*path, "kind"), f"expected one of {', '.join(KINDS)}, got {kind!r}")
        said = check.table(raw_words.get(item_id, {}), path)
        check.known_keys(said, ("text", "text_clinic"), path)
        text, text_clinic = said.get("text"), said.get("text_clinic", said.get("text"))
        if not isinstance(text, str) or not text.strip():
            check.add((*path, "text"), "expected the item's words")
            continue
        set_by_clinic = item_id in clinic
        if set_by_clinic:
            days = _int_in(check, clinic[item_id], ("clinic", item_id))
        if days is None or kind not in KINDS:
            continue
        chosen = (str(text_clinic) if set_by_clinic else text).replace("{days}", str(days))
        items.append(BeforeItem(item_id, days, str(kind), chosen, set_by_clinic))
    check.raise_if_any()
    return GettingReady(tuple(items))


@dataclass(frozen=True)
class BeforeFiles:
    """before.toml and its words as the pack loader read and checked them; the list itself is
    made with the clinic's timings in force (`getting_ready`), without reading a file again."""

    timings: Mapping[str, object]
    words: Mapping[str, object]
    source: str

    def getting_ready(self, clinic_days: Mapping[str, int] | None = None) -> GettingReady:
        return getting_ready_from_mapping(self.timings, self.words, self.source, clinic_days)
