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

from PySide6.QtCore import QLocale

from app.domain.aftercare_text import AftercareText
from app.domain.clinic import KIOSK_IDLE_MAX, KIOSK_IDLE_MIN
from app.domain.clinic_details import NAME_MAX, PHONE_MAX
from app.domain.clinic_fields import ConfigField
from app.ui.screens.clinic_setup_editors import (
    BoolEditor,
    DurationEditor,
    Editor,
    IntEditor,
    OptionalIntEditor,
    RegionEditor,
    TextEditor,
    tr,
    unit_words,
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
            tr("Clinic name"),
            tr(
                "In the kiosk's top bar, on handouts and wherever the app says “your clinic”. "
                "At most {n} characters."
            ).format(n=NAME_MAX),
        ),
        ("clinic", "phone"): Words(
            tr("Phone"),
            tr(
                "Shown with the warning signs. Digits, spaces and + ( ) - only; at most {n}."
            ).format(n=PHONE_MAX),
        ),
        ("clinic", "after_hours_phone"): Words(
            tr("After-hours phone"), tr("For worries outside opening hours. Same rules.")
        ),
        ("clinic", "logo"): Words(
            tr("Logo"),
            tr(
                "An .svg or .png file in the folder of the settings file, or a folder inside "
                "it. A file chosen elsewhere is copied there when you save."
            ),
        ),
        ("clinic", "accent_colour"): Words(
            tr("Accent colour"),
            tr(
                "Replaces the app's teal in the light theme, only if white text on it and it "
                "on white are easy to read (WCAG AA)."
            ),
        ),
        ("clinic", "region"): Words(
            tr("Region"),
            tr("Whose emergency number to show. A patient can still choose another."),
        ),
        ("kiosk", "enabled"): Words(
            tr("Kiosk"),
            tr("When ticked, this computer starts as the waiting-room kiosk."),
            tr("This computer is a waiting-room kiosk"),
        ),
        ("kiosk", "idle_seconds"): Words(
            tr("Kiosk idle time"),
            tr(
                "Back to the start screen after this long without a touch ({low} to {high} "
                "seconds)."
            ).format(low=KIOSK_IDLE_MIN, high=KIOSK_IDLE_MAX),
        ),
        ("kiosk", "reduce_motion"): Words(
            tr("Kiosk motion"), "", tr("Change the kiosk's highlights without a fade")
        ),
        ("kiosk", "usage_counts"): Words(
            tr("Usage counts"),
            tr("Counts per day only (visits, screens, prints), never who or when exactly."),
            tr("Count how the kiosk is used"),
        ),
        ("kiosk", "still_there_seconds"): Words(
            tr("Time to answer “Still there?”"),
            tr("How long the kiosk waits for a touch before it starts again."),
        ),
        ("kiosk", "pin_hash"): Words(
            tr("Staff PIN"),
            tr(
                "Closes the kiosk and opens this setup there. 6 to 12 digits, not a sequence "
                "or a repeat. Stored only as a salted hash."
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
        return Words(label, tr("Default: {days} days before.").format(days=field.default))
    return field_words().get((field.table, field.key), Words(field.key))


def _timing_words(field: ConfigField, text: AftercareText | None) -> Words:
    label = field.key
    if text is not None and field.key in {rule.rule_id for rule in text.rules}:
        label = text.rule(field.key).milestone
    default = field.default if isinstance(field.default, dict) else {}
    help_text = tr("Default: {amount} {unit}.").format(
        amount=default.get("amount", ""), unit=unit_words(field.unit)
    )
    if field.typical is not None:
        help_text += " " + tr("Clinics usually ask {low} to {high} {unit}.").format(
            low=field.typical[0], high=field.typical[1], unit=unit_words(field.unit)
        )
    return Words(label, help_text)


def region_choices(codes: list[str]) -> list[tuple[str, str]]:
    choices = []
    for code in codes:
        territory = QLocale.codeToTerritory(code)
        name = (
            code
            if territory == QLocale.Country.AnyTerritory
            else QLocale.territoryToString(territory)
        )
        choices.append((code, name))
    return sorted(choices, key=lambda pair: pair[1])


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
