"""A patient's treatments as a series: which one is current, its plan, and what comes next.

Plain data in, plain data out: the store's records are turned into TreatmentInput by the UI.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.clock import as_utc
from app.domain.plan import RecoveryPlan, build_plan
from app.domain.protocol import AftercareText, Duration, Protocol, overrides_from_mapping
from app.domain.schema import ProtocolError

# How far back a treatment may be entered: older ones have no aftercare left to follow. How far
# ahead: a booked treatment is "getting ready" for up to a year; later than that is a typo.
MAX_AGE = timedelta(days=366)
MAX_AHEAD = timedelta(days=366)
# Sessions are weeks apart; two this close are more likely one entered twice than a plan.
CLOSE_SESSIONS = timedelta(days=7)


@dataclass(frozen=True)
class TreatmentInput:
    id: int
    treated_at: datetime  # aware
    zone: str  # IANA name
    overrides: Mapping[str, Duration] = field(default_factory=dict)


@dataclass(frozen=True)
class SeriesPosition:
    """Where the patient is now. `plan` is None before the first treatment. `upcoming` is
    the first treatment still ahead of `now` (getting ready for it), with its own plan, so a
    timeline can be shown before it; the state is derived from the clock, never stored, and
    the same record becomes `current` at its time."""

    current: TreatmentInput | None
    plan: RecoveryPlan | None
    session_number: int  # 1-based; 0 when there is no treatment yet
    total_sessions: int
    upcoming: TreatmentInput | None = None
    upcoming_plan: RecoveryPlan | None = None

    @property
    def getting_ready(self) -> bool:
        """Before the first treatment, with one booked."""
        return self.current is None and self.upcoming is not None


class EntryProblem(Enum):
    """Why a treatment time cannot be saved; the UI turns each into plain words."""

    TOO_FAR_AHEAD = "too-far-ahead"
    TOO_OLD = "too-old"
    UNKNOWN_ZONE = "unknown-zone"
    NOT_A_TIME = "not-a-time"  # a local time skipped by a clock change (spring forward)


def check_entry(local: datetime, zone_name: str, now: datetime) -> EntryProblem | None:
    """Is `local` (a naive wall-clock time in `zone_name`) a time a treatment can have, within
    a year before or after `now`?"""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return EntryProblem.UNKNOWN_ZONE
    aware = local.replace(tzinfo=zone)
    # A wall time in a spring-forward gap does not survive a round trip through UTC.
    if as_utc(aware).astimezone(zone).replace(tzinfo=None) != local:
        return EntryProblem.NOT_A_TIME
    moment, current = as_utc(aware), as_utc(now, "now")
    if moment - current > MAX_AHEAD:
        return EntryProblem.TOO_FAR_AHEAD
    if current - moment > MAX_AGE:
        return EntryProblem.TOO_OLD
    return None


@dataclass(frozen=True)
class CloseSession:
    """Another session less than a week from the one being entered."""

    other: TreatmentInput
    days_apart: int  # calendar days from the other's date to the new one's; < 0: before it


def close_session(
    moment: datetime,
    zone_name: str,
    others: Sequence[TreatmentInput],
    leave_out: int | None = None,
) -> CloseSession | None:
    """The nearest of `others` (but `leave_out`, the one being changed) within CLOSE_SESSIONS
    of `moment`, counted in calendar days on the new session's clock; None when none is."""
    instant = as_utc(moment)
    near = [
        t
        for t in others
        if t.id != leave_out and abs(as_utc(t.treated_at) - instant) <= CLOSE_SESSIONS
    ]
    if not near:
        return None
    nearest = min(near, key=lambda t: (abs(as_utc(t.treated_at) - instant), t.id))
    zone = ZoneInfo(zone_name)
    days = instant.astimezone(zone).date() - as_utc(nearest.treated_at).astimezone(zone).date()
    return CloseSession(nearest, days.days)


def overrides_from_record(data: Mapping[str, object], source: str) -> dict[str, Duration]:
    """A treatment's stored overrides; a record that no longer parses counts as none."""
    try:
        return overrides_from_mapping(data, source)
    except ProtocolError:
        return {}


def plan_for(
    treatment: TreatmentInput,
    protocol: Protocol,
    text: AftercareText,
    clinic_overrides: Mapping[str, Duration],
) -> RecoveryPlan:
    """Clinic overrides first, then the treatment's own, each remembered as who set the value
    (the words say "Your clinic asks" only for those); unknown rule ids are left out."""
    known = set(protocol.rule_ids)
    clinic = {k: v for k, v in clinic_overrides.items() if k in known}
    own = {k: v for k, v in treatment.overrides.items() if k in known}
    adjusted = protocol
    if clinic:
        adjusted = adjusted.with_overrides(clinic, set_by="clinic")
    if own:
        adjusted = adjusted.with_overrides(own, set_by="treatment")
    return build_plan(
        as_utc(treatment.treated_at).astimezone(UTC),
        ZoneInfo(treatment.zone),
        adjusted,
        text,
    )


def position_at(
    treatments: Sequence[TreatmentInput],
    now: datetime,
    protocol: Protocol,
    text: AftercareText,
    clinic_overrides: Mapping[str, Duration] | None = None,
) -> SeriesPosition:
    """The latest treatment at or before `now` is the current one; its plan runs until the
    next treatment replaces it. The first one after `now` is the upcoming one."""
    ordered = sorted(treatments, key=lambda t: (as_utc(t.treated_at), t.id))
    moment = as_utc(now, "now")
    past = [t for t in ordered if as_utc(t.treated_at) <= moment]
    ahead = [t for t in ordered if as_utc(t.treated_at) > moment]
    overrides = clinic_overrides or {}
    upcoming = ahead[0] if ahead else None
    upcoming_plan = plan_for(upcoming, protocol, text, overrides) if upcoming else None
    if not past:
        return SeriesPosition(None, None, 0, len(ordered), upcoming, upcoming_plan)
    current = past[-1]
    plan = plan_for(current, protocol, text, overrides)
    return SeriesPosition(current, plan, len(past), len(ordered), upcoming, upcoming_plan)
