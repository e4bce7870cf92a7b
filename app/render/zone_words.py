"""A time zone named by its place, for people and for paper: "New York time", "UTC", "GMT+05:00";
never a raw IANA name like "America/New_York" or "Etc/UTC". Below both the UI and the export,
so a screen, a QR code and a printed handout say it the same way."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QTimeZone

# Names of Coordinated Universal Time itself, with no place to name.
_UTC_NAMES = {"UTC", "UCT", "GMT", "Zulu", "Universal", "Greenwich", "GMT0", "GMT+0", "GMT-0"}


def place_words(zone: str) -> str:
    """A city zone is the city's time; UTC is "UTC"; a zone with no city its offset or name."""
    area, _, place = zone.rpartition("/")
    if place in _UTC_NAMES and area in ("", "Etc"):
        return QCoreApplication.translate("ZoneWords", "UTC")
    qt_zone = QTimeZone(QByteArray(zone.encode()))
    if area == "Etc" or not area:  # "Etc/GMT+5", "CET", "EST5EDT": no city to name
        if not qt_zone.isValid():
            return zone
        kind = QTimeZone.TimeType.StandardTime
        if area == "Etc":
            return qt_zone.displayName(kind, QTimeZone.NameType.OffsetName)
        return qt_zone.displayName(QTimeZone.TimeType.GenericTime, QTimeZone.NameType.LongName)
    return QCoreApplication.translate("ZoneWords", "{city} time").format(
        city=place.replace("_", " ")
    )
