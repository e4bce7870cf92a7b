"""Read a pack's warning-signs files: the model, its words in one language, emergency numbers.

A small loader for the daily check-in. The pack loader may take this over (and check these
files with the rest of the pack); until then this is the one place that opens them. Every
problem is collected with its file and field, as the parsers in app.domain.warnings do.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Warnings:
    """Everything the check-in needs to say how urgent an answer is, and whom to call."""

    model: WarningModel
    text: WarningText
    numbers: Mapping[str, str]  # region code -> emergency number
    problems: tuple[Problem, ...]


def load_warnings(pack_folder: Path, language: str) -> Warnings:
    """The three files of `pack_folder`, in `language`. Never raises for a broken or missing
    file: it is a problem in the result, and the values read so far are still usable."""
    problems: list[Problem] = []
    model_data = _read(pack_folder / MODEL_FILE, MODEL_FILE, problems)
    model, found = model_from_mapping(model_data, MODEL_FILE)
    problems.extend(found)
    text_name = f"{language}/{MODEL_FILE}"
    text_data = _read(pack_folder / language / MODEL_FILE, text_name, problems)
    text, found = text_from_mapping(text_data, text_name, model)
    problems.extend(found)
    numbers_data = _read(pack_folder / NUMBERS_FILE, NUMBERS_FILE, problems)
    numbers, found = numbers_from_mapping(numbers_data, NUMBERS_FILE)
    problems.extend(found)
    return Warnings(model, text, numbers, tuple(problems))


def _read(path: Path, name: str, problems: list[Problem]) -> Mapping[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(Problem(name, "(file)", "missing; every content pack needs it"))
    except OSError as error:
        problems.append(Problem(name, "(file)", f"cannot read: {error.strerror or error}"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(Problem(name, "(syntax)", f"not valid TOML: {error}"))
    return {}
