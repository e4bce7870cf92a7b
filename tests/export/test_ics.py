"""The calendar file: every event at its milestone's time rounded later to a whole or half hour
("from about"), in the patient's zone, with a zone description a calendar can follow on its
own; the next session an all-day entry; a reminder on each; stable UIDs; and a file that is
written whole or not at all (the words: test_ics_words.py). Plans use the test protocol
(tests/fixtures): makeup 30 real hours, sun protection 10 calendar days, next session 35 days."""

from __future__ import annotations

import os
import zoneinfo
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, Timezone

from app.domain.plan import Milestone, RecoveryPlan, build_plan
from app.export.ics import CalendarWords, build_calendar, write_atomically
from tests.fixtures.testpack import CLOCK_CHANGE_CASES, MAKEUP, PROTOCOL, TEXT

NEW_YORK = "America/New_York"
WORDS = CalendarWords.english()
MAKEUP_LABEL = TEXT.rule("makeup").milestone
SUN_LABEL = TEXT.rule("sun").milestone


def _plan(zone_name: str, wall: datetime, *, fold: int = 0) -> RecoveryPlan:
    zone = ZoneInfo(zone_name)
    return build_plan(wall.replace(tzinfo=zone, fold=fold), zone, PROTOCOL, TEXT)


def _ics(plan: RecoveryPlan, **kwargs: Any) -> bytes:
    kwargs.setdefault("words", WORDS)
    kwargs.setdefault("stamp", plan.treated_at)
    return build_calendar(plan, **kwargs)


def _calendar(plan: RecoveryPlan, **kwargs: Any) -> Calendar:
    return Calendar.from_ical(_ics(plan, **kwargs))


def _events(calendar: Calendar) -> list[Event]:
    return list(calendar.walk("VEVENT"))


def _timed(calendar: Calendar) -> list[Event]:
    """The events with a time of day: all but the all-day next session."""
    return [e for e in _events(calendar) if isinstance(e.decoded("DTSTART"), datetime)]


def _timed_milestones(plan: RecoveryPlan) -> list[Milestone]:
    return [m for m in plan.milestones if m.kind != "next_session"]


def _abouts(plan: RecoveryPlan) -> list[datetime]:
    """Where the timed events start: each milestone rounded later to a whole or half hour."""
    return [_utc(m.about) for m in _timed_milestones(plan)]


def _start(event: Event) -> datetime:
    return event.decoded("DTSTART").astimezone(UTC)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _vtimezone(calendar: Calendar, tzid: str) -> Timezone:
    [found] = [tz for tz in calendar.walk("VTIMEZONE") if tz.tz_name == tzid]
    return found


def _offset_by_the_rfc(vtimezone: Timezone, instant: datetime) -> timedelta:
    """The UTC offset the file's own VTIMEZONE gives at `instant`, read as RFC 5545 says: an
    observance begins at DTSTART read in TZOFFSETFROM, and lasts until the next one begins.
    A calendar that ignores its own zone database (Outlook, for one) reads it this way."""
    onsets = sorted(
        (part.decoded("DTSTART") - part.decoded("TZOFFSETFROM"), part.decoded("TZOFFSETTO"))
        for part in vtimezone.walk()
        if part.name in ("STANDARD", "DAYLIGHT")
    )
    naive = _utc(instant).replace(tzinfo=None)
    begun = [offset for onset, offset in onsets if onset <= naive]
    assert begun, f"the VTIMEZONE starts after {instant.isoformat()}"
    offset: timedelta = begun[-1]
    return offset


def _check_zone_of(event: Event, calendar: Calendar, zone_name: str) -> None:
    """DTSTART names the zone, the file describes it, and that description alone (without a
    zone database) puts the wall time at the same instant."""
    assert event["DTSTART"].params["TZID"] == zone_name
    vtimezone = _vtimezone(calendar, zone_name)
    instant = _start(event)
    wall = event.decoded("DTSTART").replace(tzinfo=None)
    assert wall == (instant + _offset_by_the_rfc(vtimezone, instant)).replace(tzinfo=None)
    # icalendar's own reader of VTIMEZONE components (dateutil) agrees.
    own = vtimezone.to_tz(lookup_tzid=False)
    assert wall.replace(tzinfo=own).astimezone(UTC) == instant


# --- instants and zones --------------------------------------------------------------------


@pytest.mark.parametrize(("zone", "treated", "makeup", "sun"), CLOCK_CHANGE_CASES)
def test_events_start_at_the_plan_instants_in_the_patient_zone_across_clock_changes(
    zone: str, treated: datetime, makeup: datetime, sun: datetime
) -> None:
    plan = _plan(zone, treated)
    calendar = _calendar(plan)
    events = _timed(calendar)
    # These treatments are on the hour, so every milestone is too: "about" is exact.
    assert [_start(event) for event in events] == _abouts(plan)
    assert _abouts(plan) == [_utc(m.at) for m in _timed_milestones(plan)]
    by_summary = {str(event["SUMMARY"]): event for event in events}
    starts = {m.rule_id: by_summary[m.label] for m in _timed_milestones(plan)}
    assert starts["makeup"].decoded("DTSTART").replace(tzinfo=None) == makeup
    assert starts["sun"].decoded("DTSTART").replace(tzinfo=None) == sun
    assert _start(starts["makeup"]) - _utc(plan.treated_at) == MAKEUP
    for event in events:
        _check_zone_of(event, calendar, zone)
    assert calendar.get_missing_tzids() == set()


def test_summary_is_the_milestone_label_and_each_timed_event_lasts_30_minutes() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    calendar = _calendar(plan)
    events = _events(calendar)
    assert [str(event["SUMMARY"]) for event in events] == [m.label for m in plan.milestones]
    assert MAKEUP_LABEL in [str(event["SUMMARY"]) for event in events]
    assert {event.decoded("DURATION") for event in _timed(calendar)} == {timedelta(minutes=30)}
    assert len(events) == len(PROTOCOL.rules)


def test_daylight_onset_is_written_as_the_local_time_before_the_change() -> None:
    # RFC 5545 reads DTSTART in TZOFFSETFROM: New York springs forward at 02:00 EST and
    # falls back at 02:00 EDT.
    spring = _vtimezone(_calendar(_plan(NEW_YORK, datetime(2026, 3, 7, 16))), NEW_YORK)
    [daylight] = spring.walk("DAYLIGHT")
    assert daylight.decoded("DTSTART") == datetime(2026, 3, 8, 2, 0)
    assert daylight.decoded("TZOFFSETFROM") == timedelta(hours=-5)
    assert daylight.decoded("TZOFFSETTO") == timedelta(hours=-4)
    autumn = _vtimezone(_calendar(_plan(NEW_YORK, datetime(2026, 10, 31, 16))), NEW_YORK)
    standard = autumn.walk("STANDARD")[-1]
    assert standard.decoded("DTSTART") == datetime(2026, 11, 1, 2, 0)
    assert standard.decoded("TZOFFSETFROM") == timedelta(hours=-4)


def test_event_in_the_hour_after_spring_forward_reads_right_from_the_file_alone() -> None:
    # Treated 20:30 EST on 6 March: 30 real hours later it is 03:30 EDT on 8 March (07:30 UTC).
    # With the onset written at 03:00 (as icalendar's add_missing_timezones does), a reader
    # of the VTIMEZONE would still be on EST then and show 02:30.
    plan = _plan(NEW_YORK, datetime(2026, 3, 6, 20, 30))
    calendar = _calendar(plan)
    [makeup] = [e for e in _events(calendar) if str(e["SUMMARY"]) == MAKEUP_LABEL]
    assert _start(makeup) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert makeup.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 3, 8, 3, 30)
    _check_zone_of(makeup, calendar, NEW_YORK)


def test_instant_in_the_second_of_two_equal_wall_times_is_written_in_utc() -> None:
    # Treated 20:30 EDT on 30 October: 30 real hours later is 01:30 EST on 1 November, the
    # second 01:30 of that night. "01:30 New York" would mean the first one, an hour early.
    plan = _plan(NEW_YORK, datetime(2026, 10, 30, 20, 30))
    ics = _ics(plan)
    [makeup] = [e for e in _events(Calendar.from_ical(ics)) if e["SUMMARY"] == MAKEUP_LABEL]
    assert _start(makeup) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    assert "TZID" not in makeup["DTSTART"].params
    assert b"DTSTART:20261101T063000Z" in ics


def test_instant_in_the_first_of_two_equal_wall_times_keeps_its_zone() -> None:
    # 10 days after 01:30 on 22 October is the first 01:30 on 1 November, still on EDT.
    plan = _plan(NEW_YORK, datetime(2026, 10, 22, 1, 30))
    calendar = _calendar(plan)
    [sun] = [e for e in _events(calendar) if e["SUMMARY"] == SUN_LABEL]
    assert _start(sun) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    _check_zone_of(sun, calendar, NEW_YORK)


@pytest.mark.parametrize("zone", ["Atlantic/Reykjavik", "Africa/Accra", "Etc/UTC"])
def test_a_zone_always_on_utc_still_names_the_patient_zone(zone: str) -> None:
    # icalendar on its own would write these as "Z", dropping the patient's zone.
    plan = _plan(zone, datetime(2026, 3, 7, 16))
    calendar = _calendar(plan)
    for event, milestone in zip(_timed(calendar), _timed_milestones(plan), strict=True):
        assert _start(event) == _utc(milestone.about)
        _check_zone_of(event, calendar, zone)


@pytest.mark.parametrize(
    ("zone", "treated"),
    [
        # Each treatment is 30 hours (the test protocol's makeup rule) before a moment next to
        # the zone's clock change.
        # Samoa skipped 2011-12-30: a 24-hour jump forward.
        ("Pacific/Apia", datetime(2011, 12, 29, 4)),
        # Lord Howe moves back by 30 minutes; makeup lands in the repeated half hour.
        ("Australia/Lord_Howe", datetime(2026, 4, 3, 20, 10)),
        # Dublin's winter time is a negative daylight saving in tzdata.
        ("Europe/Dublin", datetime(2026, 10, 23, 19, 30)),
        # Casablanca leaves +01 for +00 during Ramadan.
        ("Africa/Casablanca", datetime(2026, 2, 13, 20, 30)),
        # Troll station moves forward by two hours.
        ("Antarctica/Troll", datetime(2026, 3, 27, 19, 30)),
        # Chile changes at midnight.
        ("America/Santiago", datetime(2026, 9, 4, 18, 30)),
    ],
)
def test_unusual_clock_changes_keep_every_instant(zone: str, treated: datetime) -> None:
    plan = _plan(zone, treated)
    calendar = _calendar(plan)
    events = _timed(calendar)
    assert [_start(event) for event in events] == _abouts(plan)
    for event in events:
        if "TZID" in event["DTSTART"].params:
            _check_zone_of(event, calendar, zone)
    # Daylight time is ahead of standard time, never behind it (Dublin, Casablanca).
    vtimezone = _vtimezone(calendar, zone)
    daylight = [part.decoded("TZOFFSETTO") for part in vtimezone.walk("DAYLIGHT")]
    standard = [part.decoded("TZOFFSETTO") for part in vtimezone.walk("STANDARD")]
    assert all(ahead > behind for ahead in daylight for behind in standard)


def test_the_zone_utc_is_written_with_z_and_no_vtimezone() -> None:
    plan = _plan("UTC", datetime(2026, 3, 7, 16))
    ics = _ics(plan)
    calendar = Calendar.from_ical(ics)
    assert b"DTSTART:20260308T220000Z" in ics  # makeup, 30 hours after 16:00 UTC
    assert [_start(event) for event in _timed(calendar)] == _abouts(plan)
    assert calendar.walk("VTIMEZONE") == []
    assert all("TZID" not in event["DTSTART"].params for event in _events(calendar))


@pytest.mark.parametrize(
    "treated",
    [
        datetime(2026, 3, 7, 16, 0, 0, 250_000),
        datetime(2026, 3, 7, 16, 7),
        datetime(2026, 3, 7, 16, 31),
    ],
)
def test_events_start_from_about_a_later_half_hour_so_no_reminder_comes_early(
    treated: datetime,
) -> None:
    plan = _plan(NEW_YORK, treated)
    for event, milestone in zip(_timed(_calendar(plan)), _timed_milestones(plan), strict=True):
        start = _start(event)
        assert _utc(milestone.at) <= start < _utc(milestone.at) + timedelta(minutes=30)
        wall = start.astimezone(ZoneInfo(NEW_YORK))
        assert (wall.minute, wall.second) in ((0, 0), (30, 0))


_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
_FIRST = int(datetime(2001, 1, 1, tzinfo=UTC).timestamp())
_LAST = int(datetime(2036, 12, 31, tzinfo=UTC).timestamp())


@cache
def _changes_in_year(zone_name: str, year: int) -> tuple[datetime, ...]:
    """The hours (UTC) just after `zone_name` changed its offset in `year`, by a plain scan."""
    zone = ZoneInfo(zone_name)
    start = datetime(year, 1, 1, tzinfo=UTC)
    hours = [start + timedelta(hours=h) for h in range(0, 366 * 24)]
    offsets = [hour.astimezone(zone).utcoffset() for hour in hours]
    return tuple(hours[i] for i in range(1, len(hours)) if offsets[i] != offsets[i - 1])


@st.composite
def _treatments(draw: st.DrawFn) -> tuple[str, datetime]:
    """A zone and a treatment instant (whole seconds). Half the time the instant is chosen so
    that the makeup milestone (real hours) lands within two hours of one of the zone's clock
    changes."""
    zone = draw(st.sampled_from(_ZONES))
    instant = datetime.fromtimestamp(draw(st.integers(_FIRST, _LAST)), UTC)
    changes = _changes_in_year(zone, instant.year)
    if changes and draw(st.booleans()):
        change = draw(st.sampled_from(changes))
        instant = change - MAKEUP - timedelta(seconds=draw(st.integers(-7200, 7200)))
    return zone, instant


@settings(max_examples=60, deadline=None)
@given(_treatments())
def test_event_instants_round_trip_exactly_through_the_ics_text(
    treatment: tuple[str, datetime],
) -> None:
    zone_name, instant = treatment
    zone = ZoneInfo(zone_name)
    plan = build_plan(instant, zone, PROTOCOL, TEXT)
    calendar = Calendar.from_ical(_ics(plan))
    events = _timed(calendar)
    assert [_start(event) for event in events] == _abouts(plan)
    for event in events:
        if "TZID" in event["DTSTART"].params:
            _check_zone_of(event, calendar, zone_name)
        elif zone_name != "UTC":  # only an instant no wall time names (the second of two)
            at = _start(event)
            wall = at.astimezone(zone).replace(tzinfo=None, fold=0)
            assert wall.replace(tzinfo=zone).astimezone(UTC) != at
    assert calendar.get_missing_tzids() == set()


# --- reminders, UIDs, words ----------------------------------------------------------------


def test_every_event_has_one_display_alarm_at_its_start_or_days_before_the_next_session() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    events = _events(_calendar(plan))
    for event, milestone in zip(events, plan.milestones, strict=True):
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        # The next session's all-day entry starts at midnight: 9:00 three days before.
        expected = timedelta(days=-3, hours=9) if milestone.kind == "next_session" else timedelta(0)
        assert alarm.decoded("TRIGGER") == expected
    assert [m.kind for m in plan.milestones].count("next_session") == 1


def test_uids_are_unique_in_the_file_and_the_same_on_every_build() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    first = [str(event["UID"]) for event in _events(_calendar(plan))]
    again = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    second = [str(event["UID"]) for event in _events(_calendar(again, clinic_phone="555"))]
    assert len(set(first)) == len(first)
    assert first == second
    assert all(uid.endswith("@microneedling-companion") for uid in first)


def test_uids_differ_for_another_treatment_time_or_zone() -> None:
    def uids(plan: RecoveryPlan) -> set[str]:
        return {str(event["UID"]) for event in _events(_calendar(plan))}

    base = uids(_plan(NEW_YORK, datetime(2026, 3, 7, 16)))
    assert base.isdisjoint(uids(_plan(NEW_YORK, datetime(2026, 3, 7, 16, 1))))
    assert base.isdisjoint(uids(_plan("America/Toronto", datetime(2026, 3, 7, 16))))


def test_the_same_plan_and_stamp_give_byte_identical_files() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    assert _ics(plan, clinic_name="Clinic") == _ics(plan, clinic_name="Clinic")


def test_calendar_header_and_stamp() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    stamp = datetime(2026, 3, 7, 16, 5, 30, 999, tzinfo=ZoneInfo(NEW_YORK))
    calendar = _calendar(plan, stamp=stamp)
    assert str(calendar["PRODID"]) == "-//Microneedling Companion//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Microneedling aftercare"
    for event in _events(calendar):
        assert event.decoded("DTSTAMP") == datetime(2026, 3, 7, 21, 5, 30, tzinfo=UTC)
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_naive_stamp_is_refused() -> None:
    plan = _plan(NEW_YORK, datetime(2026, 3, 7, 16))
    with pytest.raises(ValueError, match="stamp must be timezone-aware"):
        _ics(plan, stamp=datetime(2026, 3, 7, 16))


# --- writing the file ----------------------------------------------------------------------


def test_write_atomically_writes_the_bytes_and_replaces_an_older_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    out.write_bytes(b"old")
    write_atomically(out, b"BEGIN:VCALENDAR\r\n")
    assert out.read_bytes() == b"BEGIN:VCALENDAR\r\n"
    assert list(tmp_path.iterdir()) == [out]


def test_write_atomically_into_a_missing_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomically(tmp_path / "missing" / "plan.ics", b"data")
    assert list(tmp_path.iterdir()) == []


def test_write_atomically_onto_a_directory_raises_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plan.ics"
    folder.mkdir()
    with pytest.raises(OSError):
        write_atomically(folder, b"data")
    assert list(tmp_path.iterdir()) == [folder]
    assert list(folder.iterdir()) == []


def test_write_atomically_failing_midway_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.ics"
    out.write_bytes(b"old")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(out, b"new")
    assert out.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [out]
