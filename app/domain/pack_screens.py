"""The screens of one language of a content pack: their model, and reading and checking the files.

Each ``<lang>/screens/NN-<id>.md`` is TOML front matter between "+++" lines, then Markdown
(docs/content-format.md). A screen with a problem of its own is left out and the others are kept;
checks that need every screen of the language (unique ids and orders, links between screens,
source keys) run once all files are read. app.domain.pack re-exports Screen and ScreenMeta.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from app.domain.input_files import MAX_MARKDOWN_BYTES, MAX_SCREENS
from app.domain.pack_checks import (
    BODY,
    FILE,
    FOLDER,
    FRONT_MATTER,
    UnsafePathError,
    parse_toml,
    read_text,
    resolve_inside,
    show,
    validate,
)
from app.domain.pack_markdown import check_body, check_plain_text, check_svg, unknown_placeholder
from app.domain.placeholders import KNOWN_PLACEHOLDERS, find_placeholders
from app.domain.schema import Problem

__all__ = ["Screen", "ScreenMeta", "load_screens"]

_SCREEN_NAME = re.compile(r"^\d{2,}-([a-z0-9-]+)\.md$")


@dataclass(frozen=True, kw_only=True)
class ScreenMeta:
    """A screen's front matter, as checked by app.domain.pack_models.ScreenMetaModel."""

    id: str
    title: str
    order: int
    summary: str
    illustration: str | None = None
    illustration_alt: str | None = None
    sources: list[str]


@dataclass(frozen=True, kw_only=True)
class Screen:
    meta: ScreenMeta
    body: str  # Markdown with its placeholders still in
    path: Path  # the resolved file
    file: str  # relative to the pack folder, with "/"
    language: str
    illustration_path: Path | None = None  # resolved, inside the pack, an SVG
    # Pictures in the body: (address as written, checked location). The reader draws these
    # and loads nothing else.
    images: tuple[tuple[str, Path], ...] = ()

    @property
    def drawing_caption(self) -> str:
        """The words that name the drawing's numbered parts ("In the drawing: 1 is the top
        layer..."): the body's first paragraph when it is wholly in italics, as a screen with a
        numbered drawing opens (docs/content-format.md); else "". For where the drawing is shown
        without the body (the kiosk's highlights)."""
        first = self.body.strip().split("\n\n", 1)[0].strip()
        if len(first) > 2 and first[0] == first[-1] == "*" and "*" not in first[1:-1]:
            return " ".join(first[1:-1].split())
        return ""


@dataclass(eq=False)  # compared by identity: two screens can parse alike
class _Parsed:
    file: str
    path: Path
    problems: list[Problem]
    meta: ScreenMeta | None = None
    data: Mapping[str, Any] = field(default_factory=dict)  # raw front matter, even if invalid
    body: str = ""
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, screen id)
    images: list[tuple[str, Path]] = field(default_factory=list)
    illustration: Path | None = None


def load_screens(
    root: Path, language: str, source_keys: frozenset[str] | None, problems: list[Problem]
) -> tuple[list[Screen], list[str]]:
    """The good screens of ``language`` in reading order, and the files left out.

    ``source_keys`` is None when pack.toml could not be read: then citations are not checked.
    """
    folder = f"{language}/screens"
    try:
        directory = resolve_inside(root, folder)
    except UnsafePathError as error:
        problems.append(Problem(f"{folder}/", FOLDER, str(error), unsafe=True))
        return [], []
    if not directory.is_dir():
        problems.append(Problem(f"{folder}/", FOLDER, "missing; expected the screen files here"))
        return [], []
    names = sorted(p.name for p in directory.iterdir() if p.suffix == ".md")
    if len(names) > MAX_SCREENS:  # refused unread: a pack this big is not one to show
        message = f"has {len(names)} screen files; the limit is {MAX_SCREENS} per language"
        problems.append(Problem(f"{folder}/", FOLDER, message, unsafe=True))
        return [], []
    parsed = [_parse_screen(root, f"{folder}/{name}") for name in names if name[0] != "."]
    if not parsed:
        message = 'has no screens; expected files like "01-what-is-microneedling.md"'
        problems.append(Problem(f"{folder}/", FOLDER, message))
    _cross_check(parsed, source_keys)
    kept = [p for p in parsed if p.meta is not None and not p.problems]
    left_out = {_raw(p.data, "id", str) for p in parsed if p not in kept} - {None}
    for item in parsed:
        problems.extend(item.problems)
        # Reported, but the linking screen stays: dropping it too could cascade through a pack.
        problems.extend(
            Problem(
                item.file,
                BODY,
                f'line {line}: links to "screen:{target}", which was '
                "left out because of its own problems",
            )
            for line, target in item.links
            if item in kept and target in left_out
        )
    screens = [
        Screen(
            meta=p.meta,
            body=p.body,
            path=p.path,
            file=p.file,
            language=language,
            illustration_path=p.illustration,
            images=tuple(p.images),
        )
        for p in kept
        if p.meta is not None
    ]
    screens.sort(key=lambda screen: screen.meta.order)
    return screens, [p.file for p in parsed if p not in kept]


def _parse_screen(root: Path, file: str) -> _Parsed:
    parsed = _Parsed(file, root / file, [])
    problems = parsed.problems
    text = read_text(root, file, problems, MAX_MARKDOWN_BYTES, "a screen file")
    if text is None:
        return parsed
    parsed.path = resolve_inside(root, file)  # read_text has checked it
    name = _SCREEN_NAME.match(PurePosixPath(file).name)
    if name is None:
        expected = 'a name like "01-what-is-microneedling.md": digits, a hyphen, the screen id'
        problems.append(Problem(file, FILE, f"expected {expected}"))
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        message = 'expected the file to start with a "+++" line, then TOML, then "+++" again'
        problems.append(Problem(file, FRONT_MATTER, message))
        return parsed
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
    if end is None:
        message = 'not closed; expected a second "+++" line after the TOML'
        problems.append(Problem(file, FRONT_MATTER, message))
        return parsed
    parsed.body = "\n".join(lines[end + 1 :])
    data = parse_toml("\n".join(lines[1:end]), file, FRONT_MATTER, 1, problems)
    if isinstance(data, dict):
        parsed.data = data
        from app.domain.pack_models import ScreenMetaModel

        model = validate(ScreenMetaModel, data, file, problems)
        parsed.meta = None if model is None else ScreenMeta(**model.model_dump())
        check_plain_text(data, file, problems)
    # The checks below read the raw values, so that one bad field (say "order") does not hide
    # the problems of the others: the author should see everything in one run.
    screen_id = _raw(parsed.data, "id", str)
    if name is not None and screen_id is not None and name.group(1) != screen_id:
        message = f'expected "{name.group(1)}" as in the file name, got "{screen_id}"'
        problems.append(Problem(file, "id", message))
    for key in ("title", "summary", "illustration_alt"):
        for unknown in sorted(find_placeholders(_raw(data, key, str) or "") - KNOWN_PLACEHOLDERS):
            problems.append(Problem(file, key, unknown_placeholder(unknown)))
    if (illustration := _raw(parsed.data, "illustration", str)) is not None:
        parsed.illustration = check_svg(root, illustration, file, problems)
    refs = check_body(root, parsed.body, end + 2, file, problems)
    parsed.links, parsed.images = refs.links, refs.images
    return parsed


_T = TypeVar("_T")


def _raw(data: Any, key: str, kind: type[_T]) -> _T | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, kind) else None


def _cross_check(parsed: list[_Parsed], source_keys: frozenset[str] | None) -> None:
    """Checks that need all screens of the language: unique ids and orders, links, sources."""
    seen: dict[tuple[str, object], str] = {}
    for item in parsed:
        if item.meta is None:
            continue
        for name, value in (("id", item.meta.id), ("order", item.meta.order)):
            if (name, value) in seen:
                message = f"expected a unique {name}, got {show(value)} as in {seen[name, value]}"
                item.problems.append(Problem(item.file, name, message))
            seen.setdefault((name, value), item.file)
    ids = {_raw(item.data, "id", str) for item in parsed}
    for item in parsed:
        for key in _raw(item.data, "sources", list) or [] if source_keys is not None else []:
            if isinstance(key, str) and source_keys is not None and key not in source_keys:
                keys = ", ".join(sorted(source_keys))
                message = f'unknown source key "{key}"; expected one from pack.toml: {keys}'
                item.problems.append(Problem(item.file, "sources", message))
        for line, target in item.links:
            if target not in ids:
                message = f'line {line}: "screen:{target}" leads nowhere; expected a screen id'
                item.problems.append(Problem(item.file, BODY, message))
