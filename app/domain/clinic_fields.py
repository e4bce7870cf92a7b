"""The clinic config's fields as data, for a setup form built from the schema: which tables and
keys there are, of what type, within what range, and the loader's own verdict on one value.

The list comes from the pydantic models app.domain.clinic validates with, so a key added there
shows up in the form without code here; an int key gets its range from INT_RANGES (one line
each), and the protocol's timings come from the content pack's rules. Checking a value runs the
loader itself (clinic_config_from_mapping) on that value alone, so the form can never accept
what loading would refuse, nor refuse what it accepts.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

# The models are the schema; they stay private to app.domain.clinic for everything else.
from app.domain.clinic import (
    KIOSK_IDLE_MAX,
    KIOSK_IDLE_MIN,
    KIOSK_STILL_THERE_MAX,
    KIOSK_STILL_THERE_MIN,
    _ClinicModel,
    _KioskModel,
    clinic_config_from_mapping,
)
from app.domain.getting_ready import MAX_DAYS_BEFORE, GettingReady
from app.domain.protocol import Protocol, Unit
from app.domain.schema import MAX_DAYS, MAX_HOURS

Kind = Literal["text", "bool", "int", "duration", "days"]  # days: optional, whole days
SECTIONS: dict[str, type[BaseModel]] = {"clinic": _ClinicModel, "kiosk": _KioskModel}
# (table, key) -> (lowest, highest, unit) for whole-number keys, as the loader checks them.
INT_RANGES: dict[tuple[str, str], tuple[int, int, str]] = {
    ("kiosk", "idle_seconds"): (KIOSK_IDLE_MIN, KIOSK_IDLE_MAX, "seconds"),
    ("kiosk", "still_there_seconds"): (KIOSK_STILL_THERE_MIN, KIOSK_STILL_THERE_MAX, "seconds"),
}
# A whole-number key with no line above: a wide range, and the loader's check on saving.
FALLBACK_RANGE = (0, 86_400, "")
DURATION_MAX: dict[Unit, int] = {"hours": MAX_HOURS, "days": MAX_DAYS}


@dataclass(frozen=True)
class ConfigField:
    table: str
    key: str
    kind: Kind
    default: object | None = None  # what the app uses when the file does not set it
    minimum: int = 0
    maximum: int = 0
    unit: str = ""  # "seconds"; for a timing, the pack default's unit
    typical: tuple[int, int] | None = None  # a timing's usual range, in `unit`, for help text

    @property
    def path(self) -> str:
        return f"{self.table}.{self.key}"


def _base_type(annotation: object) -> object:
    """`Annotated[str, ...] | None` -> str: the type under the Optional and the validators."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        parts = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        annotation = parts[0] if parts else annotation
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def section_fields() -> list[ConfigField]:
    """Every key of [clinic] and [kiosk], in the schema's order."""
    fields: list[ConfigField] = []
    for table, model in SECTIONS.items():
        for key, info in model.model_fields.items():
            base = _base_type(info.annotation)
            default = None if info.is_required() else info.default
            if base is bool:
                fields.append(ConfigField(table, key, "bool", default))
            elif base is int:
                low, high, unit = INT_RANGES.get((table, key), FALLBACK_RANGE)
                fields.append(ConfigField(table, key, "int", default, low, high, unit))
            else:
                fields.append(ConfigField(table, key, "text", default))
    return fields


def timing_fields(protocol: Protocol) -> list[ConfigField]:
    """One [protocol] key per rule of the pack, its default the pack's value."""
    fields = []
    for rule in protocol.rules:
        unit = rule.duration.unit
        typical = (rule.typical.min, rule.typical.max) if rule.typical else None
        default = {"amount": rule.duration.amount, "unit": unit}
        fields.append(
            ConfigField(
                "protocol", rule.id, "duration", default, 1, DURATION_MAX[unit], unit, typical
            )
        )
    return fields


def before_fields(ready: GettingReady) -> list[ConfigField]:
    """One [before] key per getting-ready item of the pack, its default the pack's days."""
    return [
        ConfigField("before", item.id, "days", item.days_before, 0, MAX_DAYS_BEFORE, "days")
        for item in ready.items
    ]


def field_problems(
    field: ConfigField, value: object | None, source: Path, known_rule_ids: Iterable[str]
) -> list[str]:
    """What loading would say about `value` as this field's value (none when None: not set)."""
    if value is None:
        return []
    data = {field.table: {field.key: value}}
    _, problems = clinic_config_from_mapping(data, source, known_rule_ids)
    return [
        p.message for p in problems if p.field == field.path or p.field.startswith(f"{field.path}.")
    ]
