"""Loads the content pack once, after the first frame, and hands it to every screen.

Loading imports pydantic and reads a dozen files; none of that is needed to paint the window,
so the application calls load() from MainWindow.first_painted and screens wait for `loaded`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Signal

from app import paths

if TYPE_CHECKING:
    from app.domain.content import Content
    from app.domain.protocol import Duration
    from app.domain.warning_blocks import LevelWords, Phones, PhoneWords, Segment
    from app.domain.warnings import Level
    from app.domain.warnings_files import Warnings

log = logging.getLogger(__name__)
BUILTIN_PACK = "microneedling-acne-scars"
CLINIC_FIELDS = ("name", "phone", "after_hours_phone")


def builtin_pack_folder() -> Path:
    return paths.resource_path("content", BUILTIN_PACK)


class ContentProvider(QObject):
    loaded = Signal()

    def __init__(self, preferred: Path | None = None, language: str | None = None) -> None:
        super().__init__()
        self._preferred = preferred
        # The system's language when the pack has it (Spanish is a folder away), else English.
        self._language = language or QLocale().name().split("_")[0] or "en"
        self._content: Content | None = None
        # The clinic's name and phones: what the clinic config sets (assigning clinic_name,
        # clinic_phone or clinic_after_hours_phone is the config's say, and wins), else what
        # the patient entered in Settings (use_patient_clinic).
        self._clinic_config: dict[str, str] = dict.fromkeys(CLINIC_FIELDS, "")
        self._clinic_patient: dict[str, str] = dict.fromkeys(CLINIC_FIELDS, "")
        self.clinic_accent: str | None = None
        self.clinic_config_path: Path | None = None  # the clinic config file read, if any
        self.clinic_logo: Path | None = None
        self.clinic_overrides: dict[str, Duration] = {}  # timings the clinic sets
        self.clinic_before_days: dict[str, int] = {}  # getting-ready timings the clinic sets
        # The region (ISO 3166, e.g. "GB") whose emergency number is shown: the patient's
        # choice in Settings ("other" for a region the pack does not list; "" until they
        # choose), else the clinic config's region, else the system's (emergency_region).
        self.region = ""
        self.clinic_region = ""
        # The line shown for the clinic's phone when no clinic config sets one; "" for the home
        # window's. The kiosk, which has no Settings, sets its own.
        self.missing_phone = ""

    # the clinic's details ----------------------------------------------------------------------

    def _clinic(self, field: str) -> str:
        return self._clinic_config[field] or self._clinic_patient[field]

    @property
    def clinic_name(self) -> str:
        return self._clinic("name")

    @clinic_name.setter
    def clinic_name(self, value: str) -> None:
        self._clinic_config["name"] = value

    @property
    def clinic_phone(self) -> str:
        return self._clinic("phone")

    @clinic_phone.setter
    def clinic_phone(self, value: str) -> None:
        self._clinic_config["phone"] = value

    @property
    def clinic_after_hours_phone(self) -> str:
        return self._clinic("after_hours_phone")

    @clinic_after_hours_phone.setter
    def clinic_after_hours_phone(self, value: str) -> None:
        self._clinic_config["after_hours_phone"] = value

    def set_by_clinic_config(self, field: str) -> str:
        """The value the clinic config gives `field` ("name", "phone", "after_hours_phone");
        "" when it gives none, and the patient's entry is used."""
        return self._clinic_config[field]

    def use_patient_clinic(self, name: str, phone: str, after_hours_phone: str) -> None:
        """The patient's entries from Settings, for each detail no clinic config sets."""
        self._clinic_patient = {
            "name": name,
            "phone": phone,
            "after_hours_phone": after_hours_phone,
        }

    @property
    def is_loaded(self) -> bool:
        return self._content is not None

    def load(self) -> None:
        """Load now if not yet loaded; emits `loaded` once."""
        if self._content is not None:
            return
        self._load_now()
        self.loaded.emit()

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Show the pack in `language` from now on (the pack's English when it lacks it). The
        content loaded before is dropped and loaded again at once, without a second `loaded`:
        what follows the first load (clinic config, reminders) has already happened."""
        if language == self._language:
            return
        self._language = language
        if self._content is not None:
            self._load_now()

    def _load_now(self) -> None:
        from app.domain.content import load_content

        self._content = load_content(self._preferred, builtin_pack_folder(), self._language)
        for problem in self._content.problems:
            # File, field and expectation only: content problems never carry patient text.
            log.warning("content pack problem: %s", problem)
        if self._content.used_fallback:
            log.warning("content pack %s unusable; showing the built-in pack", self._preferred)

    def content(self) -> Content:
        self.load()
        assert self._content is not None
        return self._content

    def values(self) -> Mapping[str, str]:
        from app.domain.content import placeholder_values
        from app.domain.placeholders import escape_markdown

        content = self.content()
        phone = self.clinic_phone
        if phone and self.clinic_after_hours_phone:
            phone = QCoreApplication.translate(
                "Content", "{phone} (after hours: {after_hours})"
            ).format(phone=phone, after_hours=self.clinic_after_hours_phone)
        known = set(content.protocol.rule_ids)
        overrides = {k: v for k, v in self.clinic_overrides.items() if k in known}
        return placeholder_values(
            content,
            content.protocol.with_overrides(overrides) if overrides else content.protocol,
            # Clinic details come from a config file, not reviewed content: escaped, so that
            # a name like "Skin_Care" is not turned into italics.
            escape_markdown(self.clinic_name)
            if self.clinic_name
            else QCoreApplication.translate("Content", "your clinic"),
            escape_markdown(phone)
            if phone
            else QCoreApplication.translate("Content", "your clinic's phone number"),
            _long_date,
            escape_markdown(self.emergency_number()),
        )

    def problem_summary(self) -> str:
        """Plain words for the user when the pack had problems; empty when it had none."""
        content = self.content()
        if not content.problems:
            return ""
        lines = [str(problem) for problem in content.problems]
        if content.used_fallback:
            head = QCoreApplication.translate(
                "Content",
                "The content from {folder} could not be used, so the app shows its own "
                "built-in content instead. What needs fixing:",
            ).format(folder=str(self._preferred))
        else:
            head = QCoreApplication.translate(
                "Content", "Some content had problems and was left out. What needs fixing:"
            )
        return head + "\n" + "\n".join(lines)

    # warning signs -------------------------------------------------------------------------

    def warnings(self) -> Warnings:
        """The warning-signs model, words and emergency numbers of the pack shown: loaded and
        checked with the pack, so always whole (a pack with a problem in them is not shown)."""
        return self.content().warnings

    def emergency_region(self) -> str:
        """The region whose emergency number the patient sees: their choice in Settings, else
        the clinic config's region (a clinic sets it on purpose; a computer's locale is often
        left at a default), else the system's ("" when the system names none, as in the C
        locale)."""
        return self.region or self.clinic_region or QLocale.territoryToCode(QLocale().territory())

    def emergency_number(self) -> str:
        """The local emergency number, or the pack's words for "your local emergency number"
        when the region is unknown: never a guessed number."""
        warnings = self.warnings()
        return warnings.text.emergency_number(warnings.numbers, self.emergency_region())

    def regions(self) -> list[str]:
        """The regions whose emergency number the pack knows, as ISO 3166 codes."""
        return sorted(self.warnings().numbers)

    def warning_values(self) -> dict[str, str]:
        """What fills {{emergency_number}} and {{clinic_name}} in the pack's warning words (as
        plain text: each surface escapes what it needs)."""
        return {
            "emergency_number": self.emergency_number(),
            "clinic_name": self.clinic_name or QCoreApplication.translate("Content", "your clinic"),
        }

    def phones(self) -> Phones:
        from app.domain.warning_blocks import Phones

        return Phones(self.clinic_phone, self.clinic_after_hours_phone)

    def level_words(self, level: Level, missing_phone: str = "") -> LevelWords:
        """One warning level's words, filled for this patient and clinic, in plain text."""
        from app.domain.warning_blocks import level_words

        words = self._phone_words(missing_phone)
        return level_words(self.warnings(), level, self.warning_values(), self.phones(), words)

    def _phone_words(self, missing_phone: str = "") -> PhoneWords:
        from app.domain.warning_blocks import PhoneWords

        return PhoneWords(
            clinic=QCoreApplication.translate("Content", "Clinic phone: {phone}"),
            after_hours=QCoreApplication.translate("Content", "Out of hours: {phone}"),
            missing=missing_phone or self.missing_phone or self.settings_phone_line(),
        )

    def settings_phone_line(self) -> str:
        """The home window's line where the clinic's phone would be, when nobody set it; the
        Warning signs area makes it a link to Settings."""
        return QCoreApplication.translate("Content", "Add your clinic's phone in Settings.")

    def screen_segments(self, body: str) -> list[Segment]:
        """A screen's body ready to draw: the author's Markdown with its placeholders filled,
        and each warning level of its blocks as a segment of its own."""
        from app.domain.placeholders import fill
        from app.domain.warning_blocks import Segment, expand

        words = self._phone_words()
        segments = expand(body, self.warnings(), self.warning_values(), self.phones(), words)
        values = self.values()
        return [
            segment if segment.level is not None else Segment(fill(segment.markdown, values))
            for segment in segments
        ]


def _long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
