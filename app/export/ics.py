"""The calendar file (.ics, RFC 5545) of a recovery plan: one event per milestone, each with a
reminder, so a patient's own calendar tells them when makeup, workouts and so on are fine again.

Time (docs/ARCHITECTURE "Time"): every event starts at its milestone's exact instant. It is
written as a wall-clock time in the plan's IANA zone (TZID) and the file carries a VTIMEZONE
for that zone, built here from `zoneinfo` for the weeks the plan covers. Three exceptions:
- A wall time a clock shows twice (an autumn overlap) means its first occurrence (RFC 5545
  3.3.5), so an instant in the second occurrence cannot be written with a TZID; it is written
  in UTC ("...Z"), which every client shows in its own zone.
- The zone "UTC" itself is written the RFC 5545 way, as "...Z" with no VTIMEZONE.
- The file holds whole seconds; an instant with a fraction of a second is rounded up, so a
  reminder that a restriction has ended never comes before it has.

Why not `Calendar.add_missing_timezones()`: icalendar 7.3 writes the onset of a daylight
period as the wall time after the gap (New York 2026-03-08 03:00 with TZOFFSETFROM -0500,
which RFC 5545 reads as 08:00 UTC, an hour late: the change is at 07:00 UTC), and it replaces
the TZID of zones it thinks equal to UTC (Atlantic/Reykjavik, Africa/Accra, ...) by "Z".

Words a patient reads come from the caller (`CalendarWords`), never from this module.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from app.domain.clock import as_utc
from app.domain.plan import Milestone, RecoveryPlan
from app.export.atomic import write_atomically

__all__ = [
    "PRODID",
    "UID_DOMAIN",
    "CalendarWords",
    "build_calendar",
    "event_uid",
    "write_atomically",
]

PRODID: Final = "-//Microneedling Companion//EN"
UID_DOMAIN: Final = "microneedling-companion"
EVENT_LENGTH: Final = timedelta(minutes=30)
# When the reminder shows, relative to the event's start: a restriction's end is good news
# at that moment; the next session needs a day's notice to book or plan around.
REMINDER_AT: Final[dict[str, timedelta]] = {
    "ends": timedelta(0),
    "next_session": timedelta(days=-1),
}
# The VTIMEZONE describes the zone from a week before the treatment to a week after the last
# event: enough for every event, and small (a few observances instead of 68 years of them).
_ZONE_MARGIN: Final = timedelta(days=7)
# Offsets are sampled this often to find changes; no zone changes twice within 6 hours.
_ZONE_STEP: Final = timedelta(hours=6)
_SECOND: Final = timedelta(seconds=1)
_UTC: Final = "UTC"  # the one TZID RFC 5545 writes as "Z" (icalendar does so too)


def _fields(pattern: str) -> set[str]:
    return {field for _text, field, _spec, _conv in string.Formatter().parse(pattern) if field}


@dataclass(frozen=True)
class CalendarWords:
    """The words the calendar file shows, in the patient's language.

    `clinic_line` is used when the clinic's name and phone are both known, with the
    placeholders {name} and {phone}; `clinic_phone_line` when only the phone is, with
    {phone}. When only the name is known, the line is the name alone."""

    calendar_name: str
    clinic_line: str
    clinic_phone_line: str

    def __post_init__(self) -> None:
        for field, pattern, allowed in (
            ("clinic_line", self.clinic_line, {"name", "phone"}),
            ("clinic_phone_line", self.clinic_phone_line, {"phone"}),
        ):
            try:
                unknown = _fields(pattern) - allowed
            except ValueError as error:  # an unmatched brace
                raise ValueError(f"CalendarWords.{field}: {error} in {pattern!r}") from None
            if unknown:
                raise ValueError(
                    f"CalendarWords.{field}: expected only "
                    f"{', '.join('{' + name + '}' for name in sorted(allowed))}, "
                    f"got {', '.join('{' + name + '}' for name in sorted(unknown))}"
                )

    @classmethod
    def english(cls) -> CalendarWords:
        return cls(
            calendar_name="Microneedling aftercare",
            clinic_line="{name}: {phone}",
            clinic_phone_line="Your clinic: {phone}",
        )

    def clinic(self, name: str, phone: str) -> str:
        """The line naming the clinic, or "" when neither name nor phone is known."""
        name, phone = name.strip(), phone.strip()
        if name and phone:
            return self.clinic_line.format(name=name, phone=phone)
        if phone:
            return self.clinic_phone_line.format(phone=phone)
        return name


def build_calendar(
    plan: RecoveryPlan,
    *,
    clinic_name: str = "",
    clinic_phone: str = "",
    words: CalendarWords,
    stamp: datetime,
) -> bytes:
    """The .ics file of `plan`. The same plan, words and `stamp` (aware; written as DTSTAMP)
    give the same bytes, and the same treatment gives the same UIDs, so importing a newer
    file updates the events instead of adding a second set."""
    key = _zone_key(plan.zone)
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", words.calendar_name)

    starts = [_whole_second(milestone.at) for milestone in plan.milestones]
    if starts and key != _UTC:
        calendar.add_component(
            _vtimezone(
                plan.zone, key, min(as_utc(plan.treated_at), *starts), max(starts) + EVENT_LENGTH
            )
        )
    clinic = words.clinic(clinic_name, clinic_phone)
    dtstamp = as_utc(stamp, "stamp").replace(microsecond=0)
    for milestone, start in zip(plan.milestones, starts, strict=True):
        calendar.add_component(_event(milestone, start, plan, key, clinic=clinic, dtstamp=dtstamp))
    data: bytes = calendar.to_ical()
    return data


def event_uid(plan: RecoveryPlan, rule_id: str) -> str:
    """The UID of a rule's event: the same for the same treatment (instant and zone)."""
    seed = f"{as_utc(plan.treated_at).isoformat()}|{_zone_key(plan.zone)}|{rule_id}"
    return f"{hashlib.sha256(seed.encode()).hexdigest()[:32]}@{UID_DOMAIN}"


def _event(
    milestone: Milestone,
    start: datetime,
    plan: RecoveryPlan,
    key: str,
    *,
    clinic: str,
    dtstamp: datetime,
) -> Event:
    event = Event()
    event.add("UID", event_uid(plan, milestone.rule_id))
    event.add("DTSTAMP", dtstamp)
    # fold=0 is how a reader takes a wall time: the first of two equal ones (RFC 5545 3.3.5).
    wall = start.astimezone(plan.zone).replace(tzinfo=None, fold=0)
    if key != _UTC and wall.replace(tzinfo=plan.zone).astimezone(UTC) == start:
        event.add("DTSTART", wall, parameters={"TZID": key})
    else:  # UTC itself, or the second of two equal wall times, which only UTC can name
        event.add("DTSTART", start)
    event.add("DURATION", EVENT_LENGTH)
    event.add("SUMMARY", milestone.label)
    event.add("DESCRIPTION", "\n".join(line for line in (milestone.detail, clinic) if line))
    event.add("TRANSP", "TRANSPARENT")  # a reminder: it does not make the patient busy
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", milestone.label)
    alarm.add("TRIGGER", REMINDER_AT[milestone.kind])
    event.add_component(alarm)
    return event


def _zone_key(zone: ZoneInfo) -> str:
    key: str | None = zone.key
    if not key:
        raise ValueError("the plan's zone has no IANA name to write as a TZID")
    return key


def _whole_second(moment: datetime) -> datetime:
    """`moment` in UTC, rounded up to a whole second."""
    utc = as_utc(moment)
    whole = utc.replace(microsecond=0)
    return whole if whole == utc else whole + _SECOND


@dataclass(frozen=True)
class _Observance:
    offset: timedelta
    dst: bool
    name: str


def _observance(zone: ZoneInfo, moment: datetime) -> _Observance:
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    assert offset is not None  # an aware datetime in a ZoneInfo always has one
    # Daylight means ahead of standard time. tzdata gives Europe/Dublin's winter (and
    # Casablanca's Ramadan) a negative DST instead; calendars expect that to be STANDARD.
    dst = local.dst()
    return _Observance(offset, dst is not None and dst > timedelta(0), local.tzname() or "")


def _changes(zone: ZoneInfo, first: datetime, last: datetime) -> Iterator[datetime]:
    """The instants (whole seconds, UTC) in (first, last] at which `zone` changes offset,
    daylight-saving flag or abbreviation."""
    before, before_state = first, _observance(zone, first)
    while before < last:
        after = min(before + _ZONE_STEP, last)
        after_state = _observance(zone, after)
        if after_state != before_state:
            low, high = before, after  # low is in the old state, high in the new one
            while high - low > _SECOND:
                middle = (low + (high - low) / 2).replace(microsecond=0)
                if _observance(zone, middle) == before_state:
                    low = middle
                else:
                    high = middle
            yield high
        before, before_state = after, after_state


def _vtimezone(zone: ZoneInfo, key: str, first: datetime, last: datetime) -> Timezone:
    """A VTIMEZONE for `zone` that is right from before `first` to after `last`. Each
    observance starts at its onset written as RFC 5545 asks: the local time under the
    offset in force before it (TZOFFSETFROM), so New York's 2026 spring change is 02:00."""
    start = (as_utc(first) - _ZONE_MARGIN).replace(minute=0, second=0, microsecond=0)
    end = as_utc(last) + _ZONE_MARGIN
    timezone = Timezone()
    timezone.add("TZID", key)
    onsets = [(start, _observance(zone, start), _observance(zone, start))]
    onsets += [
        (change, _observance(zone, change - _SECOND), _observance(zone, change))
        for change in _changes(zone, start, end)
    ]
    for onset, old, new in onsets:
        part = TimezoneDaylight() if new.dst else TimezoneStandard()
        part.add("DTSTART", (onset + old.offset).replace(tzinfo=None))
        part.add("TZOFFSETFROM", old.offset)
        part.add("TZOFFSETTO", new.offset)
        if new.name:
            part.add("TZNAME", new.name)
        timezone.add_component(part)
    return timezone
