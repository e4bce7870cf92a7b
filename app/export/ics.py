"""The calendar file (.ics, RFC 5545) of a recovery plan: one event per milestone, each with a
reminder, so a patient's own calendar tells them when makeup, workouts and so on are fine again.

The next session is not an appointment the app knows of: it is an all-day entry ("Book or
check your next session", DTSTART;VALUE=DATE, no time) whose description says so, with its
reminder a few days before, in the morning.

Every other event starts at its milestone's time rounded later to the wall clock's next whole
or half hour (`Milestone.about`), and its description says "From about 5:30 PM on Sunday".
The timings are clinic practice, not science to the minute: an event at 17:07 would claim a
precision nobody has, and would disagree with its own "from about 5:30 PM". Rounding later,
never earlier, means a "you can wear makeup again" reminder never comes before the restriction
has ended.

Time (docs/ARCHITECTURE "Time"): such a start is written as a wall-clock time in the plan's
IANA zone (TZID) and the file carries a VTIMEZONE for that zone, built here from `zoneinfo`
for the weeks the plan covers. Three exceptions:
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
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
# at that moment. The next session is an all-day entry, which starts at the date's midnight:
# its reminder comes at 9:00 three days before (-P2DT15H), time to book or to plan around it.
REMINDER_AT: Final[dict[str, timedelta]] = {
    "ends": timedelta(0),
    "next_session": timedelta(days=-3, hours=9),
}
NEXT_SESSION_KIND: Final = "next_session"
# The VTIMEZONE describes the zone from a week before the treatment to a week after the last
# event: enough for every event, and small (a few observances instead of 68 years of them).
_ZONE_MARGIN: Final = timedelta(days=7)
# Offsets are sampled this often to find changes; no zone changes twice within 6 hours.
_ZONE_STEP: Final = timedelta(hours=6)
_SECOND: Final = timedelta(seconds=1)
_UTC: Final = "UTC"  # the one TZID RFC 5545 writes as "Z" (icalendar does so too)


def _fields(pattern: str) -> set[str]:
    return {field for _text, field, _spec, _conv in string.Formatter().parse(pattern) if field}


_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` without Qt: this module runs without it, and
    app/export/files.py translates the words when Qt is there."""
    return text


def english_clock(wall: datetime) -> str:
    """ "5:30 PM", "12:00 AM"."""
    return f"{(wall.hour + 11) % 12 + 1}:{wall.minute:02d} {'AM' if wall.hour < 12 else 'PM'}"


def english_weekday(day: date) -> str:
    return _WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class CalendarWords:
    """The words the calendar file shows, in the patient's language.

    `clinic_line` is used when the clinic's name and phone are both known, with the
    placeholders {name} and {phone}; `clinic_phone_line` when only the phone is, with
    {phone}. When only the name is known, the line is the name alone; when neither is, there
    is no such line (no "call your clinic" without a number to call).
    `from_about` opens a timed event's description, with {time} (from `clock`) and {day}
    (from `weekday`); `not_an_appointment` opens the next session's."""

    calendar_name: str
    clinic_line: str
    clinic_phone_line: str
    from_about: str = QT_TRANSLATE_NOOP("Calendar", "From about {time} on {day}.")
    not_an_appointment: str = QT_TRANSLATE_NOOP(
        "Calendar",
        "This is a reminder, not an appointment. Book your next session, "
        "or check the date your clinic gave you.",
    )
    clock: Callable[[datetime], str] = english_clock
    weekday: Callable[[date], str] = english_weekday

    def __post_init__(self) -> None:
        for field, pattern, allowed in (
            ("clinic_line", self.clinic_line, {"name", "phone"}),
            ("clinic_phone_line", self.clinic_phone_line, {"phone"}),
            ("from_about", self.from_about, {"time", "day"}),
            ("not_an_appointment", self.not_an_appointment, set()),
        ):
            try:
                unknown = _fields(pattern) - allowed
            except ValueError as error:  # an unmatched brace
                raise ValueError(f"CalendarWords.{field}: {error} in {pattern!r}") from None
            if unknown:
                expected = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
                raise ValueError(
                    f"CalendarWords.{field}: expected only {expected}, "
                    f"got {', '.join('{' + name + '}' for name in sorted(unknown))}"
                )

    @classmethod
    def english(cls) -> CalendarWords:
        return cls(
            calendar_name=QT_TRANSLATE_NOOP("Calendar", "Microneedling aftercare"),
            clinic_line=QT_TRANSLATE_NOOP("Calendar", "{name}: {phone}"),
            clinic_phone_line=QT_TRANSLATE_NOOP("Calendar", "Your clinic: {phone}"),
        )

    def translated(self, translate: Callable[[str], str]) -> CalendarWords:
        """The same words through `translate` (Qt's, in context "Calendar", for the app's
        language); the clock and weekday stay as they are."""
        return replace(
            self,
            calendar_name=translate(self.calendar_name),
            clinic_line=translate(self.clinic_line),
            clinic_phone_line=translate(self.clinic_phone_line),
            from_about=translate(self.from_about),
            not_an_appointment=translate(self.not_an_appointment),
        )

    def clinic(self, name: str, phone: str) -> str:
        """The line naming the clinic, or "" when neither name nor phone is known."""
        name, phone = name.strip(), phone.strip()
        if name and phone:
            return self.clinic_line.format(name=name, phone=phone)
        if phone:
            return self.clinic_phone_line.format(phone=phone)
        return name

    def about(self, wall: datetime) -> str:
        """ "From about 5:30 PM on Sunday." for a wall-clock time."""
        return self.from_about.format(time=self.clock(wall), day=self.weekday(wall.date()))


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

    timed = [m for m in plan.milestones if m.kind != NEXT_SESSION_KIND]
    starts = {m.rule_id: _whole_second(m.about) for m in timed}
    if starts and key != _UTC:
        first, last = min(as_utc(plan.treated_at), *starts.values()), max(starts.values())
        calendar.add_component(_vtimezone(plan.zone, key, first, last + EVENT_LENGTH))
    clinic = words.clinic(clinic_name, clinic_phone)
    dtstamp = as_utc(stamp, "stamp").replace(microsecond=0)
    for milestone in plan.milestones:
        event = _event(milestone, plan, dtstamp)
        if milestone.rule_id in starts:
            start = starts[milestone.rule_id]
            _timed(event, start, plan, key)
            opening = words.about(start.astimezone(plan.zone))
        else:
            _all_day(event, milestone.at.astimezone(plan.zone).date())
            opening = words.not_an_appointment
        lines = (opening, milestone.detail, clinic)
        event.add("DESCRIPTION", "\n".join(line for line in lines if line))
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def event_uid(plan: RecoveryPlan, rule_id: str) -> str:
    """The UID of a rule's event: the same for the same treatment (instant and zone)."""
    seed = f"{as_utc(plan.treated_at).isoformat()}|{_zone_key(plan.zone)}|{rule_id}"
    return f"{hashlib.sha256(seed.encode()).hexdigest()[:32]}@{UID_DOMAIN}"


def _event(milestone: Milestone, plan: RecoveryPlan, dtstamp: datetime) -> Event:
    event = Event()
    event.add("UID", event_uid(plan, milestone.rule_id))
    event.add("DTSTAMP", dtstamp)
    event.add("SUMMARY", milestone.label)
    event.add("TRANSP", "TRANSPARENT")  # a reminder: it does not make the patient busy
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", milestone.label)
    alarm.add("TRIGGER", REMINDER_AT[milestone.kind])
    event.add_component(alarm)
    return event


def _timed(event: Event, start: datetime, plan: RecoveryPlan, key: str) -> None:
    # fold=0 is how a reader takes a wall time: the first of two equal ones (RFC 5545 3.3.5).
    wall = start.astimezone(plan.zone).replace(tzinfo=None, fold=0)
    if key != _UTC and wall.replace(tzinfo=plan.zone).astimezone(UTC) == start:
        event.add("DTSTART", wall, parameters={"TZID": key})
    else:  # UTC itself, or the second of two equal wall times, which only UTC can name
        event.add("DTSTART", start)
    event.add("DURATION", EVENT_LENGTH)


def _all_day(event: Event, day: date) -> None:
    """A whole local date, no time: DTSTART;VALUE=DATE and the next date as DTEND."""
    event.add("DTSTART", day)
    event.add("DTEND", day + timedelta(days=1))


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
