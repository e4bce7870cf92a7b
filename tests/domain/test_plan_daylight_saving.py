"""The time rules pinned on real daylight-saving changes.

Hours are real elapsed time; days land on the same local wall-clock time. Each case names a
treatment as the patient entered it (local wall time in their zone) and the local wall time the
app must show, with the test protocol's timings (tests/fixtures): makeup 30 real hours, sweat
60 real hours, sun protection 10 calendar days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.plan import RecoveryPlan, build_plan, start_of_day
from app.domain.protocol import Duration
from tests.fixtures.testpack import CLOCK_CHANGE_CASES, MAKEUP, PROTOCOL, TEXT


def _plan(zone_name: str, wall: datetime, **overrides: Duration) -> RecoveryPlan:
    zone = ZoneInfo(zone_name)
    protocol = PROTOCOL.with_overrides(overrides) if overrides else PROTOCOL
    return build_plan(wall.replace(tzinfo=zone), zone, protocol, TEXT)


def _wall(moment: datetime) -> datetime:
    """The naive wall-clock reading, for comparing with what the patient sees."""
    return moment.replace(tzinfo=None)


def _elapsed(plan: RecoveryPlan, rule_id: str) -> timedelta:
    return plan.ends_at(rule_id).astimezone(UTC) - plan.treated_at.astimezone(UTC)


def test_makeup_allowed_after_its_real_hours_across_spring_forward() -> None:
    plan = _plan("America/New_York", datetime(2026, 3, 7, 16, 0))
    makeup = plan.ends_at("makeup")
    assert _wall(makeup) == datetime(2026, 3, 8, 23, 0)  # 22:00 had the clocks stood still
    assert makeup.utcoffset() == timedelta(hours=-4)
    assert _elapsed(plan, "makeup") == timedelta(hours=30)


def test_sun_protection_ends_at_same_wall_time_n_days_later_across_spring_forward() -> None:
    plan = _plan("America/New_York", datetime(2026, 3, 7, 16, 0))
    assert _wall(plan.ends_at("sun")) == datetime(2026, 3, 17, 16, 0)
    # One hour less than 10 x 24 hours really passes, because a clock hour was skipped.
    assert _elapsed(plan, "sun") == timedelta(days=10, hours=-1)


def test_makeup_allowed_after_its_real_hours_across_fall_back() -> None:
    plan = _plan("America/New_York", datetime(2026, 10, 31, 16, 0))
    assert _wall(plan.ends_at("makeup")) == datetime(2026, 11, 1, 21, 0)
    assert _elapsed(plan, "makeup") == timedelta(hours=30)


def test_sun_protection_ends_at_same_wall_time_n_days_later_across_fall_back() -> None:
    plan = _plan("America/New_York", datetime(2026, 10, 31, 16, 0))
    assert _wall(plan.ends_at("sun")) == datetime(2026, 11, 10, 16, 0)
    assert _elapsed(plan, "sun") == timedelta(days=10, hours=1)


@pytest.mark.parametrize(("zone", "treated", "makeup", "sun"), CLOCK_CHANGE_CASES)
def test_makeup_in_real_hours_and_sun_in_calendar_days_across_every_clock_change(
    zone: str, treated: datetime, makeup: datetime, sun: datetime
) -> None:
    plan = _plan(zone, treated)
    assert _wall(plan.ends_at("makeup")) == makeup
    assert _elapsed(plan, "makeup") == MAKEUP
    assert _wall(plan.ends_at("sun")) == sun


def test_sweat_rule_in_hours_is_real_time_not_calendar_days() -> None:
    plan = _plan("America/New_York", datetime(2026, 3, 7, 16, 0))
    # 60 hours: 04:00 on the third day after by the old clock, 05:00 by the moved one.
    assert _wall(plan.ends_at("sweat")) == datetime(2026, 3, 10, 5, 0)


def test_day_rule_ending_in_a_skipped_hour_moves_forward_by_the_gap() -> None:
    # 02:30 on 2026-03-08 does not exist in New York (02:00 jumps to 03:00).
    plan = _plan("America/New_York", datetime(2026, 2, 26, 2, 30))
    sun = plan.ends_at("sun")
    assert _wall(sun) == datetime(2026, 3, 8, 3, 30)
    assert sun.utcoffset() == timedelta(hours=-4)


def test_day_rule_ending_in_a_repeated_hour_takes_its_first_occurrence() -> None:
    # 01:30 on 2026-11-01 happens twice in New York; fold=0 is the first, still on EDT.
    plan = _plan("America/New_York", datetime(2026, 10, 22, 1, 30))
    sun = plan.ends_at("sun")
    assert _wall(sun) == datetime(2026, 11, 1, 1, 30)
    assert sun.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_treatment_in_the_second_repeated_hour_keeps_its_real_instant() -> None:
    zone = ZoneInfo("America/New_York")
    second = datetime(2026, 11, 1, 1, 30, tzinfo=zone, fold=1)  # 06:30 UTC, on EST
    plan = build_plan(second, zone, PROTOCOL, TEXT)
    assert plan.treated_at.astimezone(UTC) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    assert plan.ends_at("makeup").astimezone(UTC) == datetime(2026, 11, 2, 12, 30, tzinfo=UTC)


def test_day_starting_in_a_gap_begins_at_the_first_wall_time_after_it() -> None:
    # Chile moves from 00:00 to 01:00 on 2026-09-06, so that date starts at 01:00.
    zone = ZoneInfo("America/Santiago")
    assert _wall(start_of_day(date(2026, 9, 6), zone)) == datetime(2026, 9, 6, 1, 0)
    plan = _plan("America/Santiago", datetime(2026, 9, 2, 10, 0))
    early_days = next(span for span in plan.phases if span.id == "early-days")  # to end of day 4
    assert _wall(early_days.ends_at) == datetime(2026, 9, 6, 1, 0)


def test_samoa_skipped_date_still_counts_as_a_calendar_day() -> None:
    # Samoa skipped 2011-12-30 entirely when it moved across the date line.
    plan = _plan("Pacific/Apia", datetime(2011, 12, 29, 10, 0))
    assert _wall(plan.ends_at("makeup")) == datetime(2011, 12, 31, 16, 0)
    assert _elapsed(plan, "makeup") == timedelta(hours=30)
    assert _wall(plan.ends_at("sun")) == datetime(2012, 1, 8, 10, 0)
    assert plan.day_number(date(2011, 12, 31)) == 3
    assert plan.checklist_for(date(2011, 12, 30)) == []  # no moment of that date exists


def test_treated_at_may_be_given_in_utc_and_is_shown_in_the_patient_zone() -> None:
    zone = ZoneInfo("America/New_York")
    plan = build_plan(datetime(2026, 3, 7, 21, 0, tzinfo=UTC), zone, PROTOCOL, TEXT)
    assert plan.treated_at.tzinfo is zone
    assert _wall(plan.treated_at) == datetime(2026, 3, 7, 16, 0)
    assert all(m.at.tzinfo is zone for m in plan.milestones)


def test_naive_treatment_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_plan(datetime(2026, 3, 7, 16, 0), ZoneInfo("America/New_York"), PROTOCOL, TEXT)


def test_time_until_counts_real_hours_across_the_change() -> None:
    plan = _plan("America/New_York", datetime(2026, 3, 7, 16, 0))
    now = datetime(2026, 3, 8, 1, 0, tzinfo=ZoneInfo("America/New_York"))
    makeup = next(m for m in plan.milestones if m.rule_id == "makeup")
    # 01:00 EST to 23:00 EDT is 21 real hours, not the 22 the wall clock suggests.
    assert plan.time_until(now, makeup) == timedelta(hours=21)


def test_hour_override_across_spring_forward_still_counts_real_hours() -> None:
    plan = _plan("America/New_York", datetime(2026, 3, 7, 22, 0), makeup=Duration(12, "hours"))
    assert _wall(plan.ends_at("makeup")) == datetime(2026, 3, 8, 11, 0)
