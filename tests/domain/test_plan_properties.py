"""Properties of a recovery plan over many zones, instants 2000-2037 and overridden timings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.plan import RecoveryPlan, build_plan
from app.domain.protocol import Duration, Protocol
from tests.fixtures.testpack import PROTOCOL, TEXT

# "localtime" follows the machine and "Factory" is a placeholder zone; neither is a patient's.
ALL_ZONES = sorted(available_timezones() - {"localtime", "Factory"})
# Zones with daylight saving in both hemispheres, changes at midnight, half-hour shifts and a
# skipped date: always in the mix, so every run meets the hard cases.
HARD_ZONES = [
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "America/Santiago",
    "America/Havana",
    "Asia/Beirut",
    "Pacific/Apia",
    "Europe/Dublin",
    "America/Sao_Paulo",
]

zones = st.one_of(st.sampled_from(HARD_ZONES), st.sampled_from(ALL_ZONES)).map(ZoneInfo)
instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31, 23, 59)
).map(lambda naive: naive.replace(tzinfo=UTC))
durations = st.one_of(
    st.builds(Duration, st.integers(1, 24 * 60), st.just("hours")),
    st.builds(Duration, st.integers(1, 90), st.just("days")),
)
overrides = st.dictionaries(st.sampled_from(PROTOCOL.rule_ids), durations, max_size=5)

PROPERTY = settings(max_examples=300, deadline=None)


def _plan(instant: datetime, zone: ZoneInfo, changes: dict[str, Duration]) -> RecoveryPlan:
    protocol: Protocol = PROTOCOL.with_overrides(changes)
    return build_plan(instant, zone, protocol, TEXT)


@PROPERTY
@given(instants, zones, overrides)
def test_hour_rules_end_after_exactly_that_many_real_seconds(
    instant: datetime, zone: ZoneInfo, changes: dict[str, Duration]
) -> None:
    plan = _plan(instant, zone, changes)
    for rule in plan.protocol.rules:
        if rule.duration.unit == "hours":
            elapsed = plan.ends_at(rule.id).astimezone(UTC) - instant
            assert elapsed.total_seconds() == rule.duration.amount * 3600


@PROPERTY
@given(instants, zones, overrides)
def test_day_rules_end_on_local_date_plus_n_at_the_same_wall_time_when_it_exists(
    instant: datetime, zone: ZoneInfo, changes: dict[str, Duration]
) -> None:
    plan = _plan(instant, zone, changes)
    local_start = instant.astimezone(zone).replace(tzinfo=None)
    for rule in plan.protocol.rules:
        if rule.duration.unit != "days":
            continue
        target = local_start + timedelta(days=rule.duration.amount)
        end = plan.ends_at(rule.id)
        # Always: the instant zoneinfo gives the target wall time with fold=0.
        assert end.astimezone(UTC) == target.replace(tzinfo=zone, fold=0).astimezone(UTC)
        round_trip = target.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
        if round_trip.replace(tzinfo=None) == target:  # the wall time exists
            assert end.replace(tzinfo=None) == target
        else:  # it fell in a gap and moved forward, by less than a day
            assert target < end.replace(tzinfo=None) < target + timedelta(days=1)


@PROPERTY
@given(instants, zones, overrides)
def test_milestones_are_sorted_and_day_1_is_the_treatment_date(
    instant: datetime, zone: ZoneInfo, changes: dict[str, Duration]
) -> None:
    plan = _plan(instant, zone, changes)
    times = [m.at.astimezone(UTC) for m in plan.milestones]
    assert times == sorted(times)
    assert all(t > instant for t in times)
    assert plan.day_number(plan.local_date_of(instant)) == 1
    assert plan.day_number(instant.astimezone(zone).date()) == 1


@PROPERTY
@given(instants, zones, overrides)
def test_phases_are_contiguous_and_monotonic(
    instant: datetime, zone: ZoneInfo, changes: dict[str, Duration]
) -> None:
    plan = _plan(instant, zone, changes)
    spans = plan.phases
    assert spans[0].starts_at.astimezone(UTC) == instant
    assert not spans[0].is_empty
    for before, after in pairwise(spans):
        assert before.ends_at.astimezone(UTC) == after.starts_at.astimezone(UTC)
    for span in spans:
        assert span.ends_at.astimezone(UTC) >= span.starts_at.astimezone(UTC)
        if not span.is_empty:
            assert plan.phase_at(span.starts_at) == span.phase
    assert plan.phase_at(instant - timedelta(microseconds=1)) is None


@PROPERTY
@given(instants, zones, overrides, st.integers(1, 400))
def test_checklist_is_empty_before_treatment_and_after_recovery(
    instant: datetime, zone: ZoneInfo, changes: dict[str, Duration], days_away: int
) -> None:
    plan = _plan(instant, zone, changes)
    first_day = plan.treatment_date
    assert plan.checklist_for(first_day - timedelta(days=days_away)) == []
    last_day = first_day + timedelta(days=plan.recovery_length_days - 1)
    assert plan.checklist_for(last_day + timedelta(days=days_away)) == []
    assert plan.checklist_for(first_day) != []


@PROPERTY
@given(instants, zones, overrides, st.integers(0, 90 * 24 * 60))
def test_in_force_agrees_with_the_rule_end(
    instant: datetime, zone: ZoneInfo, changes: dict[str, Duration], minutes_later: int
) -> None:
    plan = _plan(instant, zone, changes)
    now = instant + timedelta(minutes=minutes_later)
    for rule in plan.protocol.rules:
        end = plan.ends_at(rule.id).astimezone(UTC)
        assert plan.in_force(rule.id, now) == (now < end)
    upcoming = plan.next_milestone(now)
    if upcoming is not None:
        assert plan.time_until(now, upcoming) > timedelta(0)
