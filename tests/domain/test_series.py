from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.protocol import Duration
from app.domain.series import (
    EntryProblem,
    TreatmentInput,
    check_entry,
    overrides_from_record,
    position_at,
)
from tests.fixtures.testpack import PROTOCOL, TEXT

NOW = datetime(2026, 4, 20, 12, tzinfo=UTC)


def test_a_time_over_a_year_ahead_or_ago_is_refused_and_a_booked_one_is_not() -> None:
    zone = "Europe/London"
    assert check_entry(datetime(2027, 4, 22, 14), zone, NOW) is EntryProblem.TOO_FAR_AHEAD
    assert check_entry(datetime(2026, 4, 20, 14), zone, NOW) is None  # booked: getting ready
    assert check_entry(datetime(2027, 4, 20, 12), zone, NOW) is None
    assert check_entry(datetime(2025, 4, 1, 12), zone, NOW) is EntryProblem.TOO_OLD
    assert check_entry(datetime(2026, 4, 20, 12), zone, NOW) is None


def test_a_wall_time_skipped_by_spring_forward_is_not_a_time() -> None:
    got = check_entry(datetime(2026, 3, 8, 2, 30), "America/New_York", NOW)
    assert got is EntryProblem.NOT_A_TIME


def test_an_unknown_zone_is_reported() -> None:
    assert check_entry(datetime(2026, 4, 1, 12), "Mars/Olympus", NOW) is EntryProblem.UNKNOWN_ZONE


def test_the_latest_past_treatment_is_current_and_counts_its_session() -> None:
    first = TreatmentInput(1, datetime(2026, 3, 1, 15, tzinfo=UTC), "Europe/London")
    second = TreatmentInput(2, datetime(2026, 4, 1, 15, tzinfo=UTC), "Europe/London")
    position = position_at([second, first], NOW, PROTOCOL, TEXT)
    assert position.current == second
    assert (position.session_number, position.total_sessions) == (2, 2)
    assert position.plan is not None
    earlier = position_at([first, second], datetime(2026, 3, 15, tzinfo=UTC), PROTOCOL, TEXT)
    assert earlier.current == first and earlier.session_number == 1


def test_no_treatment_yet_means_no_plan() -> None:
    position = position_at([], NOW, PROTOCOL, TEXT)
    assert position.plan is None and position.session_number == 0


def test_treatment_overrides_win_over_clinic_overrides() -> None:
    treated = datetime(2026, 4, 1, 15, tzinfo=UTC)
    own = TreatmentInput(1, treated, "UTC", {"sweat": Duration(5, "days")})
    clinic = {"sweat": Duration(48, "hours"), "makeup": Duration(12, "hours")}
    plan = position_at([own], NOW, PROTOCOL, TEXT, clinic).plan
    assert plan is not None
    assert plan.ends_at("sweat") - treated == timedelta(days=5)
    assert plan.ends_at("makeup") - treated == timedelta(hours=12)


@pytest.mark.parametrize("stored", [{"sweat": {"amount": 5, "unit": "days"}}, {"sweat": "5d"}])
def test_stored_overrides_parse_or_count_as_none(stored: dict[str, object]) -> None:
    parsed = overrides_from_record(stored, "treatment 1")
    assert parsed in ({"sweat": Duration(5, "days")}, {})


def test_a_booked_treatment_is_upcoming_until_its_time_then_current_with_no_change() -> None:
    booked = TreatmentInput(1, datetime(2026, 4, 23, 15, tzinfo=UTC), "Europe/London")
    before = position_at([booked], NOW, PROTOCOL, TEXT)
    assert before.getting_ready and before.upcoming == booked and before.plan is None
    assert before.upcoming_plan is not None
    after = position_at([booked], datetime(2026, 4, 23, 15, tzinfo=UTC), PROTOCOL, TEXT)
    assert not after.getting_ready and after.current == booked and after.upcoming is None
