"""A time zone in words for people: "New York time", "this computer's time", "UTC"; never a
raw IANA name like "America/New_York" or "Etc/UTC"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.render.formatting import system_zone_name
from app.render.zone_words import place_words


def zone_words(zone: str, system_zone: str | None = None) -> str:
    """The zone as a patient would say it. The computer's own zone is "this computer's time",
    whatever it is called; a city zone is the city's time; a bare offset is that offset."""
    if zone == (system_zone if system_zone is not None else system_zone_name()):
        return QCoreApplication.translate("ZoneWords", "this computer's time")
    return place_words(zone)
