"""The words of an aftercare protocol in one language (`<lang>/aftercare.toml`): units, each
rule's milestone, countdown and two instructions, each phase's name and what is normal, and the
checklist items. Every patient-facing word of the timeline lives there, so the domain carries no
English of its own. Loaded into frozen dataclasses; a broken file raises one `ProtocolError`
listing every problem. The format is in docs/content-format.md ("protocol.toml and
aftercare.toml"); the timings themselves are app.domain.protocol.

Each rule has two instructions, and which one a plan shows depends on who set the value in
force (app.domain.protocol.SetBy): `detail` ("Your clinic asks you to wait 48 hours") for a
value a clinic config or the treatment set, `detail_default` ("Many clinics ask you to wait 24
hours. Check your clinic's sheet.") for the pack's own default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.schema import Collector, Problem, read_toml

if TYPE_CHECKING:  # protocol.py imports this module; these are for annotations only
    from app.domain.protocol import Duration, Protocol, Rule, SetBy

DURATION_PLACEHOLDER = "{{duration}}"


@dataclass(frozen=True)
class UnitWords:
    hour: str
    hours: str
    day: str
    days: str
    week: str
    weeks: str


@dataclass(frozen=True)
class RuleText:
    rule_id: str
    milestone: str  # label for the moment the rule ends ("You can wear makeup again")
    countdown: str  # subject the UI puts before a time ("Makeup OK" in "Makeup OK in 5 h")
    detail: str  # for a value the clinic set: "Your clinic asks..."; {{duration}} is filled in
    detail_default: str  # for the pack's default: "Many clinics ask... Check your clinic's sheet."


@dataclass(frozen=True)
class PhaseText:
    phase_id: str
    name: str
    normal: tuple[str, ...]  # "what is normal now", one short sentence each


@dataclass(frozen=True)
class AftercareText:
    """Every patient-facing word for a protocol, in one language."""

    units: UnitWords
    rules: tuple[RuleText, ...]
    phases: tuple[PhaseText, ...]
    checklist: tuple[tuple[str, str], ...]  # (item id, text), in file order
    source: str = "<aftercare text>"

    # Lookups raise KeyError for an unknown id, like a dict would.
    def rule(self, rule_id: str) -> RuleText:
        return {text.rule_id: text for text in self.rules}[rule_id]

    def phase(self, phase_id: str) -> PhaseText:
        return {text.phase_id: text for text in self.phases}[phase_id]

    def item(self, item_id: str) -> str:
        return dict(self.checklist)[item_id]

    def detail(self, rule: Rule, set_by: SetBy | None = None) -> str:
        """The instruction for `rule`, its duration in words: the clinic's own wording when a
        clinic or the treatment set the value (`set_by`), the default's wording otherwise."""
        words = self.rule(rule.id)
        pattern = words.detail if set_by is not None else words.detail_default
        return pattern.replace(DURATION_PLACEHOLDER, describe_duration(rule.duration, self.units))


def describe_duration(duration: Duration, units: UnitWords) -> str:
    """Plain words for a duration: "24 hours", "1 day", "7 days", "4 weeks".
    Whole weeks are used from 2 weeks up, because "14 days" reads as more exact than a clinic
    means; below that, days say it more clearly than "1 week"."""
    amount, singular, plural = duration.amount, units.hour, units.hours
    if duration.unit == "days":
        if amount >= 14 and amount % 7 == 0:
            amount, singular, plural = amount // 7, units.week, units.weeks
        else:
            singular, plural = units.day, units.days
    return f"{amount} {singular if amount == 1 else plural}"


def load_aftercare_text(path: Path, protocol: Protocol | None = None) -> AftercareText:
    """Load one language's words; with `protocol`, also insist they cover it exactly."""
    return aftercare_text_from_mapping(read_toml(path), str(path), protocol)


def aftercare_text_from_mapping(
    data: Mapping[str, object], source: str, protocol: Protocol | None = None
) -> AftercareText:
    """Build the words for a protocol from parsed TOML, or raise ProtocolError listing every
    problem. With `protocol`, a missing or unknown id is a problem too."""
    from app.domain.schema_models import PhaseTextModel, RuleTextModel, UnitWordsModel

    check = Collector(source)
    check.known_keys(data, ("units", "rules", "phases", "checklist"), ())
    units = check.model(UnitWordsModel, data.get("units"), ("units",))

    raw_rules = check.table(data.get("rules", {}), ("rules",))
    raw_phases = check.table(data.get("phases", {}), ("phases",))
    raw_items = check.table(data.get("checklist", {}), ("checklist",))
    if protocol is not None:
        # Compare the ids written, not the entries that parsed: a broken entry is reported
        # once, for what is wrong with it, and not again as "missing".
        ids = (list(raw_rules), list(raw_phases), list(raw_items))
        check.problems.extend(_coverage_problems(protocol, source, *ids))

    rules: list[RuleText] = []
    for rule_id, raw in raw_rules.items():
        if (rule := check.model(RuleTextModel, raw, ("rules", rule_id))) is not None:
            for key, wording in (("detail", rule.detail), ("detail_default", rule.detail_default)):
                leftover = wording.replace(DURATION_PLACEHOLDER, "")
                if "{{" in leftover or "}}" in leftover:
                    check.add(("rules", rule_id, key), "expected no placeholder but {{duration}}")
            if rule.detail_default.strip() == rule.detail.strip():
                # The two say who set the value ("Your clinic asks" / "Many clinics ask"):
                # one wording for both would present a default as the clinic's own.
                check.add(
                    ("rules", rule_id, "detail_default"),
                    "expected words for the pack's default that differ from detail "
                    '(e.g. "Many clinics ask ... Check your clinic\'s sheet.")',
                )
            rules.append(
                RuleText(rule_id, rule.milestone, rule.countdown, rule.detail, rule.detail_default)
            )

    phases: list[PhaseText] = []
    for phase_id, raw in raw_phases.items():
        if (phase := check.model(PhaseTextModel, raw, ("phases", phase_id))) is not None:
            phases.append(PhaseText(phase_id, phase.name, tuple(phase.normal)))

    checklist: list[tuple[str, str]] = []
    for item_id, raw in raw_items.items():
        if isinstance(raw, str) and raw.strip():
            checklist.append((item_id, raw))
        else:
            check.add(("checklist", item_id), f"expected the item's text, got {raw!r}")

    check.raise_if_any()
    assert units is not None  # no [units] means a recorded problem, raised just above
    words = UnitWords(units.hour, units.hours, units.day, units.days, units.week, units.weeks)
    return AftercareText(words, tuple(rules), tuple(phases), tuple(checklist), source)


def text_problems(protocol: Protocol, text: AftercareText) -> list[Problem]:
    """Ids the protocol needs words for but the text lacks, and words for ids it does not have."""
    return _coverage_problems(
        protocol,
        text.source,
        [t.rule_id for t in text.rules],
        [t.phase_id for t in text.phases],
        [key for key, _ in text.checklist],
    )


def _coverage_problems(
    protocol: Protocol, source: str, rules: list[str], phases: list[str], items: list[str]
) -> list[Problem]:
    expected = f"expected exactly the ids in {protocol.source}"
    problems: list[Problem] = []
    pairs = (
        ("rules", protocol.rule_ids, rules),
        ("phases", [p.id for p in protocol.phases], phases),
        ("checklist", [c.id for c in protocol.checklist], items),
    )
    for table, needed, given in pairs:
        problems += [
            Problem(source, f"{table}.{i}", f"missing; {expected}")
            for i in needed
            if i not in given
        ]
        problems += [
            Problem(source, f"{table}.{i}", f"unknown id; {expected}")
            for i in given
            if i not in needed
        ]
    return problems
