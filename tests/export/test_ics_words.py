"""The calendar file's words: each description says when ("From about 5:30 PM on Sunday."),
what to do in the words for who set the timing ("Test clinic:" for a value a clinic or the
treatment set, "Test default:" for the pack's own), and the clinic's line when it is known; the
next session is an all-day entry that says it is not an appointment. Plans use the test
protocol (tests/fixtures): makeup 30 real hours, sun protection 10 calendar days, next session
35 days. Instants, zones and reminders: test_ics.py."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from app.domain.plan import Milestone, RecoveryPlan, build_plan
from app.domain.protocol import Duration
from app.export.ics import CalendarWords, build_calendar
from tests.fixtures.testpack import PROTOCOL, TEXT

NEW_YORK = "America/New_York"
WORDS = CalendarWords.english()
MAKEUP_LABEL = TEXT.rule("makeup").milestone
SUN_LABEL = TEXT.rule("sun").milestone


def _plan(zone_name: str, wall: datetime) -> RecoveryPlan:
    zone = ZoneInfo(zone_name)
    return build_plan(wall.replace(tzinfo=zone), zone, PROTOCOL, TEXT)


def _ics(plan: RecoveryPlan, **kwargs: Any) -> bytes:
    kwargs.setdefault("words", WORDS)
    kwargs.setdefault("stamp", plan.treated_at)
    return build_calendar(plan, **kwargs)


def _calendar(plan: RecoveryPlan, **kwargs: Any) -> Calendar:
    return Calendar.from_ical(_ics(plan, **kwargs))


def _events(calendar: Calendar) -> list[Event]:
    return list(calendar.walk("VEVENT"))


def _start(event: Event) -> datetime:
    return event.decoded("DTSTART").astimezone(UTC)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _opening(milestone: Milestone) -> str:
    """The first line of an event's description."""
    if milestone.kind == "next_session":
        return WORDS.not_an_appointment
    return WORDS.about(milestone.about.replace(tzinfo=None))


def test_description_is_when_the_detail_and_a_line_with_the_clinic_name_and_phone() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    events = _events(_calendar(plan, clinic_name="Clear Skin Clinic", clinic_phone="+1 555 0100"))
    for event, milestone in zip(events, plan.milestones, strict=True):
        assert str(event["DESCRIPTION"]) == (
            f"{_opening(milestone)}\n{milestone.detail}\nClear Skin Clinic: +1 555 0100"
        )


def test_description_without_a_clinic_has_no_clinic_line_and_no_phone() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    ics = _ics(plan)
    for event, milestone in zip(_events(Calendar.from_ical(ics)), plan.milestones, strict=True):
        assert str(event["DESCRIPTION"]) == f"{_opening(milestone)}\n{milestone.detail}"
    assert b"phone" not in ics.lower() and b"clinic:" not in ics.lower()


def test_times_are_said_from_about_a_later_half_hour_with_the_weekday() -> None:
    # Treated 16:07 EST on Saturday: makeup 30 real hours later is 23:07 EDT on Sunday.
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16, 7))
    by_summary = {str(e["SUMMARY"]): e for e in _events(_calendar(plan))}
    makeup = by_summary[MAKEUP_LABEL]
    assert str(makeup["DESCRIPTION"]).startswith("From about 11:30 PM on Sunday.\n")
    assert makeup.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 3, 8, 23, 30)
    # Sun care, 10 calendar days: 16:07 on Tuesday 17 March, said as 4:30 PM.
    assert str(by_summary[SUN_LABEL]["DESCRIPTION"]).startswith("From about 4:30 PM on Tuesday.")


@pytest.mark.parametrize(
    ("treated", "wall", "said"),
    [
        # 19:50 EST on 6 March + 30 real hours = 01:50 EST on the 8th. The next half hour,
        # 02:00, is the hour the clocks skip: 03:00 EDT, later, never earlier.
        (datetime(2026, 3, 6, 19, 50), datetime(2026, 3, 8, 3, 0), "From about 3:00 AM on Sunday."),
        # 19:40 EDT on 30 October + 30 h = 01:40 EDT, the first 01:40 of 1 November: on to
        # 02:00 EST, after the repeated hour; the wall clock never reads earlier.
        (
            datetime(2026, 10, 30, 19, 40),
            datetime(2026, 11, 1, 2, 0),
            "From about 2:00 AM on Sunday.",
        ),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_from_about_rounds_the_later_way_across_clock_changes(
    treated: datetime, wall: datetime, said: str
) -> None:
    plan = _plan(NEW_YORK, treated)
    [makeup] = [e for e in _events(_calendar(plan)) if str(e["SUMMARY"]) == MAKEUP_LABEL]
    milestone = next(m for m in plan.milestones if m.rule_id == "makeup")
    assert makeup.decoded("DTSTART").replace(tzinfo=None) == wall
    assert _start(makeup) >= _utc(milestone.at)
    assert str(makeup["DESCRIPTION"]).startswith(said + "\n")


def test_the_next_session_is_an_all_day_entry_that_says_it_is_not_an_appointment() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    ics = _ics(plan)
    [entry] = [
        e for e in _events(Calendar.from_ical(ics)) if e.decoded("DTSTART") == date(2026, 4, 11)
    ]
    # 35 days after Saturday 7 March: Saturday 11 April, a date with no time of day.
    assert b"DTSTART;VALUE=DATE:20260411" in ics and b"DTEND;VALUE=DATE:20260412" in ics
    assert not isinstance(entry.decoded("DTSTART"), datetime)
    assert "DURATION" not in entry
    assert str(entry["SUMMARY"]) == TEXT.rule("next_session").milestone
    assert str(entry["DESCRIPTION"]).startswith("This is a reminder, not an appointment.")
    assert "not an appointment" in WORDS.not_an_appointment
    assert str(entry["TRANSP"]) == "TRANSPARENT"


def test_without_a_clinic_every_description_has_the_defaults_words() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    for event, milestone in zip(_events(_calendar(plan)), plan.milestones, strict=True):
        assert milestone.set_by is None
        assert TEXT.detail(plan.protocol.rule(milestone.rule_id)) in str(event["DESCRIPTION"])
        assert "Test clinic:" not in str(event["DESCRIPTION"])


def test_the_clinics_words_only_for_the_rules_it_or_the_treatment_set() -> None:
    zone = ZoneInfo(NEW_YORK)
    clinic = PROTOCOL.with_overrides({"makeup": Duration(48, "hours")}, set_by="clinic")
    protocol = clinic.with_overrides({"sun": Duration(3, "days")}, set_by="treatment")
    plan = build_plan(datetime(2026, 3, 7, 16, tzinfo=zone), zone, protocol, TEXT)
    says = {
        m.rule_id: str(e["DESCRIPTION"])
        for e, m in zip(_events(_calendar(plan)), plan.milestones, strict=True)
    }
    assert "Test clinic: no makeup for 48 hours." in says["makeup"]
    assert "Test clinic: careful sun care for 3 days." in says["sun"]
    for rule_id in ("sweat", "actives", "next_session"):
        assert "Test default:" in says[rule_id] and "Test clinic:" not in says[rule_id]


@pytest.mark.parametrize(
    ("name", "phone", "line"),
    [("", "+44 20 7946 0000", "Your clinic: +44 20 7946 0000"), ("Clear Skin", "", "Clear Skin")],
)
def test_description_with_only_a_phone_or_only_a_name(name: str, phone: str, line: str) -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    [first, *_] = _events(_calendar(plan, clinic_name=name, clinic_phone=phone))
    assert str(first["DESCRIPTION"]).endswith(f"\n{line}")


def test_words_come_from_the_caller() -> None:
    words = CalendarWords(
        calendar_name="Nachsorge Microneedling",
        clinic_line="{name}, Tel. {phone}",
        clinic_phone_line="Praxis: {phone}",
    )
    plan = _plan("Europe/Berlin", datetime(2026, 3, 7, 16))
    calendar = _calendar(plan, words=words, clinic_name="Hautpraxis", clinic_phone="030 123")
    assert str(calendar["X-WR-CALNAME"]) == "Nachsorge Microneedling"
    assert str(_events(calendar)[0]["DESCRIPTION"]).endswith("\nHautpraxis, Tel. 030 123")


@pytest.mark.parametrize(
    ("clinic_line", "clinic_phone_line", "says"),
    [
        ("{nom}: {phone}", "{phone}", "clinic_line: expected only {name}, {phone}, got {nom}"),
        ("{name}: {phone}", "{name} {phone}", "clinic_phone_line: expected only {phone}"),
        ("{name: {phone}", "{phone}", "clinic_line"),
    ],
)
def test_calendar_words_refuse_a_pattern_with_unknown_placeholders(
    clinic_line: str, clinic_phone_line: str, says: str
) -> None:
    with pytest.raises(ValueError, match=says.replace("{", r"\{").replace("}", r"\}")):
        CalendarWords("Aftercare", clinic_line, clinic_phone_line)
