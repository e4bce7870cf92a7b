"""The aftercare protocol (timings, phases, checklist rules); its words are in
app.domain.aftercare_text (re-exported here).

`protocol.toml` is language-neutral: how long each rule lasts, where each phase ends, when each
checklist item is shown. `<lang>/aftercare.toml` holds every patient-facing word for it, so the
domain never carries English of its own. Both are loaded into frozen dataclasses; a broken file
raises one `ProtocolError` listing every problem. The format is described in
docs/content-format.md ("protocol.toml and aftercare.toml").

The timings are clinic practice, not guideline evidence, so the shipped values are defaults:
a clinic config may override any rule, and a single treatment may override it again
(`Protocol.with_overrides`). The protocol remembers who set each overridden value
(`Protocol.set_by_of`), so the words can be honest about it: "Your clinic asks you to wait 48
hours" only for a value a clinic (or the treatment) set, "Many clinics ask you to wait 24
hours. Check your clinic's sheet." for a pack default (`AftercareText.detail`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

# The words for a protocol live in app.domain.aftercare_text (which imports this module for
# annotations only); re-exported so callers keep importing the timeline's vocabulary from here.
from app.domain.aftercare_text import DURATION_PLACEHOLDER as DURATION_PLACEHOLDER
from app.domain.aftercare_text import AftercareText as AftercareText
from app.domain.aftercare_text import PhaseText as PhaseText
from app.domain.aftercare_text import RuleText as RuleText
from app.domain.aftercare_text import UnitWords as UnitWords
from app.domain.aftercare_text import aftercare_text_from_mapping as aftercare_text_from_mapping
from app.domain.aftercare_text import describe_duration as describe_duration
from app.domain.aftercare_text import load_aftercare_text as load_aftercare_text
from app.domain.aftercare_text import text_problems as text_problems
from app.domain.schema import RULE_ID_PATTERN, Collector, FieldPath, read_toml
from app.domain.schema import Problem as Problem  # re-exported: callers catch them from here
from app.domain.schema import ProtocolError as ProtocolError

if TYPE_CHECKING:  # pydantic: imported only when a file is really checked
    from app.domain.schema_models import ChecklistModel, PhaseModel, RuleModel

Unit = Literal["hours", "days"]
MilestoneKind = Literal["ends", "next_session"]
# Who set a rule's value: the clinic config, or one treatment's own overrides. A rule nobody
# overrode has the pack's default (None where a SetBy | None is asked for).
SetBy = Literal["clinic", "treatment"]


@dataclass(frozen=True)
class Duration:
    """A rule's length. Hours are real elapsed time; days are calendar days at the same
    local wall-clock time (see app.domain.plan)."""

    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1:
            raise ValueError(f"Duration amount must be a whole number >= 1, got {self.amount!r}")
        if self.unit not in ("hours", "days"):
            raise ValueError(f"Duration unit must be 'hours' or 'days', got {self.unit!r}")


@dataclass(frozen=True)
class DurationRange:
    """What published clinic sheets say, for information only; overrides are not limited by it."""

    min: int
    max: int
    unit: Unit


@dataclass(frozen=True)
class Rule:
    id: str
    duration: Duration
    kind: MilestoneKind = "ends"
    typical: DurationRange | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class AfterHours:
    """The phase ends this many real hours after the treatment."""

    hours: int


@dataclass(frozen=True)
class EndOfDay:
    """The phase ends when local day `day` ends (day 1 is the treatment date)."""

    day: int


@dataclass(frozen=True)
class AtMilestone:
    """The phase ends when the rule `rule_id` ends."""

    rule_id: str


PhaseEnd = AfterHours | EndOfDay | AtMilestone


@dataclass(frozen=True)
class Phase:
    """A stretch of recovery. It starts where the previous phase ended and runs `until`."""

    id: str
    until: PhaseEnd


@dataclass(frozen=True)
class DayRange:
    first: int
    last: int

    def __contains__(self, day_number: object) -> bool:
        return isinstance(day_number, int) and self.first <= day_number <= self.last


@dataclass(frozen=True)
class ChecklistRule:
    """When a daily checklist item is shown. All given conditions must hold on the date:
    `days` (day numbers, inclusive), `while_in_force` (the rule is in force at some moment of
    that local date), `once_ended` (the rule ended at or before that date's first moment)."""

    id: str
    days: DayRange | None = None
    while_in_force: str | None = None
    once_ended: str | None = None
    kind: Literal["task", "rule"] = "task"  # a rule is a status row following while_in_force


@dataclass(frozen=True)
class Protocol:
    rules: tuple[Rule, ...]
    phases: tuple[Phase, ...]
    checklist: tuple[ChecklistRule, ...]
    source: str = "<protocol>"
    # (rule id, who set it) for each rule whose value an override set, in rule order. A tuple,
    # not a dict, so the protocol stays hashable like the rest of its frozen parts.
    set_by: tuple[tuple[str, SetBy], ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def rule(self, rule_id: str) -> Rule:
        return {rule.id: rule for rule in self.rules}[rule_id]

    def set_by_of(self, rule_id: str) -> SetBy | None:
        """Who set rule `rule_id`'s value: "clinic", "treatment", or None for the default."""
        return dict(self.set_by).get(rule_id)

    def with_overrides(
        self,
        overrides: Mapping[str, Duration],
        *,
        source: str = "overrides",
        set_by: SetBy = "clinic",
    ) -> Protocol:
        """A copy with some rule durations replaced (clinic config, then one treatment), each
        remembered as set by `set_by`; a later call wins for a rule both set.
        Unknown rule ids are an error: a typo must not silently leave the default in force."""
        known = self.rule_ids
        problems = [
            Problem(source, rule_id, f"unknown rule; expected one of: {', '.join(known)}")
            for rule_id in overrides
            if rule_id not in known
        ]
        if problems:
            raise ProtocolError(problems)
        rules = tuple(
            replace(rule, duration=overrides[rule.id]) if rule.id in overrides else rule
            for rule in self.rules
        )
        who = dict(self.set_by) | dict.fromkeys(overrides, set_by)
        ordered = tuple((rule_id, who[rule_id]) for rule_id in known if rule_id in who)
        return replace(self, rules=rules, set_by=ordered)


def load_protocol(path: Path) -> Protocol:
    return protocol_from_mapping(read_toml(path), str(path))


def _rule_from(rule_id: str, model: RuleModel) -> Rule:
    typical = None
    if model.typical is not None:
        typical = DurationRange(model.typical.min, model.typical.max, model.unit)
    duration = Duration(model.amount, model.unit)
    return Rule(rule_id, duration, model.kind, typical, tuple(model.sources))


def _phase_from(model: PhaseModel) -> Phase:
    until = model.until
    if until.hours is not None:
        return Phase(model.id, AfterHours(until.hours))
    if until.end_of_day is not None:
        return Phase(model.id, EndOfDay(until.end_of_day))
    return Phase(model.id, AtMilestone(str(until.rule)))


def _checklist_from(model: ChecklistModel) -> ChecklistRule:
    days = DayRange(model.days.first, model.days.last) if model.days is not None else None
    return ChecklistRule(model.id, days, model.while_in_force, model.once_ended, model.kind)


def protocol_from_mapping(data: Mapping[str, object], source: str) -> Protocol:
    """Build a Protocol from parsed TOML, or raise ProtocolError listing every problem.
    Cross-references (a phase or checklist item naming a rule) are checked too, against the
    rule names in the file, even when some of those rules are themselves broken."""
    from app.domain.schema_models import ChecklistModel, PhaseModel, RuleModel

    check = Collector(source)
    check.known_keys(data, ("format", "rules", "phases", "checklist"), ())
    version = data.get("format")
    if type(version) is not int or version != 1:  # not 1.0 or true, which equal 1 in Python
        check.add(("format",), f"expected 1, got {version!r}")

    rules: list[Rule] = []
    raw_rules = check.table(data.get("rules", {}), ("rules",))
    if not raw_rules:
        check.add(("rules",), "expected at least one rule")
    for rule_id, raw in raw_rules.items():
        if not re.match(RULE_ID_PATTERN, rule_id):
            check.add(("rules", rule_id), "expected a rule name of a-z, 0-9 and _")
        if (rule_model := check.model(RuleModel, raw, ("rules", rule_id))) is not None:
            rules.append(_rule_from(rule_id, rule_model))
    if sum(rule.kind == "next_session" for rule in rules) > 1:
        check.add(("rules",), "expected at most one rule with kind = 'next_session'")

    def known(ref: str | None, path: FieldPath) -> None:
        if ref is not None and ref not in raw_rules:
            check.add(path, f"expected the id of a rule in [rules], got {ref!r}")

    phases: list[Phase] = []
    phase_ids: list[tuple[FieldPath, str]] = []
    raw_phases = check.array(data.get("phases", []), ("phases",))
    if not raw_phases:
        check.add(("phases",), "expected at least one [[phases]] entry")
    for index, raw in enumerate(raw_phases, start=1):
        if (phase_model := check.model(PhaseModel, raw, ("phases", index))) is not None:
            known(phase_model.until.rule, ("phases", index, "until", "rule"))
            phases.append(_phase_from(phase_model))
            phase_ids.append((("phases", index, "id"), phase_model.id))
    check.unique(phase_ids)

    checklist: list[ChecklistRule] = []
    item_ids: list[tuple[FieldPath, str]] = []
    for index, raw in enumerate(check.array(data.get("checklist", []), ("checklist",)), 1):
        if (item_model := check.model(ChecklistModel, raw, ("checklist", index))) is not None:
            known(item_model.while_in_force, ("checklist", index, "while_in_force"))
            known(item_model.once_ended, ("checklist", index, "once_ended"))
            checklist.append(_checklist_from(item_model))
            item_ids.append((("checklist", index, "id"), item_model.id))
    check.unique(item_ids)

    check.raise_if_any()
    return Protocol(tuple(rules), tuple(phases), tuple(checklist), source)


def overrides_from_mapping(
    data: Mapping[str, object], source: str, path: FieldPath = ()
) -> dict[str, Duration]:
    """Parse `{rule_id = {amount = 48, unit = "hours"}, ...}` as found in a clinic config or
    a treatment record, naming `source` and `path` in errors. Rule ids are checked later, by
    `Protocol.with_overrides`, because only the protocol knows them."""
    if not data:  # most treatments carry no overrides: no need for the validator then
        return {}
    from app.domain.schema_models import DurationModel

    check = Collector(source)
    overrides: dict[str, Duration] = {}
    for rule_id, raw in data.items():
        if (model := check.model(DurationModel, raw, (*path, rule_id))) is not None:
            overrides[rule_id] = Duration(model.amount, model.unit)
    check.raise_if_any()
    return overrides
