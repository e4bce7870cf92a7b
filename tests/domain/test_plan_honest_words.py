"""Words that are honest about where a timing came from and how exact it is: "Your clinic asks"
only for a value a clinic config or the treatment set, "Many clinics ask" for the pack's
default; times of clinic practice rounded later to the next whole or half hour ("from about").
On the test protocol (tests/fixtures): makeup 30 h, sweat 60 h, actives 5 days, sun 10 days,
next session 35 days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.clock import as_utc
from app.domain.plan import RecoveryPlan, build_plan, round_up_to_half_hour
from app.domain.protocol import Duration
from app.domain.series import TreatmentInput, plan_for
from tests.fixtures.testpack import PROTOCOL, TEXT

NEW_YORK = ZoneInfo("America/New_York")
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=NEW_YORK)


def _plan_for(clinic: dict[str, Duration], own: dict[str, Duration]) -> RecoveryPlan:
    treatment = TreatmentInput(1, TREATED, "America/New_York", own)
    return plan_for(treatment, PROTOCOL, TEXT, clinic)


def _who(plan: RecoveryPlan) -> dict[str, str | None]:
    return {m.rule_id: m.set_by for m in plan.milestones}


def test_without_overrides_every_rule_is_worded_as_the_packs_default() -> None:
    plan = _plan_for({}, {})
    assert set(_who(plan).values()) == {None}
    for milestone in plan.milestones:
        rule = plan.protocol.rule(milestone.rule_id)
        assert milestone.detail == TEXT.detail(rule, None)
        assert milestone.detail.startswith("Test default:")


def test_clinic_overrides_are_the_clinics_words_for_exactly_those_rules() -> None:
    plan = _plan_for({"makeup": Duration(48, "hours"), "sun": Duration(28, "days")}, {})
    assert _who(plan) == {
        "makeup": "clinic",
        "sweat": None,
        "actives": None,
        "sun": "clinic",
        "next_session": None,
    }
    details = {m.rule_id: m.detail for m in plan.milestones}
    assert details["makeup"] == "Test clinic: no makeup for 48 hours."
    assert details["sun"] == "Test clinic: careful sun care for 4 weeks."
    assert details["sweat"] == "Test default: many clinics say no hard sweating for 60 hours."


def test_a_treatments_own_value_is_the_clinics_word_and_wins_over_the_clinic() -> None:
    plan = _plan_for(
        {"makeup": Duration(48, "hours")},
        {"makeup": Duration(2, "days"), "sweat": Duration(3, "days")},
    )
    who = _who(plan)
    assert (who["makeup"], who["sweat"], who["actives"]) == ("treatment", "treatment", None)
    assert plan.protocol.rule("makeup").duration == Duration(2, "days")
    assert {m.rule_id: m.detail for m in plan.milestones}["makeup"] == (
        "Test clinic: no makeup for 2 days."
    )


def test_a_clinic_value_equal_to_the_default_is_still_the_clinics() -> None:
    # The clinic chose it: its sheet says so, whatever the pack's default happens to be.
    same = PROTOCOL.rule("makeup").duration
    assert _who(_plan_for({"makeup": same}, {}))["makeup"] == "clinic"


def test_the_protocol_remembers_who_set_each_rule_through_chained_overrides() -> None:
    clinic = PROTOCOL.with_overrides({"sun": Duration(14, "days")}, set_by="clinic")
    both = clinic.with_overrides({"makeup": Duration(1, "days")}, set_by="treatment")
    assert both.set_by == (("makeup", "treatment"), ("sun", "clinic"))  # in rule order
    assert both.set_by_of("actives") is None
    assert PROTOCOL.set_by == () and clinic.set_by_of("makeup") is None  # copies, untouched
    hash(both)  # still a plain frozen value


# --- "from about": rounded later to the wall clock's next whole or half hour ---------------


@pytest.mark.parametrize(
    ("wall", "rounded"),
    [
        (datetime(2026, 6, 7, 17, 0), datetime(2026, 6, 7, 17, 0)),  # on the hour: as it is
        (datetime(2026, 6, 7, 17, 0, 0, 1), datetime(2026, 6, 7, 17, 30)),
        (datetime(2026, 6, 7, 17, 1), datetime(2026, 6, 7, 17, 30)),
        (datetime(2026, 6, 7, 17, 30), datetime(2026, 6, 7, 17, 30)),
        (datetime(2026, 6, 7, 17, 31), datetime(2026, 6, 7, 18, 0)),
        (datetime(2026, 6, 7, 23, 45), datetime(2026, 6, 8, 0, 0)),  # into the next day
    ],
)
def test_a_time_is_rounded_later_to_the_next_whole_or_half_hour(
    wall: datetime, rounded: datetime
) -> None:
    result = round_up_to_half_hour(wall.replace(tzinfo=NEW_YORK), NEW_YORK)
    assert result.replace(tzinfo=None) == rounded
    assert result.tzinfo is NEW_YORK


@pytest.mark.parametrize(
    ("instant", "zone", "wall", "why"),
    [
        # 01:50 EST on the spring-forward night: 02:00 does not exist; it is 03:00 EDT.
        (datetime(2026, 3, 8, 6, 50, tzinfo=UTC), NEW_YORK, datetime(2026, 3, 8, 3, 0), "gap"),
        # 01:40 EDT, the first 01:40 of the autumn night: on to 02:00, after the repeat.
        (datetime(2026, 11, 1, 5, 40, tzinfo=UTC), NEW_YORK, datetime(2026, 11, 1, 2, 0), "1st"),
        # 01:10 EST, the second 01:10: 01:30 of the second pass, not the earlier first one.
        (datetime(2026, 11, 1, 6, 10, tzinfo=UTC), NEW_YORK, datetime(2026, 11, 1, 1, 30), "2nd"),
        # Kathmandu is UTC+5:45: its own half hours, not UTC's.
        (
            datetime(2026, 6, 7, 11, 20, tzinfo=UTC),
            ZoneInfo("Asia/Kathmandu"),
            datetime(2026, 6, 7, 17, 30),
            "offset",
        ),
    ],
)
def test_rounding_across_clock_changes_is_never_earlier(
    instant: datetime, zone: ZoneInfo, wall: datetime, why: str
) -> None:
    result = round_up_to_half_hour(instant, zone)
    assert result.replace(tzinfo=None) == wall, why
    assert as_utc(result) >= instant


_ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)),
    st.sampled_from(_ZONES),
)
def test_rounding_lands_on_a_half_hour_at_most_a_little_later(
    naive_utc: datetime, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    moment = naive_utc.replace(tzinfo=UTC)
    result = round_up_to_half_hour(moment, zone)
    later = as_utc(result) - moment
    # Never earlier; at most 30 minutes later, plus a skipped hour (or Lord Howe's half hour)
    # when the rounded wall time fell in a spring-forward gap.
    assert timedelta(0) <= later <= timedelta(minutes=90)
    wall = as_utc(result).astimezone(zone)
    assert (wall.minute, wall.second, wall.microsecond) in ((0, 0, 0), (30, 0, 0))
    assert wall.replace(tzinfo=None) >= moment.astimezone(zone).replace(tzinfo=None)


def test_a_milestones_about_is_its_time_rounded_in_the_plan_zone() -> None:
    plan = build_plan(datetime(2026, 3, 7, 16, 7, tzinfo=NEW_YORK), NEW_YORK, PROTOCOL, TEXT)
    makeup = next(m for m in plan.milestones if m.rule_id == "makeup")
    assert makeup.at.replace(tzinfo=None) == datetime(2026, 3, 8, 23, 7)  # 30 real hours
    assert makeup.about.replace(tzinfo=None) == datetime(2026, 3, 8, 23, 30)


def test_the_last_aftercare_date_is_the_date_of_day_m() -> None:
    plan = build_plan(TREATED, NEW_YORK, PROTOCOL, TEXT)
    # Sun care (10 calendar days) ends at 16:00 on day 11, Tuesday 17 March.
    assert plan.recovery_length_days == 11
    assert plan.last_aftercare_date == date(2026, 3, 17)
