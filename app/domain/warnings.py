"""Warning signs: one three-level model, written once in the content pack, shown everywhere.

The levels are fixed by the content brief (§7) and read the same on every surface:
  emergency     call the local emergency number now;
  call_today    call the clinic today, or a doctor / urgent-care / out-of-hours service when the
                clinic cannot be reached;
  office_hours  call the clinic in office hours.

The pack holds the structure in ``warning_signs.toml`` (which sign sits at which level, with its
sources; the check-in rules) and every word in ``<lang>/warning_signs.toml``, the same split as
protocol.toml and aftercare.toml. Loading is plain Python (no validation library), collects every
problem with file and field, and returns frozen dataclasses. The check-in rules are applied by
app.domain.checkin.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.schema import Problem


class Level(StrEnum):
    EMERGENCY = "emergency"
    CALL_TODAY = "call_today"
    OFFICE_HOURS = "office_hours"

    @property
    def urgency(self) -> int:
        """0 is the most urgent; used to pick the highest level among several reasons."""
        return LEVELS.index(self)


LEVELS: tuple[Level, ...] = (Level.EMERGENCY, Level.CALL_TODAY, Level.OFFICE_HOURS)
SYMPTOMS: tuple[str, ...] = ("redness", "swelling", "pain")
SEVERITIES: tuple[str, ...] = ("none", "mild", "moderate", "severe")
REASON_KINDS: tuple[str, ...] = ("severe", "worse", "lingering", "all_clear")

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SOURCE = re.compile(r"^S[0-9]+$")
# A check-in rule's day thresholds: the aftercare course is weeks, never years.
MAX_RULE_DAY = 366


@dataclass(frozen=True)
class Sign:
    id: str
    level: Level
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A yes/no red-flag question of the daily check-in; "yes" points to `sign`."""

    id: str
    sign: str


@dataclass(frozen=True)
class CheckInRules:
    symptoms: tuple[str, ...]
    questions: tuple[Question, ...]
    severe_level: Level  # any symptom answered "severe", on any day
    worse_after_day: int  # a symptom worse than at the last check-in, on a later day than this
    worse_level: Level
    lingering_symptom: str  # still there (mild or more) on a later day than lingering_after_day
    lingering_after_day: int
    lingering_level: Level


@dataclass(frozen=True)
class WarningModel:
    """The language-neutral structure: signs by level, and the check-in rules."""

    signs: tuple[Sign, ...]
    checkin: CheckInRules

    def sign(self, sign_id: str) -> Sign:
        for sign in self.signs:
            if sign.id == sign_id:
                return sign
        raise KeyError(sign_id)

    def signs_at(self, level: Level) -> tuple[Sign, ...]:
        return tuple(sign for sign in self.signs if sign.level is level)


@dataclass(frozen=True)
class LevelText:
    label: str  # one word or two beside the icon: "Emergency", "Call today", "Office hours"
    title: str  # the heading of the level's box
    action: str  # what to do, one or two sentences


@dataclass(frozen=True)
class WarningText:
    """Every word of the model in one language. Texts may hold placeholders such as
    {{emergency_number}} and {{clinic_name}}; the caller fills them."""

    levels: Mapping[Level, LevelText]
    signs: Mapping[str, str]
    questions: Mapping[str, str]
    symptoms: Mapping[str, str]
    severities: Mapping[str, str]
    reasons: Mapping[str, str]  # severe / worse / lingering / all_clear; {{symptom}} filled in
    checkin_title: str
    checkin_intro: str
    unknown_number: str  # stands for the number when the region has none in the pack

    def emergency_number(self, numbers: Mapping[str, str], region: str) -> str:
        """The number to call in `region` (an ISO 3166 code), or words saying "your local
        emergency number" when the pack does not know the region: never a guessed number."""
        return numbers.get(region.upper(), self.unknown_number)

    def sign_text(self, sign_id: str) -> str:
        return self.signs[sign_id]


class _Reader:
    """Collects problems for one file while its parts are read; every read returns a usable
    value (possibly empty) so that one mistake never hides the next."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    def table(self, data: Mapping[str, object], key: str, where: str) -> Mapping[str, object]:
        value = data.get(key)
        if value is None:
            self.add(where, "missing; expected a table")
            return {}
        if not isinstance(value, Mapping):
            self.add(where, f"expected a table, got {_kind(value)}")
            return {}
        return value

    def text(self, data: Mapping[str, object], key: str, where: str) -> str:
        value = data.get(key)
        if value is None:
            self.add(where, "missing; expected some text")
            return ""
        if not isinstance(value, str):
            self.add(where, f"expected text in quotes, got {_kind(value)}")
            return ""
        if not value.strip():
            self.add(where, "expected some text, got an empty string")
            return ""
        return value

    def integer(self, data: Mapping[str, object], key: str, where: str, low: int, high: int) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, f"expected a whole number from {low} to {high}, got {_kind(value)}")
            return low
        if not low <= value <= high:
            self.add(where, f"expected a whole number from {low} to {high}, got {value}")
            return max(low, min(high, value))
        return value

    def level(self, data: Mapping[str, object], key: str, where: str) -> Level:
        value = data.get(key)
        if isinstance(value, str) and value in {str(level) for level in LEVELS}:
            return Level(value)
        expected = ", ".join(f'"{level}"' for level in LEVELS)
        self.add(where, f"expected one of {expected}, got {_shown(value)}")
        return Level.CALL_TODAY

    def array(self, data: Mapping[str, object], key: str, where: str) -> list[object]:
        value = data.get(key)
        if value is None:
            self.add(where, "missing; expected a list")
            return []
        if not isinstance(value, list):
            self.add(where, f"expected a list, got {_kind(value)}")
            return []
        return value

    def unknown_keys(self, data: Mapping[str, object], allowed: Sequence[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                expected = ", ".join(allowed)
                prefix = f"{where}." if where else ""
                self.add(f"{prefix}{key}", f"unknown key; expected one of: {expected}")


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def model_from_mapping(data: Mapping[str, object], file: str) -> tuple[WarningModel, list[Problem]]:
    """The structure from ``warning_signs.toml``'s parsed data, and every problem in it."""
    read = _Reader(file)
    read.unknown_keys(data, ("signs", "checkin"), "")
    signs: list[Sign] = []
    seen: set[str] = set()
    for number, entry in enumerate(read.array(data, "signs", "signs"), start=1):
        where = f"signs[{number}]"
        if not isinstance(entry, Mapping):
            read.add(where, f"expected a table with id and level, got {_kind(entry)}")
            continue
        read.unknown_keys(entry, ("id", "level", "sources"), where)
        sign_id = read.text(entry, "id", f"{where}.id")
        if sign_id and not _ID.match(sign_id):
            read.add(f"{where}.id", 'expected lowercase letters, digits and hyphens, like "fever"')
            sign_id = ""
        if sign_id in seen:
            read.add(f"{where}.id", f'"{sign_id}" is used twice; each sign is written once')
            sign_id = ""
        level = read.level(entry, "level", f"{where}.level")
        sources: list[str] = []
        raw_sources = entry.get("sources", [])
        if not isinstance(raw_sources, list):
            read.add(f"{where}.sources", f'expected a list like ["S50"], got {_kind(raw_sources)}')
        else:
            for position, key in enumerate(raw_sources, start=1):
                if isinstance(key, str) and _SOURCE.match(key):
                    sources.append(key)
                else:
                    read.add(
                        f"{where}.sources[{position}]",
                        f'expected a key like "S50", got {_shown(key)}',
                    )
        if sign_id:
            seen.add(sign_id)
            signs.append(Sign(sign_id, level, tuple(sources)))
    for level in LEVELS:
        if signs and not any(sign.level is level for sign in signs):
            read.add("signs", f'no sign at level "{level}"; every level needs at least one')
    rules = _checkin_from(read, read.table(data, "checkin", "checkin"), seen)
    return WarningModel(tuple(signs), rules), read.problems


def _checkin_from(read: _Reader, data: Mapping[str, object], signs: set[str]) -> CheckInRules:
    allowed = (
        "symptoms", "questions", "severe_level", "worse_after_day", "worse_level",
        "lingering_symptom", "lingering_after_day", "lingering_level",
    )  # fmt: skip
    read.unknown_keys(data, allowed, "checkin")
    symptoms: list[str] = []
    for position, name in enumerate(read.array(data, "symptoms", "checkin.symptoms"), start=1):
        if name in SYMPTOMS and name not in symptoms:
            symptoms.append(str(name))
        else:
            expected = ", ".join(f'"{s}"' for s in SYMPTOMS)
            read.add(
                f"checkin.symptoms[{position}]",
                f"expected one of {expected}, once each, got {_shown(name)}",
            )
    questions: list[Question] = []
    ids: set[str] = set()
    for number, entry in enumerate(read.array(data, "questions", "checkin.questions"), start=1):
        where = f"checkin.questions[{number}]"
        if not isinstance(entry, Mapping):
            read.add(where, f"expected a table with id and sign, got {_kind(entry)}")
            continue
        read.unknown_keys(entry, ("id", "sign"), where)
        question_id = read.text(entry, "id", f"{where}.id")
        sign_id = read.text(entry, "sign", f"{where}.sign")
        if question_id and not _ID.match(question_id):
            read.add(f"{where}.id", 'expected lowercase letters, digits and hyphens, like "fever"')
            continue
        if question_id in ids:
            read.add(f"{where}.id", f'"{question_id}" is used twice')
            continue
        if sign_id and sign_id not in signs:
            read.add(f"{where}.sign", f'no sign "{sign_id}" in signs; expected the id of a sign')
            continue
        if question_id and sign_id:
            ids.add(question_id)
            questions.append(Question(question_id, sign_id))
    lingering = data.get("lingering_symptom")
    if lingering not in symptoms:
        read.add(
            "checkin.lingering_symptom",
            f"expected one of checkin.symptoms, got {_shown(lingering)}",
        )
        lingering = symptoms[0] if symptoms else SYMPTOMS[0]
    return CheckInRules(
        symptoms=tuple(symptoms),
        questions=tuple(questions),
        severe_level=read.level(data, "severe_level", "checkin.severe_level"),
        worse_after_day=read.integer(
            data, "worse_after_day", "checkin.worse_after_day", 1, MAX_RULE_DAY
        ),
        worse_level=read.level(data, "worse_level", "checkin.worse_level"),
        lingering_symptom=str(lingering),
        lingering_after_day=read.integer(
            data, "lingering_after_day", "checkin.lingering_after_day", 1, MAX_RULE_DAY
        ),
        lingering_level=read.level(data, "lingering_level", "checkin.lingering_level"),
    )


def text_from_mapping(
    data: Mapping[str, object], file: str, model: WarningModel
) -> tuple[WarningText, list[Problem]]:
    """The words from ``<lang>/warning_signs.toml``, checked against the structure: every
    level, sign, question, symptom, severity and reason must have its text, and no text may
    stand for something the structure does not have."""
    read = _Reader(file)
    read.unknown_keys(data, ("levels", "signs", "checkin", "emergency"), "")
    levels_data = read.table(data, "levels", "levels")
    read.unknown_keys(levels_data, [str(level) for level in LEVELS], "levels")
    levels: dict[Level, LevelText] = {}
    for level in LEVELS:
        where = f"levels.{level}"
        entry = read.table(levels_data, str(level), where)
        read.unknown_keys(entry, ("label", "title", "action"), where)
        levels[level] = LevelText(
            read.text(entry, "label", f"{where}.label"),
            read.text(entry, "title", f"{where}.title"),
            read.text(entry, "action", f"{where}.action"),
        )
    signs = _texts(read, read.table(data, "signs", "signs"), "signs", [s.id for s in model.signs])
    checkin = read.table(data, "checkin", "checkin")
    read.unknown_keys(
        checkin, ("title", "intro", "questions", "symptoms", "severities", "reasons"), "checkin"
    )
    questions = _texts(
        read, read.table(checkin, "questions", "checkin.questions"), "checkin.questions",
        [q.id for q in model.checkin.questions],
    )  # fmt: skip
    symptoms = _texts(
        read, read.table(checkin, "symptoms", "checkin.symptoms"), "checkin.symptoms",
        list(model.checkin.symptoms),
    )  # fmt: skip
    severities = _texts(
        read, read.table(checkin, "severities", "checkin.severities"), "checkin.severities",
        list(SEVERITIES),
    )  # fmt: skip
    reasons = _texts(
        read, read.table(checkin, "reasons", "checkin.reasons"), "checkin.reasons",
        list(REASON_KINDS),
    )  # fmt: skip
    text = WarningText(
        levels=levels,
        signs=signs,
        questions=questions,
        symptoms=symptoms,
        severities=severities,
        reasons=reasons,
        checkin_title=read.text(checkin, "title", "checkin.title"),
        checkin_intro=read.text(checkin, "intro", "checkin.intro"),
        unknown_number=read.text(
            read.table(data, "emergency", "emergency"), "unknown", "emergency.unknown"
        ),
    )
    return text, read.problems


def _texts(
    read: _Reader, data: Mapping[str, object], where: str, expected: Sequence[str]
) -> dict[str, str]:
    texts: dict[str, str] = {}
    for key in expected:
        value = read.text(data, key, f"{where}.{key}")
        texts[key] = value
    for key in data:
        if key not in expected:
            read.add(f"{where}.{key}", "has text, but there is no such entry in warning_signs.toml")
    return texts


_REGION = re.compile(r"^[A-Z]{2}$")
_NUMBER = re.compile(r"^[0-9]{2,4}$")


def numbers_from_mapping(
    data: Mapping[str, object], file: str
) -> tuple[dict[str, str], list[Problem]]:
    """Emergency numbers by region from ``emergency_numbers.toml``: ``[regions]`` maps a
    two-letter ISO 3166 code to the number dialled there."""
    read = _Reader(file)
    read.unknown_keys(data, ("regions",), "")
    numbers: dict[str, str] = {}
    for region, number in read.table(data, "regions", "regions").items():
        where = f"regions.{region}"
        if not _REGION.match(region):
            read.add(where, 'expected a two-letter region code in capitals, like "US" or "GB"')
        elif not isinstance(number, str) or not _NUMBER.match(number):
            read.add(
                where,
                f'expected the number in quotes, 2 to 4 digits like "911", got {_shown(number)}',
            )
        else:
            numbers[region] = number
    return numbers, read.problems
