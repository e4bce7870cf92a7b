"""Reading a pack's warning-signs files: the model, its words in one language, emergency numbers.

The pack loader (app.domain.pack) reads them with the rest of the pack, through the same checks
as every other pack file (app.domain.pack_checks: inside the pack, no links, a regular file
under its cap, TOML with the line of a syntax error), so `validate-pack` and the app agree on
them. Any problem in these files makes the pack unusable, as a broken protocol.toml does:
safety words are never half-loaded, and the app shows the built-in pack instead.

Beyond the parsers in app.domain.warnings, this checks what needs the rest of the pack or the
app: every sign's sources are keys in pack.toml, the words are plain text, and the words use
only the placeholders the app fills.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.pack_checks import SYNTAX, parse_toml, read_text
from app.domain.pack_markdown import check_plain_text
from app.domain.placeholders import find_placeholders, stray_braces
from app.domain.schema import Problem
from app.domain.warnings import (
    WarningModel,
    WarningText,
    model_from_mapping,
    numbers_from_mapping,
    text_from_mapping,
)

MODEL_FILE = "warning_signs.toml"
NUMBERS_FILE = "emergency_numbers.toml"
# What the app fills in the warning words (app.domain.warning_blocks, app.domain.checkin_words);
# a check-in reason about a symptom also names it.
WORD_PLACEHOLDERS = frozenset({"emergency_number", "clinic_name"})
REASON_PLACEHOLDERS = WORD_PLACEHOLDERS | {"symptom"}


@dataclass(frozen=True)
class Warnings:
    """Everything needed to say how urgent a sign is, and whom to call."""

    model: WarningModel
    text: WarningText
    numbers: Mapping[str, str]  # region code -> emergency number
    problems: tuple[Problem, ...] = ()


def read_warnings(
    root: Path, language: str, source_keys: frozenset[str] | None, problems: list[Problem]
) -> Warnings | None:
    """The three files of the pack at `root`, in `language`; None (and why, in `problems`)
    when any of them has a problem. `source_keys` are pack.toml's; None when it could not be
    read, and then citations are not checked. A file that cannot be read or parsed is one
    problem, not one per field it would have held."""
    found: list[Problem] = []
    model: WarningModel | None = None
    if (model_data := _read_or_none(root, MODEL_FILE, found)) is not None:
        model, parsed = model_from_mapping(model_data, MODEL_FILE)
        found.extend(parsed)
        if source_keys is not None:
            found.extend(_unknown_sources(model_data, source_keys))
    text: WarningText | None = None
    text_file = f"{language}/{MODEL_FILE}"
    if (text_data := _read_or_none(root, text_file, found)) is not None:
        check_plain_text(text_data, text_file, found)
        found.extend(_placeholder_problems(text_data, text_file))
        if model is not None:  # the words are checked against the structure they name
            text, parsed = text_from_mapping(text_data, text_file, model)
            found.extend(parsed)
    numbers: dict[str, str] = {}
    if (numbers_data := _read_or_none(root, NUMBERS_FILE, found)) is not None:
        numbers, parsed = numbers_from_mapping(numbers_data, NUMBERS_FILE)
        found.extend(parsed)
    problems.extend(found)
    if found or model is None or text is None:
        return None
    return Warnings(model, text, numbers)


def load_warnings(pack_folder: Path, language: str) -> Warnings:
    """The warning files of `pack_folder` on their own, with every problem in the result and
    the values read so far still usable (for tests and tools; the app loads them with the
    pack). Never raises for a broken or missing file."""
    problems: list[Problem] = []
    root = pack_folder.resolve()
    model_data = _read_toml(root, MODEL_FILE, problems)
    model, found = model_from_mapping(model_data, MODEL_FILE)
    problems.extend(found)
    text_file = f"{language}/{MODEL_FILE}"
    text, found = text_from_mapping(_read_toml(root, text_file, problems), text_file, model)
    problems.extend(found)
    numbers_data = _read_toml(root, NUMBERS_FILE, problems)
    numbers, found = numbers_from_mapping(numbers_data, NUMBERS_FILE)
    problems.extend(found)
    return Warnings(model, text, numbers, tuple(problems))


def _read_or_none(root: Path, file: str, problems: list[Problem]) -> Mapping[str, Any] | None:
    text = read_text(root, file, problems)
    data = None if text is None else parse_toml(text, file, SYNTAX, 0, problems)
    return data if isinstance(data, dict) else None


def _read_toml(root: Path, file: str, problems: list[Problem]) -> Mapping[str, Any]:
    return _read_or_none(root, file, problems) or {}


def _unknown_sources(data: Mapping[str, Any], keys: frozenset[str]) -> list[Problem]:
    """A sign citing a source that pack.toml does not list, as a screen's would be."""
    problems: list[Problem] = []
    signs = data.get("signs")
    for number, entry in enumerate(signs if isinstance(signs, list) else [], start=1):
        sources = entry.get("sources") if isinstance(entry, dict) else None
        for position, key in enumerate(sources if isinstance(sources, list) else [], start=1):
            if isinstance(key, str) and key not in keys:
                listed = ", ".join(sorted(keys))
                message = f'unknown source key "{key}"; expected one from pack.toml: {listed}'
                where = f"signs[{number}].sources[{position}]"
                problems.append(Problem(MODEL_FILE, where, message))
    return problems


def _placeholder_problems(data: Mapping[str, Any], file: str) -> list[Problem]:
    """Words that ask for a value the app does not fill would reach the patient as "{{...}}"."""
    problems: list[Problem] = []
    for where, text in _strings(data, ""):
        allowed = REASON_PLACEHOLDERS if where.startswith("checkin.reasons.") else WORD_PLACEHOLDERS
        for name in sorted(find_placeholders(text) - allowed):
            names = ", ".join("{{" + n + "}}" for n in sorted(allowed))
            message = f'unknown placeholder "{{{{{name}}}}}"; expected one of: {names}'
            problems.append(Problem(file, where, message))
        if stray_braces(text):
            message = 'expected a placeholder like "{{clinic_name}}", got unmatched "{{" or "}}"'
            problems.append(Problem(file, where, message))
    return problems


def _strings(value: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in _strings(item, f"{path}.{key}".lstrip("."))
        ]
    return []
