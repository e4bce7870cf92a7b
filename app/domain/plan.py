"""A recovery plan: "treated at T in zone Z" turned into milestones, phases and daily checklists.

Time rules (docs/ARCHITECTURE "Time"):
- A rule in hours ends after that much real elapsed time, computed on UTC instants. So 24 hours
  across a spring-forward change ends at a wall-clock hour one later than the treatment's.
- A rule in days ends at the same local wall-clock time that many calendar days later: the
  arithmetic is done on the naive local datetime, and the result is put back in the zone.
- A local time that does not exist (it falls in a daylight-saving gap) is read with fold=0,
  which zoneinfo interprets with the offset in force before the gap; that moves it forward by
  the gap's length (02:30 on a spring-forward night becomes 03:30). A local time that exists
  twice (an autumn overlap) also uses fold=0: its first occurrence. Both cases are resolved
  the same way everywhere, including the start of a day whose midnight is skipped.
- "Day 1" is the local calendar date of the treatment. A local date covers the instants from
  its first moment to the next date's first moment.

All comparisons and subtractions are done in UTC. Python compares and subtracts two datetimes
that share a tzinfo by their wall-clock fields alone, which is wrong across a change.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from app.domain.clock import as_utc
from app.domain.protocol import (
    AftercareText,
    AfterHours,
    AtMilestone,
    Duration,
    EndOfDay,
    MilestoneKind,
    Phase,
    Protocol,
    ProtocolError,
    SetBy,
    text_problems,
)

__all__ = [
    "ChecklistEntry",
    "Milestone",
    "PhaseSpan",
    "RecoveryPlan",
    "add_duration",
    "build_plan",
    "localise",
    "round_up_to_half_hour",
    "start_of_day",
]

_TICK = timedelta(microseconds=1)


def localise(wall: datetime, zone: ZoneInfo) -> datetime:
    """Put a naive local wall time into `zone` as a real instant (see the module notes for
    gaps and overlaps). The result's wall time is the one a clock on the wall would show."""
    return wall.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


def start_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of local date `day`. When midnight is skipped (some zones change
    at 00:00) this is the first wall time after the gap, e.g. 01:00."""
    return localise(datetime.combine(day, time()), zone)


def add_duration(start: datetime, zone: ZoneInfo, duration: Duration) -> datetime:
    """When a rule that starts at `start` ends, in `zone`."""
    if duration.unit == "hours":
        return (as_utc(start) + timedelta(hours=duration.amount)).astimezone(zone)
    wall = as_utc(start).astimezone(zone).replace(tzinfo=None)
    return localise(wall + timedelta(days=duration.amount), zone)


def round_up_to_half_hour(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment` moved later to the next whole or half hour on the wall clock of `zone` (a
    moment already on one stays): the "from about 5:30 PM" of a clinic-practice timing.
    Never earlier than `moment`, as an instant or on the wall: rounding a restriction's end
    must not move it sooner. Done on the wall clock, so zones whose offset is not a whole hour
    (India, Nepal) round to their own half hours. A rounded wall time the clocks skip (spring
    forward) is read as localise() reads it, later by the gap; one they show twice (autumn)
    is the occurrence at or after `moment`."""
    start = as_utc(moment, "moment")
    wall = start.astimezone(zone).replace(tzinfo=None)
    base = wall.replace(minute=0, second=0, microsecond=0)
    steps = [base + timedelta(minutes=m) for m in (0, 30, 60)]
    rounded = next(step for step in steps if step >= wall)
    for fold in (0, 1):
        candidate = rounded.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if candidate >= start:
            return candidate.astimezone(zone)
    return start.astimezone(zone)  # a guard: the wall time is never earlier in both folds


@dataclass(frozen=True)
class Milestone:
    rule_id: str
    at: datetime  # aware, in the patient's zone
    kind: MilestoneKind  # "ends" (a restriction lifts) or "next_session"
    label: str  # from aftercare text: "You can wear makeup again"
    countdown: str  # from aftercare text: the subject of "Makeup OK in 5 h 12 min"
    detail: str  # from aftercare text, duration filled in, worded for who set the value
    set_by: SetBy | None = None  # "clinic" or "treatment" set the value; None: pack default

    @property
    def about(self) -> datetime:
        """When to say it happens: `at` rounded later to the wall clock's next whole or half
        hour. These timings are clinic practice, not exact science."""
        zone = self.at.tzinfo
        assert isinstance(zone, ZoneInfo)  # build_plan puts every milestone in the plan zone
        return round_up_to_half_hour(self.at, zone)


@dataclass(frozen=True)
class PhaseSpan:
    """A phase placed in time: [starts_at, ends_at). A phase whose end the protocol puts
    before the previous phase's end (a short next-session override, say) is empty."""

    phase: Phase
    starts_at: datetime
    ends_at: datetime
    name: str
    normal: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.phase.id

    @property
    def is_empty(self) -> bool:
        return as_utc(self.ends_at) <= as_utc(self.starts_at)

    def contains(self, now: datetime) -> bool:
        return as_utc(self.starts_at) <= as_utc(now) < as_utc(self.ends_at)


@dataclass(frozen=True)
class ChecklistEntry:
    id: str
    text: str
    rule_id: str | None = None  # for a status row (kind "rule"): the rule it follows

    @property
    def is_rule(self) -> bool:
        return self.rule_id is not None


@dataclass(frozen=True)
class RecoveryPlan:
    treated_at: datetime  # aware, in `zone`
    zone: ZoneInfo
    protocol: Protocol  # with any overrides already applied
    text: AftercareText
    milestones: tuple[Milestone, ...]  # sorted by time, then by rule order
    phases: tuple[PhaseSpan, ...]  # in protocol order, contiguous
    ends: tuple[tuple[str, datetime], ...]  # (rule id, end) in protocol order

    @property
    def treatment_date(self) -> date:
        return self.treated_at.date()

    @cached_property
    def recovery_length_days(self) -> int:
        """The M in "Day N of M": the last day number on which a restriction (a rule of
        kind "ends") is in force or the checklist has an item. With the defaults that is the
        day sun protection ends: treated at 16:00, 14 days of it end at 16:00 on day 15. The
        next session is not a restriction and does not count."""
        restriction_days = [
            self._last_day_of(rule.id) for rule in self.protocol.rules if rule.kind == "ends"
        ]
        # No item can show after every rule has ended and every day range is over.
        bound = max(
            [self._last_day_of(rule.id) for rule in self.protocol.rules]
            + [item.days.last for item in self.protocol.checklist if item.days is not None]
        )
        checklist_day = next(
            (
                day
                for day in range(bound, 0, -1)
                if self.checklist_for(self.treatment_date + timedelta(days=day - 1))
            ),
            1,
        )
        return max([checklist_day, *restriction_days])

    @property
    def last_aftercare_date(self) -> date:
        """The local date of the last day of aftercare (day `recovery_length_days`): from
        the next day on, the patient's aftercare is finished, though sunscreen goes on."""
        return self.treatment_date + timedelta(days=self.recovery_length_days - 1)

    def _last_day_of(self, rule_id: str) -> int:
        """The day number of the last local date with a moment under rule `rule_id`."""
        return self.day_number(self.local_date_of(as_utc(self.ends_at(rule_id)) - _TICK))

    def ends_at(self, rule_id: str) -> datetime:
        """When rule `rule_id` stops being in force (aware, in the patient's zone)."""
        for key, end in self.ends:
            if key == rule_id:
                return end
        raise KeyError(rule_id)

    def in_force(self, rule_id: str, now: datetime) -> bool:
        """True from the treatment up to, not including, the rule's end."""
        moment = as_utc(now, "now")
        return as_utc(self.treated_at) <= moment < as_utc(self.ends_at(rule_id))

    def next_milestone(self, now: datetime) -> Milestone | None:
        """The first milestone strictly after `now`; one that is due exactly now has passed."""
        moment = as_utc(now, "now")
        return next((m for m in self.milestones if as_utc(m.at) > moment), None)

    def time_until(self, now: datetime, milestone: Milestone) -> timedelta:
        """Real elapsed time from `now` to the milestone; negative once it has passed."""
        return as_utc(milestone.at) - as_utc(now, "now")

    def span_at(self, now: datetime) -> PhaseSpan | None:
        """The phase `now` falls in, with its times and words. None before the treatment.
        After the last phase has ended, the last phase holds: it lasts until the patient's
        next treatment replaces this plan, which is not this plan's business."""
        moment = as_utc(now, "now")
        if moment < as_utc(self.treated_at):
            return None
        filled = [span for span in self.phases if not span.is_empty]
        return next((span for span in filled if span.contains(moment)), filled[-1])

    def phase_at(self, now: datetime) -> Phase | None:
        span = self.span_at(now)
        return span.phase if span is not None else None

    def local_date_of(self, now: datetime) -> date:
        return as_utc(now, "now").astimezone(self.zone).date()

    def day_number(self, local_date: date) -> int:
        """Day 1 is the treatment's local date; the day before it is day 0."""
        return (local_date - self.treatment_date).days + 1

    def checklist_for(self, local_date: date) -> list[ChecklistEntry]:
        """The items for one local date, in protocol order. An item is shown when every
        condition it has holds: its day range contains the date's day number; the rule in
        `while_in_force` is in force at some moment of the date; the rule in `once_ended`
        had ended by the date's first moment. Nothing is shown before day 1, nor on a date the
        zone skipped entirely (Samoa's 2011-12-30), though that date still counts as a day."""
        day = self.day_number(local_date)
        first = as_utc(start_of_day(local_date, self.zone))
        after = as_utc(start_of_day(local_date + timedelta(days=1), self.zone))
        if day < 1 or first >= after:  # a date a zone skipped has no moment to act in
            return []
        treated = as_utc(self.treated_at)
        entries: list[ChecklistEntry] = []
        for item in self.protocol.checklist:
            if item.days is not None and day not in item.days:
                continue
            if item.while_in_force is not None:
                end = as_utc(self.ends_at(item.while_in_force))
                # The rule's interval [treated, end) overlaps the date's [first, after).
                if not (treated < after and end > first):
                    continue
            if item.once_ended is not None and as_utc(self.ends_at(item.once_ended)) > first:
                continue
            follows = item.while_in_force if item.kind == "rule" else None
            entries.append(ChecklistEntry(item.id, self.text.item(item.id), follows))
        return entries


def _phase_end(
    phase: Phase, plan_start: datetime, zone: ZoneInfo, ends: dict[str, datetime]
) -> datetime:
    until = phase.until
    if isinstance(until, AfterHours):
        return plan_start + timedelta(hours=until.hours)
    if isinstance(until, EndOfDay):
        treatment_date = plan_start.astimezone(zone).date()
        return as_utc(start_of_day(treatment_date + timedelta(days=until.day), zone))
    assert isinstance(until, AtMilestone)
    return as_utc(ends[until.rule_id])


def build_plan(
    treated_at: datetime, zone: ZoneInfo, protocol: Protocol, text: AftercareText
) -> RecoveryPlan:
    """The recovery plan for one treatment. `treated_at` must be aware (any zone; it is the
    instant that matters); `protocol` already carries clinic and treatment overrides; `text`
    supplies every word the plan hands back and must cover the protocol's ids."""
    if treated_at.tzinfo is None or treated_at.utcoffset() is None:
        raise ValueError(f"treated_at must be timezone-aware, got naive {treated_at.isoformat()}")
    if problems := text_problems(protocol, text):
        raise ProtocolError(problems)
    start = as_utc(treated_at)
    local_start = start.astimezone(zone)

    ends = {rule.id: add_duration(start, zone, rule.duration) for rule in protocol.rules}
    order = {rule.id: index for index, rule in enumerate(protocol.rules)}
    milestones = sorted(
        (
            Milestone(
                rule.id,
                ends[rule.id],
                rule.kind,
                text.rule(rule.id).milestone,
                text.rule(rule.id).countdown,
                text.detail(rule, protocol.set_by_of(rule.id)),
                protocol.set_by_of(rule.id),
            )
            for rule in protocol.rules
        ),
        key=lambda m: (as_utc(m.at), order[m.rule_id]),
    )

    spans: list[PhaseSpan] = []
    span_start = start
    for phase in protocol.phases:
        # An end before the previous phase's end would make phases overlap or run backwards;
        # clamping keeps them contiguous and such a phase simply has no time of its own.
        span_end = max(_phase_end(phase, start, zone, ends), span_start)
        words = text.phase(phase.id)
        spans.append(
            PhaseSpan(
                phase,
                span_start.astimezone(zone),
                span_end.astimezone(zone),
                words.name,
                words.normal,
            )
        )
        span_start = span_end

    return RecoveryPlan(
        treated_at=local_start,
        zone=zone,
        protocol=protocol,
        text=text,
        milestones=tuple(milestones),
        phases=tuple(spans),
        ends=tuple((rule.id, ends[rule.id]) for rule in protocol.rules),
    )
