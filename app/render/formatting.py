"""Times and durations in the words and formats of the user's locale."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTime, QTimeZone

if TYPE_CHECKING:
    from app.domain.plan import Milestone


SHORT_DAY, SHORT_DAY_YEAR = "ddd d MMM", "ddd d MMM yyyy"  # QLocale patterns: always a weekday


class Formatting(QObject):
    """Words with a count, in Qt's plural forms (%n). lupdate marks a message as plural only
    for tr() inside a class, so these live here; the context is "Formatting"."""

    def days_and_hours(self, days: int, hours: int) -> str:
        return self.tr("%n days {hours} h", "", days).format(hours=hours)


def duration_words(delta: timedelta) -> str:
    """ "5 h 12 min", "2 days 3 h", "less than a minute": short, but never ambiguous."""
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days >= 2:
        return Formatting().days_and_hours(days, hours)
    hours += days * 24
    if hours:
        return QCoreApplication.translate("Formatting", "{hours} h {minutes} min").format(
            hours=hours, minutes=mins
        )
    if mins:
        return QCoreApplication.translate("Formatting", "{minutes} min").format(minutes=mins)
    return QCoreApplication.translate("Formatting", "less than a minute")


def countdown(subject: str, delta: timedelta) -> str:
    """ "Makeup OK in 5 h 12 min"."""
    return QCoreApplication.translate("Formatting", "{subject} in {time}").format(
        subject=subject, time=duration_words(delta)
    )


def local_moment(
    moment: datetime, zone: ZoneInfo | None = None, pattern: str = "", *, year: bool = False
) -> str:
    """ "Sun 8 Mar, 5:00 PM": a short day and month and the locale's short time, on the wall
    clock of `zone` (the patient's, never the machine's) or of the moment's own zone. With
    `year`, "Sun 8 Mar 2026, 5:00 PM", for what is read later (a QR code, paper)."""
    wall = moment.astimezone(zone) if zone is not None else moment
    return (pattern or QCoreApplication.translate("Formatting", "{date}, {time}")).format(
        date=short_day(wall.date(), year=year), time=clock_time(wall)
    )


def clock_time(wall: datetime) -> str:
    """The locale's short time of a wall-clock time, kept on one line: "5:30 PM", "17:30"."""
    # A time never wraps ("5:00" / "PM"). Qt's line breaker takes the narrow no-break space
    # that CLDR puts before AM/PM as a break, so both become ordinary no-break spaces.
    clock = QLocale().toString(QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat)
    return clock.replace("\u202f", "\u00a0").replace(" ", "\u00a0")


def short_day(day: date, *, year: bool = False) -> str:
    """ "Sun 8 Mar", or with `year` "Sun 8 Mar 2026"."""
    return QLocale().toString(
        QDate(day.year, day.month, day.day), SHORT_DAY_YEAR if year else SHORT_DAY
    )


def milestone_when(
    milestone: Milestone, zone: ZoneInfo, *, start: bool = True, year: bool = False
) -> str:
    """When a milestone is, said as honestly as it is known. A clinic-practice timing is
    "From about 5:30 PM on Sun 8 Mar": its time rounded later to a whole or half hour
    (Milestone.about), never to the minute. The next session is no appointment, so it is a
    date alone: "About Sat 4 Apr". With `start=False`, the words for inside a sentence."""
    if milestone.kind == "next_session":
        day = _unbroken(short_day(milestone.at.astimezone(zone).date(), year=year))
        pattern = (
            QCoreApplication.translate("Formatting", "About {date}")
            if start
            else QCoreApplication.translate("Formatting", "about {date}")
        )
        return pattern.format(date=day)
    wall = milestone.about.astimezone(zone)
    pattern = (
        QCoreApplication.translate("Formatting", "From about {time} on {date}")
        if start
        else QCoreApplication.translate("Formatting", "from about {time} on {date}")
    )
    return pattern.format(time=clock_time(wall), date=_unbroken(short_day(wall.date(), year=year)))


def milestone_countdown(milestone: Milestone, delta: timedelta, zone: ZoneInfo) -> tuple[str, str]:
    """The countdown to a milestone and the line under it: ("Makeup OK in 5 h 12 min", "You
    can wear makeup again: from about 5:30 PM on Sun 8 Mar"). The next session is no
    appointment, so it gets no countdown to the minute: ("Next session: about Sat 4 Apr",
    "Book or check your next session")."""
    if milestone.kind == "next_session":
        when = milestone_when(milestone, zone, start=False)
        return QCoreApplication.translate("Formatting", "{subject}: {when}").format(
            subject=milestone.countdown, when=when
        ), milestone.label
    line = QCoreApplication.translate("Formatting", "{label}: {when}").format(
        label=milestone.label, when=milestone_when(milestone, zone, start=False)
    )
    return countdown(milestone.countdown, delta), line


def _unbroken(text: str) -> str:
    """A date kept on one line ("Sun 8 Mar"), so a narrow cell never ends a line at "Sun 8"."""
    return text.replace(" ", "\u00a0")


def local_day(day: date, *, year: bool = False) -> str:
    """ "Sunday 8 March", or with `year` "Sunday 8 March 2026"; in Spanish "lunes, 9 de marzo".

    The pattern is translated: the order and the small words of a long date are the language's
    own ("de" in Spanish), which QLocale's names of days and months alone do not give."""
    if year:
        pattern = QCoreApplication.translate(
            "Formatting",
            "dddd d MMMM yyyy",
            "A long date with the year, as a QLocale date format (Sunday 8 March 2026). "
            "Put words between single quotes: 'de'.",
        )
    else:
        pattern = QCoreApplication.translate(
            "Formatting",
            "dddd d MMMM",
            "A long date, as a QLocale date format (Sunday 8 March). "
            "Put words between single quotes: 'de'.",
        )
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def system_zone_name() -> str:
    """The computer's IANA zone, e.g. "America/New_York"."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
