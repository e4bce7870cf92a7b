"""The patient's display preferences, declared as data and kept in the database.

In kiosk mode there is no database: the same object keeps values in memory only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.domain.clinic_details import check_name, check_phone
from app.store import Store
from app.ui.theme import TEXT_STEPS, THEMES


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    choices: tuple[str, ...]


TEXT_SIZE = Setting("display.text_size", "0", tuple(str(i) for i in range(len(TEXT_STEPS))))
THEME = Setting("display.theme", "light", THEMES)
REDUCE_MOTION = Setting("display.reduce_motion", "0", ("0", "1"))
# The language of the window and the content: "system" follows the computer (app/ui/translation).
LANGUAGE = Setting("display.language", "system", ("system", "en", "es"))
# The first-run welcome was answered (or passed by); from then on the app opens on what fits.
WELCOME_SEEN = Setting("journey.welcome_seen", "0", ("0", "1"))
ALL_SETTINGS = (TEXT_SIZE, THEME, REDUCE_MOTION)
# The region whose emergency number is shown (ISO 3166 alpha-2, like "GB"), or OTHER_REGION for
# one the content pack does not list. "" (not chosen) lets the clinic's or the system's region
# decide (ContentProvider.emergency_region). Checked by its form: which regions have a number
# is the pack's business.
REGION_KEY = "emergency.region"
OTHER_REGION = "other"
_REGION = re.compile(r"[A-Z]{2}")
# The patient's own clinic details (Settings, "Your clinic"), used where no clinic config sets
# them. Each is checked as a clinic config's is; "" when not given.
CLINIC_KEYS = {
    "name": "clinic.name",
    "phone": "clinic.phone",
    "after_hours_phone": "clinic.after_hours_phone",
}
_CLINIC_CHECKS = {"name": check_name, "phone": check_phone, "after_hours_phone": check_phone}


@dataclass(frozen=True)
class ClinicDetails:
    name: str = ""
    phone: str = ""
    after_hours_phone: str = ""


class Preferences(QObject):
    changed = Signal()  # a display or region choice: the window restyles
    clinic_changed = Signal()  # the patient's clinic details: surfaces redraw, no restyle
    language_changed = Signal()  # the window and the content are built again in that language

    def __init__(self, store: Store | None) -> None:
        super().__init__()
        self._store = store
        self._memory: dict[str, str] = {}

    def _get(self, setting: Setting) -> str:
        if self._store is not None:
            value = self._store.get_setting(setting.key)
        else:
            value = self._memory.get(setting.key)
        # A value from a damaged or hand-edited file falls back to the default, never crashes.
        return value if value in setting.choices else setting.default

    def _set(self, setting: Setting, value: str) -> None:
        if value not in setting.choices:
            raise ValueError(f"{setting.key} takes one of {setting.choices}")
        if value == self._get(setting):
            return
        if self._store is not None:
            self._store.set_setting(setting.key, value)
        else:
            self._memory[setting.key] = value
        self.changed.emit()

    @property
    def text_step(self) -> int:
        return int(self._get(TEXT_SIZE))

    def set_text_step(self, step: int) -> None:
        self._set(TEXT_SIZE, str(step))

    @property
    def theme(self) -> str:
        return self._get(THEME)

    def set_theme(self, theme: str) -> None:
        self._set(THEME, theme)

    @property
    def reduce_motion(self) -> bool:
        return self._get(REDUCE_MOTION) == "1"

    def set_reduce_motion(self, on: bool) -> None:
        self._set(REDUCE_MOTION, "1" if on else "0")

    @property
    def language(self) -> str:
        return self._get(LANGUAGE)

    def set_language(self, language: str) -> None:
        before = self.language
        self._set(LANGUAGE, language)
        if self.language != before:
            self.language_changed.emit()

    @property
    def welcome_seen(self) -> bool:
        return self._get(WELCOME_SEEN) == "1"

    def set_welcome_seen(self) -> None:
        self._set(WELCOME_SEEN, "1")

    @property
    def region(self) -> str:
        """The region the patient chose, OTHER_REGION, or "" when they have not chosen."""
        if self._store is not None:
            value = self._store.get_setting(REGION_KEY)
        else:
            value = self._memory.get(REGION_KEY)
        # A value from a damaged or hand-edited file counts as not chosen, never crashes.
        valid = value is not None and (value == OTHER_REGION or _REGION.fullmatch(value))
        return value if valid and value is not None else ""

    def set_region(self, region: str) -> None:
        if region != OTHER_REGION and not _REGION.fullmatch(region):
            raise ValueError(f'{REGION_KEY} takes a code like "GB" or "{OTHER_REGION}"')
        if region == self.region:
            return
        if self._store is not None:
            self._store.set_setting(REGION_KEY, region)
        else:
            self._memory[REGION_KEY] = region
        self.changed.emit()

    def clinic_details(self) -> ClinicDetails:
        """The clinic details the patient entered; a stored value that fails its check (a
        hand-edited file) counts as not given, never crashes."""
        values = {}
        for field, key in CLINIC_KEYS.items():
            if self._store is not None:
                value = self._store.get_setting(key) or ""
            else:
                value = self._memory.get(key, "")
            values[field] = value.strip() if _CLINIC_CHECKS[field](value) is None else ""
        return ClinicDetails(**values)

    def set_clinic_detail(self, field: str, value: str) -> bool:
        """Keep one detail ("name", "phone" or "after_hours_phone"); True when it changed.
        ValueError when it fails its check, StoreWriteError when it cannot be written."""
        if _CLINIC_CHECKS[field](value) is not None:
            raise ValueError(f"{CLINIC_KEYS[field]} failed its check")
        text = value.strip()
        if text == getattr(self.clinic_details(), field):
            return False
        if self._store is not None:
            self._store.set_setting(CLINIC_KEYS[field], text)
        else:
            self._memory[CLINIC_KEYS[field]] = text
        self.clinic_changed.emit()
        return True
