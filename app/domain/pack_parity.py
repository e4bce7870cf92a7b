"""Every language of a pack says the same things: the same screens, placeholders, rules and signs.

A translation is checked against the pack's first language (the one it was translated from):
each language must have the same screens (by id, in the same order, with the same drawing and
the same sources), use the same placeholders in each screen, and have in its word files
(aftercare.toml, before.toml, warning_signs.toml) the same entries (rules, phases, checklist
items, getting-ready items, warning signs, check-in questions) with the same placeholders. What
is missing or extra is reported as a Problem on the translated file, like every other check, so
`validate-pack` lists it and fails.

The loader has already checked each language against the language-neutral model (protocol.toml,
warning_signs.toml, before.toml); this module adds what only a comparison can see: an optional
entry left untranslated, a placeholder dropped or added, a screen only one language has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.domain.pack import AFTERCARE_FILE, BEFORE_FILE, ContentPack, Screen
from app.domain.pack_checks import BODY, FOLDER, SYNTAX, parse_toml, read_text
from app.domain.placeholders import find_placeholders
from app.domain.schema import Problem
from app.domain.warnings_files import MODEL_FILE

WORD_FILES = (AFTERCARE_FILE, BEFORE_FILE, MODEL_FILE)
SAME = "expected the same in every language"
# {days} in before.toml: one pair of braces, unlike the {{name}} of screens.
_SINGLE_BRACES = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")


def placeholders(text: str) -> set[str]:
    """``{{name}}`` and ``{name}`` placeholders in ``text``, written as the author writes them."""
    double = {"{{" + name + "}}" for name in find_placeholders(text)}
    return double | {"{" + name + "}" for name in _SINGLE_BRACES.findall(text)}


def check_parity(packs: Mapping[str, ContentPack]) -> list[Problem]:
    """Problems of each language compared with the first in ``packs`` (the source language)."""
    if len(packs) < 2:
        return []
    source, *others = packs
    problems: list[Problem] = []
    for code in others:
        problems.extend(_screen_parity(packs[source], packs[code]))
        for name in WORD_FILES:
            problems.extend(_word_parity(packs[source].folder, source, code, name))
    return problems


def _screen_text(screen: Screen) -> str:
    meta = screen.meta
    return "\n".join([meta.title, meta.summary, meta.illustration_alt or "", screen.body])


def _screen_parity(source: ContentPack, other: ContentPack) -> list[Problem]:
    problems: list[Problem] = []
    theirs = {screen.meta.id: screen for screen in source.screens}
    ours = {screen.meta.id: screen for screen in other.screens}
    folder = f"{other.language}/screens/"
    for screen_id, missing in theirs.items():
        if screen_id not in ours:
            message = f'has no screen "{screen_id}", which {missing.file} is; {SAME}'
            problems.append(Problem(folder, FOLDER, message))
    for screen_id, screen in ours.items():
        model = theirs.get(screen_id)
        if model is None:
            message = f'"{source.language}" has no screen "{screen_id}"; {SAME}'
            problems.append(Problem(screen.file, "id", message))
            continue
        pairs: list[tuple[str, Any, Any]] = [
            ("order", model.meta.order, screen.meta.order),
            ("illustration", model.meta.illustration, screen.meta.illustration),
            ("sources", sorted(model.meta.sources), sorted(screen.meta.sources)),
        ]
        for field, wanted, got in pairs:
            if wanted != got:
                message = f"expected {wanted} as in {model.file}, got {got}; {SAME}"
                problems.append(Problem(screen.file, field, message))
        problems.extend(
            _placeholder_problems(
                screen.file, BODY, model.file, _screen_text(model), _screen_text(screen)
            )
        )
    return problems


def _placeholder_problems(
    file: str, field: str, model_file: str, model_text: str, text: str
) -> list[Problem]:
    wanted, got = placeholders(model_text), placeholders(text)
    problems = [
        Problem(file, field, f"missing {name}, which {model_file} has; {SAME}")
        for name in sorted(wanted - got)
    ]
    problems.extend(
        Problem(file, field, f"has {name}, which {model_file} has not; {SAME}")
        for name in sorted(got - wanted)
    )
    return problems


def _word_parity(root: Path, source: str, code: str, name: str) -> list[Problem]:
    model_file, file = f"{source}/{name}", f"{code}/{name}"
    if not (root / model_file).is_file():
        return []  # an optional file (before.toml) the pack does not have
    found: list[Problem] = []
    model, words = _entries(root, model_file, found), _entries(root, file, found)
    if model is None or words is None:
        return []  # the loader has reported why; the same problem twice helps nobody
    problems: list[Problem] = []
    for key in model:
        if key not in words:
            message = f"missing; {model_file} has it, {SAME}"
            problems.append(Problem(file, key, message))
        else:
            problems.extend(_placeholder_problems(file, key, model_file, model[key], words[key]))
    problems.extend(
        Problem(file, key, f"not in {model_file}; {SAME}") for key in words if key not in model
    )
    return problems


def _entries(root: Path, file: str, problems: list[Problem]) -> dict[str, str] | None:
    """Every text of a word file by its dotted key; a list of lines is one entry."""
    text = read_text(root, file, problems)
    data = None if text is None else parse_toml(text, file, SYNTAX, 0, problems)
    if not isinstance(data, dict):
        return None
    entries: dict[str, str] = {}

    def walk(value: Any, key: str) -> None:
        if isinstance(value, dict):
            for name, inner in value.items():
                walk(inner, f"{key}.{name}" if key else str(name))
        elif isinstance(value, list):
            entries[key] = "\n".join(str(item) for item in value)
        else:
            entries[key] = str(value)

    walk(data, "")
    return entries
