"""The words of a check-in's answer, from the pack: the card's title, action and reasons.

Shared by the check-in card on Today and the "for my clinic" summary, so both say the same.
Placeholders in the pack's warning texts ({{emergency_number}}, {{clinic_name}}, {{symptom}})
are filled here; the caller gives the values (the patient's region, the clinic config).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.checkin import CheckIn, Triage, triage
from app.domain.warnings import Level, WarningModel, WarningText

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def fill_words(text: str, values: Mapping[str, str]) -> str:
    """`text` with each ``{{name}}`` that `values` has replaced; any other is left as written,
    so a typo in a pack shows (validate-pack reports it) instead of vanishing."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


@dataclass(frozen=True)
class CardWords:
    level: Level | None  # None: nothing answered needs a call ("all clear")
    label: str  # the level's word beside its icon; "" for all clear (the caller names it)
    title: str
    action: str
    reasons: tuple[str, ...]


def card_words(result: Triage, text: WarningText, values: Mapping[str, str]) -> CardWords:
    """What the card says for `result`. `values` fills {{emergency_number}} and
    {{clinic_name}}; each reason about a symptom gets its name in lower case."""
    if result.level is None:
        return CardWords(None, "", "", fill_words(text.reasons["all_clear"], values), ())
    level_text = text.levels[result.level]
    reasons: list[str] = []
    for reason in result.reasons:
        if reason.kind == "sign":
            line = text.sign_text(reason.subject)
        else:
            symptom = text.symptoms.get(reason.subject, reason.subject).lower()
            line = fill_words(text.reasons[reason.kind], {**values, "symptom": symptom})
        line = fill_words(line, values)
        if line not in reasons:  # two rules about one symptom can read alike
            reasons.append(line)
    return CardWords(
        result.level,
        level_text.label,
        fill_words(level_text.title, values),
        fill_words(level_text.action, values),
        tuple(reasons),
    )


def triaged_history(
    history: Sequence[CheckIn], model: WarningModel
) -> list[tuple[CheckIn, Triage]]:
    """Each check-in, oldest first, with the level it reached at the time: compared with the
    last earlier check-in that had an answer, as the card was."""
    results: list[tuple[CheckIn, Triage]] = []
    previous: CheckIn | None = None
    for entry in sorted(history, key=lambda c: c.local_date):
        results.append((entry, triage(entry, previous, model)))
        if entry.answered:
            previous = entry
    return results


def previous_answered(history: Sequence[CheckIn], today: CheckIn) -> CheckIn | None:
    """The last check-in before `today` that had an answer: what "worse than last time"
    compares with."""
    earlier = [c for c in history if c.local_date < today.local_date and c.answered]
    return max(earlier, key=lambda c: c.local_date, default=None)
