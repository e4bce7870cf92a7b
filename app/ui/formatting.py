"""Times and durations in the words and formats of the user's locale."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime, QTimeZone


def tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def duration_words(delta: timedelta) -> str:
    """ "5 h 12 min", "2 days 3 h", "less than a minute": short, but never ambiguous."""
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days >= 2:
        return tr("{days} days {hours} h").format(days=days, hours=hours)
    hours += days * 24
    if hours:
        return tr("{hours} h {minutes} min").format(hours=hours, minutes=mins)
    if mins:
        return tr("{minutes} min").format(minutes=mins)
    return tr("less than a minute")


def countdown(subject: str, delta: timedelta) -> str:
    """ "Makeup OK in 5 h 12 min"."""
    return tr("{subject} in {time}").format(subject=subject, time=duration_words(delta))


def local_moment(moment: datetime, zone: ZoneInfo | None = None, pattern: str = "") -> str:
    """ "Sun 8 Mar, 5:00 PM": a short day and month and the locale's short time, on the wall
    clock of `zone` (the patient's, never the machine's) or of the moment's own zone."""
    wall = moment.astimezone(zone) if zone is not None else moment
    locale = QLocale()
    day = locale.toString(QDate(wall.year, wall.month, wall.day), "ddd d MMM")
    clock = locale.toString(QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat)
    # A time never wraps ("5:00" / "PM"). Qt's line breaker takes the narrow no-break space
    # that CLDR puts before AM/PM as a break, so both become ordinary no-break spaces.
    clock = clock.replace("\u202f", "\u00a0").replace(" ", "\u00a0")
    return (pattern or tr("{date}, {time}")).format(date=day, time=clock)


def local_day(day: date) -> str:
    """ "Sunday 8 March"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")


def system_zone_name() -> str:
    """The computer's IANA zone, e.g. "America/New_York"."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
