"""A time zone in words for people: "New York time", "this computer's time", "UTC"; never a
raw IANA name like "America/New_York" or "Etc/UTC"."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QTimeZone

from app.render.formatting import system_zone_name

# Names of Coordinated Universal Time itself, with no place to name.
_UTC_NAMES = {"UTC", "UCT", "GMT", "Zulu", "Universal", "Greenwich", "GMT0", "GMT+0", "GMT-0"}


def zone_words(zone: str, system_zone: str | None = None) -> str:
    """The zone as a patient would say it. The computer's own zone is "this computer's time",
    whatever it is called; a city zone is the city's time; a bare offset is that offset."""
    if zone == (system_zone if system_zone is not None else system_zone_name()):
        return QCoreApplication.translate("ZoneWords", "this computer's time")
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
