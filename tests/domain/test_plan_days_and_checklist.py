"""The plan's days, phases, milestones and daily checklist, on the test protocol and its words
(tests/fixtures/protocol): makeup 30 h, sweat 60 h, actives 5 days, sun 10 days, next session
35 days; treated at 16:00 on Saturday 7 March 2026 in New York, the day before the clocks go
forward."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.plan import RecoveryPlan, build_plan
from app.domain.protocol import (
    Duration,
    ProtocolError,
    aftercare_text_from_mapping,
)
from tests.fixtures.testpack import PROTOCOL, TEXT

NEW_YORK = ZoneInfo("America/New_York")
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=NEW_YORK)  # a Saturday, the day before DST starts


def _plan(**overrides: Duration) -> RecoveryPlan:
    return build_plan(TREATED, NEW_YORK, PROTOCOL.with_overrides(overrides), TEXT)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    """Local wall time on recovery day `day` (day 1 = 2026-03-07)."""
    wall = datetime(2026, 3, 6, hour, minute) + timedelta(days=day)
    return wall.replace(tzinfo=NEW_YORK)


def _ids(plan: RecoveryPlan, day: int) -> list[str]:
    return [entry.id for entry in plan.checklist_for(date(2026, 3, 6) + timedelta(days=day))]


def test_day_1_is_the_local_date_of_the_treatment() -> None:
    plan = _plan()
    assert plan.day_number(date(2026, 3, 7)) == 1
    assert plan.day_number(date(2026, 3, 6)) == 0
    assert plan.day_number(date(2026, 3, 21)) == 15


def test_local_date_of_uses_the_patient_zone_not_utc() -> None:
    plan = _plan()
    late_evening = datetime(2026, 3, 8, 3, 30, tzinfo=UTC)  # 22:30 on 2026-03-07 in New York
    assert plan.local_date_of(late_evening) == date(2026, 3, 7)


def test_milestones_are_sorted_and_carry_their_words() -> None:
    plan = _plan()
    assert [m.rule_id for m in plan.milestones] == [
        "makeup",
        "sweat",
        "actives",
        "sun",
        "next_session",
    ]
    makeup = plan.milestones[0]
    assert (makeup.kind, makeup.label, makeup.countdown) == (
        "ends",
        TEXT.rule("makeup").milestone,
        TEXT.rule("makeup").countdown,
    )
    # Nobody overrode it: the default's wording ("Many clinics ask"), not the clinic's.
    assert makeup.detail == "Test default: many clinics say no makeup for 30 hours."
    assert makeup.set_by is None
    assert plan.milestones[-1].kind == "next_session"


def test_override_changes_the_milestone_and_its_order() -> None:
    plan = _plan(makeup=Duration(4, "days"))
    makeup = next(m for m in plan.milestones if m.rule_id == "makeup")
    assert makeup.at.replace(tzinfo=None) == datetime(2026, 3, 11, 16, 0)
    assert "4 days" in makeup.detail
    assert [m.rule_id for m in plan.milestones][:3] == ["sweat", "makeup", "actives"]


def test_next_milestone_skips_a_milestone_that_is_due_exactly_now() -> None:
    plan = _plan()
    makeup_time = plan.ends_at("makeup")
    before = plan.next_milestone(makeup_time - timedelta(seconds=1))
    assert before is not None and before.rule_id == "makeup"
    at = plan.next_milestone(makeup_time)
    assert at is not None and at.rule_id == "sweat"
    assert plan.next_milestone(plan.ends_at("next_session")) is None


def test_next_milestone_before_treatment_is_the_first_one() -> None:
    first = _plan().next_milestone(TREATED - timedelta(days=3))
    assert first is not None and first.rule_id == "makeup"


def test_in_force_from_treatment_until_the_end_exclusive() -> None:
    plan = _plan()
    assert not plan.in_force("makeup", TREATED - timedelta(seconds=1))
    assert plan.in_force("makeup", TREATED)
    assert plan.in_force("makeup", plan.ends_at("makeup") - timedelta(microseconds=1))
    assert not plan.in_force("makeup", plan.ends_at("makeup"))
    with pytest.raises(KeyError):
        plan.in_force("tanning", TREATED)


def test_phases_follow_each_other_from_first_hours_to_next_session() -> None:
    plan = _plan()
    expected = [
        ("right-after", _at(1, 21)),  # 5 hours
        ("early-days", _at(5, 0)),  # to the end of day 4
        ("first-week", _at(7, 0)),  # to the end of day 6
        ("settling", _at(22, 0)),  # to the end of day 21
        ("until-next-session", _at(36, 16)),  # 35 days
    ]
    assert [(span.id, span.ends_at) for span in plan.phases] == expected
    assert plan.phases[0].name == "Right after"
    assert plan.phases[0].normal


@pytest.mark.parametrize(
    ("moment", "phase_id"),
    [
        (_at(1, 16), "right-after"),
        (_at(1, 20, 59), "right-after"),
        (_at(1, 21), "early-days"),
        (_at(4, 23, 59), "early-days"),
        (_at(5, 0), "first-week"),
        (_at(7, 0), "settling"),
        (_at(22, 8), "until-next-session"),
        (_at(60, 8), "until-next-session"),  # the last phase holds until a new plan replaces it
    ],
)
def test_phase_at_each_moment(moment: datetime, phase_id: str) -> None:
    phase = _plan().phase_at(moment)
    assert phase is not None and phase.id == phase_id


def test_phase_before_treatment_is_none() -> None:
    plan = _plan()
    assert plan.phase_at(TREATED - timedelta(microseconds=1)) is None
    assert plan.span_at(TREATED - timedelta(hours=1)) is None


def test_short_next_session_override_leaves_the_last_phase_empty_not_backwards() -> None:
    plan = _plan(next_session=Duration(14, "days"))
    last = plan.phases[-1]
    assert last.id == "until-next-session" and last.is_empty
    assert last.starts_at == last.ends_at == plan.phases[-2].ends_at
    phase = plan.phase_at(_at(40, 12))
    assert phase is not None and phase.id == "settling"


def test_items_with_a_day_range_show_from_its_first_to_its_last_day() -> None:
    plan = _plan()
    shown = {
        item: [d for d in range(1, 15) if item in _ids(plan, d)]
        for item in ("gentle-wash", "moisturizer", "hands-off")
    }
    assert shown == {
        "gentle-wash": [1, 2, 3, 4, 5],
        "moisturizer": [1, 2, 3, 4, 5, 6],
        "hands-off": [1, 2, 3, 4],
    }


def test_rule_items_show_on_every_date_the_rule_is_in_force_at_some_moment() -> None:
    plan = _plan()
    # Sweating is fine from 05:00 on day 4 and strong skin care from 16:00 on day 6.
    assert [d for d in range(1, 15) if "no-sweating" in _ids(plan, d)] == [1, 2, 3, 4]
    assert [d for d in range(1, 15) if "no-actives" in _ids(plan, d)] == [1, 2, 3, 4, 5, 6]


def test_no_makeup_shown_while_makeup_rule_is_in_force_on_the_date() -> None:
    plan = _plan()  # makeup allowed from 23:00 on day 2
    assert "no-makeup" in _ids(plan, 1)
    assert "no-makeup" in _ids(plan, 2)
    assert "no-makeup" not in _ids(plan, 3)


def test_clean_brushes_shown_once_makeup_ended_before_the_day_began() -> None:
    plan = _plan()
    assert "clean-brushes" not in _ids(plan, 2)  # makeup still off until 23:00
    assert [d for d in range(1, 10) if "clean-brushes" in _ids(plan, d)] == [3, 4, 5, 6]


def test_rule_ending_exactly_at_midnight_is_not_shown_on_the_next_date() -> None:
    # Treated at 00:00 on day 1, a 48-hour makeup rule ends at 00:00 on day 3: none of day 3
    # is under it, so day 3 shows clean brushes instead.
    zone = ZoneInfo("Europe/Berlin")
    protocol = PROTOCOL.with_overrides({"makeup": Duration(48, "hours")})
    plan = build_plan(datetime(2026, 6, 1, 0, 0, tzinfo=zone), zone, protocol, TEXT)
    day_3 = [e.id for e in plan.checklist_for(date(2026, 6, 3))]
    assert "no-makeup" not in day_3 and "clean-brushes" in day_3
    assert "no-makeup" in [e.id for e in plan.checklist_for(date(2026, 6, 2))]


def test_sun_protection_item_lasts_until_the_date_sun_protection_ends() -> None:
    plan = _plan()
    shown = [d for d in range(1, 20) if "sun-protection" in _ids(plan, d)]
    assert shown == list(range(1, 12))  # sun care ends at 16:00 on day 11


def test_checklist_entries_carry_the_language_text_in_protocol_order() -> None:
    entries = _plan().checklist_for(date(2026, 3, 7))
    assert entries[0].id == "gentle-wash"
    assert entries[0].text == TEXT.item("gentle-wash")
    assert [e.id for e in entries] == [
        "gentle-wash",
        "moisturizer",
        "hands-off",
        "sun-protection",
        "no-makeup",
        "no-sweating",
        "no-actives",
    ]


def test_checklist_is_empty_before_day_1_and_after_the_last_active_day() -> None:
    plan = _plan()
    assert plan.checklist_for(date(2026, 3, 6)) == []
    assert plan.checklist_for(date(2026, 3, 17)) != []  # day 11: sun care ends at 16:00
    assert plan.checklist_for(date(2026, 3, 18)) == []


def test_recovery_length_is_the_day_sun_protection_ends() -> None:
    assert _plan().recovery_length_days == 11
    assert _plan(sun=Duration(28, "days")).recovery_length_days == 29


def test_recovery_length_ignores_the_next_session() -> None:
    plan = _plan(next_session=Duration(56, "days"), sun=Duration(7, "days"))
    assert plan.recovery_length_days == 8


def test_build_plan_refuses_text_that_does_not_cover_the_protocol() -> None:
    partial = aftercare_text_from_mapping(
        {
            "units": {
                "hour": "h",
                "hours": "h",
                "day": "d",
                "days": "d",
                "week": "w",
                "weeks": "w",
            },
            "rules": {},
            "phases": {},
            "checklist": {},
        },
        "xx/aftercare.toml",
    )
    with pytest.raises(ProtocolError) as caught:
        build_plan(TREATED, NEW_YORK, PROTOCOL, partial)
    assert "rules.makeup" in {p.field for p in caught.value.problems}
