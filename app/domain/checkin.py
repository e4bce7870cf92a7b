"""The daily skin check-in: what the patient answered, and which triage level it leads to.

The rules are data (``[checkin]`` in the pack's warning_signs.toml, read by app.domain.warnings):
a "yes" to a red-flag question leads to its sign's level; a "severe" symptom on any day, a
symptom worse than at the last check-in after the first days, and a symptom still there after the
usual course each lead to the level the pack names. The answer is the most urgent of these, with
every reason, so the card can say why. Nothing chosen is "not answered", never "none".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from app.domain.warnings import SEVERITIES, CheckInRules, Level, WarningModel


class Severity(IntEnum):
    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3

    @property
    def key(self) -> str:
        """The word's key in the pack ("none", "mild", ...)."""
        return SEVERITIES[self.value]


@dataclass(frozen=True)
class CheckIn:
    """One day's answers. A symptom missing from `scores` was not answered."""

    local_date: date
    day: int  # 1 is the local calendar date of the treatment
    scores: Mapping[str, Severity] = field(default_factory=dict)
    yes: frozenset[str] = frozenset()  # ids of the red-flag questions answered "yes"
    note: str = ""
    no: frozenset[str] = frozenset()  # answered "no": an answer too, though it points nowhere

    @property
    def answered(self) -> bool:
        return bool(self.scores) or bool(self.yes) or bool(self.no)


@dataclass(frozen=True)
class Reason:
    """Why a level was reached: a sign (a red-flag question), or a rule about a symptom."""

    level: Level
    kind: str  # "sign", "severe", "worse", "lingering"
    subject: str  # the sign id for "sign", else the symptom


@dataclass(frozen=True)
class Triage:
    level: Level | None  # None: nothing answered points to a call
    reasons: tuple[Reason, ...] = ()


def triage(today: CheckIn, previous: CheckIn | None, model: WarningModel) -> Triage:
    """The triage level for `today`'s answers. `previous` is the last earlier check-in (any
    earlier day), for the "getting worse" rule."""
    rules = model.checkin
    reasons: list[Reason] = []
    for question in rules.questions:
        if question.id in today.yes:
            reasons.append(Reason(model.sign(question.sign).level, "sign", question.sign))
    for symptom in rules.symptoms:
        score = today.scores.get(symptom)
        if score is None:
            continue
        if score is Severity.SEVERE:
            reasons.append(Reason(rules.severe_level, "severe", symptom))
        if _worse(symptom, score, today, previous, rules):
            reasons.append(Reason(rules.worse_level, "worse", symptom))
        if (
            symptom == rules.lingering_symptom
            and today.day > rules.lingering_after_day
            and score >= Severity.MILD
        ):
            reasons.append(Reason(rules.lingering_level, "lingering", symptom))
    if not reasons:
        return Triage(None)
    ordered = sorted(reasons, key=lambda reason: reason.level.urgency)
    return Triage(ordered[0].level, tuple(ordered))


def _worse(
    symptom: str,
    score: Severity,
    today: CheckIn,
    previous: CheckIn | None,
    rules: CheckInRules,
) -> bool:
    if today.day <= rules.worse_after_day or previous is None:
        return False
    before = previous.scores.get(symptom)
    return before is not None and score > before


def trend(history: list[CheckIn], symptom: str) -> list[Severity | None]:
    """The symptom's score at each check-in of `history`, oldest first, None where it was not
    answered: what the small trend line draws."""
    return [entry.scores.get(symptom) for entry in sorted(history, key=lambda c: c.local_date)]
