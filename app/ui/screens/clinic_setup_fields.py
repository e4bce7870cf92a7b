"""Clinic setup: the words for each clinic config field and the editor that shows it.

The fields themselves come from the config's schema (app.domain.clinic_fields); this table
only gives each a label and help in the reader's language, and picks an editor where the
field's type alone does not say enough (a colour, a logo, a region, the PIN). A key the schema
gains later appears in the form anyway, named by its key, with the editor its type calls for;
a row here gives it words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from app.domain.aftercare_text import AftercareText
from app.domain.clinic import KIOSK_IDLE_MAX, KIOSK_IDLE_MIN
from app.domain.clinic_details import NAME_MAX, PHONE_MAX
from app.domain.clinic_fields import ConfigField
from app.ui.region_names import by_name, region_name
from app.ui.screens.clinic_setup_editors import (
    BoolEditor,
    DurationEditor,
    Editor,
    IntEditor,
    OptionalIntEditor,
    RegionEditor,
    TextEditor,
)
from app.ui.screens.clinic_setup_look import ColourEditor, LogoEditor
from app.ui.screens.clinic_setup_pin import PinEditor


@dataclass(frozen=True)
class Words:
    label: str
    help: str = ""
    check: str = ""  # a yes/no field: the words beside its box


def field_words() -> dict[tuple[str, str], Words]:
    """Built on each call, so a language switch shows at the next form."""
    return {
        ("clinic", "name"): Words(
            QCoreApplication.translate("ClinicSetup", "Clinic name"),
            QCoreApplication.translate(
                "ClinicSetup",
                "In the kiosk's top bar, on handouts and wherever the app says “your clinic”. "
                "At most {n} characters.",
            ).format(n=NAME_MAX),
        ),
        ("clinic", "phone"): Words(
            QCoreApplication.translate("ClinicSetup", "Phone"),
            QCoreApplication.translate(
                "ClinicSetup",
                "Shown with the warning signs. Digits, spaces and + ( ) - only; at most {n}.",
            ).format(n=PHONE_MAX),
        ),
        ("clinic", "after_hours_phone"): Words(
            QCoreApplication.translate("ClinicSetup", "After-hours phone"),
            QCoreApplication.translate(
                "ClinicSetup", "For worries outside opening hours. Same rules."
            ),
        ),
        ("clinic", "logo"): Words(
            QCoreApplication.translate("ClinicSetup", "Logo"),
            QCoreApplication.translate(
                "ClinicSetup",
                "An .svg or .png file in the folder of the settings file, or a folder inside "
                "it. A file chosen elsewhere is copied there when you save.",
            ),
        ),
        ("clinic", "accent_colour"): Words(
            QCoreApplication.translate("ClinicSetup", "Accent colour"),
            QCoreApplication.translate(
                "ClinicSetup",
                "Replaces the app's teal in the light theme, only if white text on it and it "
                "on white are easy to read (WCAG AA).",
            ),
        ),
        ("clinic", "region"): Words(
            QCoreApplication.translate("ClinicSetup", "Region"),
            QCoreApplication.translate(
                "ClinicSetup", "Whose emergency number to show. A patient can still choose another."
            ),
        ),
        ("kiosk", "enabled"): Words(
            QCoreApplication.translate("ClinicSetup", "Kiosk"),
            QCoreApplication.translate(
                "ClinicSetup", "When ticked, this computer starts as the waiting-room kiosk."
            ),
            QCoreApplication.translate("ClinicSetup", "This computer is a waiting-room kiosk"),
        ),
        ("kiosk", "idle_seconds"): Words(
            QCoreApplication.translate("ClinicSetup", "Kiosk idle time"),
            QCoreApplication.translate(
                "ClinicSetup",
                "Back to the start screen after this long without a touch ({low} to {high} "
                "seconds).",
            ).format(low=KIOSK_IDLE_MIN, high=KIOSK_IDLE_MAX),
        ),
        ("kiosk", "reduce_motion"): Words(
            QCoreApplication.translate("ClinicSetup", "Kiosk motion"),
            "",
            QCoreApplication.translate(
                "ClinicSetup", "Change the kiosk's highlights without a fade"
            ),
        ),
        ("kiosk", "usage_counts"): Words(
            QCoreApplication.translate("ClinicSetup", "Usage counts"),
            QCoreApplication.translate(
                "ClinicSetup",
                "Counts per day only (visits, screens, prints), never who or when exactly.",
            ),
            QCoreApplication.translate("ClinicSetup", "Count how the kiosk is used"),
        ),
        ("kiosk", "still_there_seconds"): Words(
            QCoreApplication.translate("ClinicSetup", "Time to answer “Still there?”"),
            QCoreApplication.translate(
                "ClinicSetup", "How long the kiosk waits for a touch before it starts again."
            ),
        ),
        ("kiosk", "pin_hash"): Words(
            QCoreApplication.translate("ClinicSetup", "Staff PIN"),
            QCoreApplication.translate(
                "ClinicSetup",
                "Closes the kiosk and opens this setup there. 6 to 12 digits, not a sequence "
                "or a repeat. Stored only as a salted hash.",
            ),
        ),
    }


def words_for(
    field: ConfigField, text: AftercareText | None, before: Mapping[str, str] | None = None
) -> Words:
    """`before`: each getting-ready item's words in the pack (id -> text)."""
    if field.table == "protocol":
        return _timing_words(field, text)
    if field.table == "before":
        label = (before or {}).get(field.key, field.key)
        return Words(
            label,
            ClinicSetupCounts().days_before(int(str(field.default))),
        )
    return field_words().get((field.table, field.key), Words(field.key))


def _timing_words(field: ConfigField, text: AftercareText | None) -> Words:
    label = field.key
    if text is not None and field.key in {rule.rule_id for rule in text.rules}:
        label = text.rule(field.key).milestone
    default = field.default if isinstance(field.default, dict) else {}
    counts = ClinicSetupCounts()
    help_text = counts.default_timing(int(default.get("amount", 0)), field.unit)
    if field.typical is not None:
        help_text += " " + counts.usual_range(field.typical[0], field.typical[1], field.unit)
    return Words(label, help_text)


class ClinicSetupCounts(QObject):
    """The form's words with a count, in Qt's plural forms (%n): lupdate marks a message as
    plural only for tr() inside a class."""

    def days_before(self, days: int) -> str:
        return self.tr("Default: %n days before.", "", days)

    def default_timing(self, amount: int, unit: str) -> str:
        if unit == "hours":
            return self.tr("Default: %n hours.", "", amount)
        return self.tr("Default: %n days.", "", amount)

    def usual_range(self, low: int, high: int, unit: str) -> str:
        if unit == "hours":
            return self.tr("Clinics usually ask {low} to %n hours.", "", high).format(low=low)
        return self.tr("Clinics usually ask {low} to %n days.", "", high).format(low=low)


def region_choices(codes: list[str]) -> list[tuple[str, str]]:
    """(code, name) in the app's language, by name: the same names as Settings shows."""
    return [(code, region_name(code)) for code in sorted(codes, key=by_name)]


def make_editor(
    field: ConfigField, words: Words, folder: Path, can_browse: bool, regions: list[str]
) -> Editor:
    """The editor for one field: by its key where the type is not enough, else by its type."""
    special = (field.table, field.key)
    if special == ("clinic", "accent_colour"):
        return ColourEditor(field, words.label)
    if special == ("clinic", "logo"):
        return LogoEditor(field, words.label, folder, can_browse)
    if special == ("clinic", "region"):
        return RegionEditor(field, words.label, region_choices(regions))
    if special == ("kiosk", "pin_hash"):
        return PinEditor(field, words.label)
    if field.kind == "bool":
        return BoolEditor(field, words.label, words.check or words.label)
    if field.kind == "int":
        return IntEditor(field, words.label)
    if field.kind == "duration":
        return DurationEditor(field, words.label)
    if field.kind == "days":
        return OptionalIntEditor(field, words.label)
    return TextEditor(field, words.label)
