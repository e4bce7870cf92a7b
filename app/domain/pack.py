"""Content packs: load a pack folder, check it against docs/content-format.md, keep what is good.

Authors are not programmers, so every problem names the file (relative to the pack folder), the
field and what was expected, and loading collects every problem instead of stopping at the first.
A screen with a problem of its own is left out and the rest still works; a pack with no usable
pack.toml or no usable screen is fatal, and load_pack_with_fallback then takes the built-in pack.
protocol.toml is checked by app.domain.protocol, plugged in through ``extra_checks``.

This module is the public face: pack.toml's model, the loaded pack and the two loaders. The
screens are read by app.domain.pack_screens, and the checks every file goes through (path
safety, TOML, error wording, Markdown, SVG) live in app.domain.pack_checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationInfo
from pydantic import field_validator as check

from app.domain.pack_checks import (
    FOLDER,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    SYNTAX,
    URL_PATTERN,
    Line,
    Strict,
    UnsafePathError,
    existing_file,
    parse_toml,
    read_text,
    resolve_inside,
    rule,
    show,
    validate,
)
from app.domain.pack_screens import Screen, ScreenMeta, load_screens
from app.domain.schema import Problem

__all__ = [
    "ContentPack",
    "ExtraCheck",
    "LoadResult",
    "PackLoadError",
    "PackMeta",
    "Problem",
    "Screen",
    "ScreenMeta",
    "Source",
    "UnsafePathError",
    "load_pack",
    "load_pack_with_fallback",
    "resolve_inside",
]

PACK_FILE = "pack.toml"
PROTOCOL_FILE = "protocol.toml"

ExtraCheck = Callable[[Path, str], Iterable[Problem]]
"""A further check of a pack folder for one language (e.g. protocol.toml's, from protocol.py)."""

Url = Annotated[str, Field(pattern=URL_PATTERN)]


def _twice(values: list[Any]) -> list[str]:
    return sorted({str(v) for v in values if values.count(v) > 1})


class Source(Strict):
    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    title: Line
    url: Url
    also: list[Url] = Field(default_factory=list)  # further addresses of the same source

    # "before": an author who lists several addresses in url is told where the others go,
    # instead of only that url holds spaces.
    @check("url", mode="before")
    @classmethod
    def _one_address(cls, value: Any) -> Any:
        if isinstance(value, str) and len(re.findall(r"https?://", value)) > 1:
            raise rule(
                "expected one web address, got several; keep the first here and list the "
                'others in also, like also = ["https://example.org/summary"]'
            )
        return value


class PackMeta(Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: Line
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    languages: Annotated[list[Annotated[str, Field(pattern=LANGUAGE_PATTERN)]], Field(min_length=1)]
    last_reviewed: date
    next_review_due: date
    sources: Annotated[list[Source], Field(min_length=1)]

    # "before", on the raw list: a repeated language is reported even when a code is also bad
    # (pydantic would skip an "after" check then); the bad code shows once this one is fixed.
    @check("languages", mode="before")
    @classmethod
    def _unique_languages(cls, value: Any) -> Any:
        if isinstance(value, list) and (twice := _twice(value)):
            raise rule(f"expected each language once, got {', '.join(twice)} more than once")
        return value

    @check("next_review_due")
    @classmethod
    def _after_review(cls, value: date, info: ValidationInfo) -> date:
        last = info.data.get("last_reviewed")
        if isinstance(last, date) and value <= last:
            raise rule(f"expected a date after last_reviewed ({last}), got {value}")
        return value

    @check("sources")
    @classmethod
    def _unique_keys(cls, value: list[Source]) -> list[Source]:
        if twice := _twice([source.key for source in value]):
            raise rule(f"expected unique keys, got {', '.join(twice)} more than once")
        return value

    @property
    def source_keys(self) -> frozenset[str]:
        return frozenset(source.key for source in self.sources)

    def review_overdue(self, today: date) -> bool:
        return today > self.next_review_due


@dataclass(frozen=True)
class ContentPack:
    folder: Path
    language: str
    meta: PackMeta
    screens: tuple[Screen, ...]  # in reading order
    protocol_file: Path | None  # present or not; app.domain.protocol validates it
    aftercare_file: Path | None

    def screen(self, screen_id: str) -> Screen | None:
        return next((s for s in self.screens if s.meta.id == screen_id), None)


@dataclass(frozen=True)
class LoadResult:
    pack: ContentPack | None  # None: no usable pack.toml, or no usable screen
    problems: list[Problem]
    dropped: list[str] = field(default_factory=list)  # screen files left out
    meta: PackMeta | None = None  # even when the pack as a whole is unusable

    @property
    def fatal(self) -> bool:
        return self.pack is None


class PackLoadError(RuntimeError):
    """Not even the built-in pack loads: a packaging bug, not an author's mistake."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("no usable content pack:\n" + "\n".join(map(str, problems)))


def load_pack(
    folder: Path, language: str = "en", *, extra_checks: Sequence[ExtraCheck] = ()
) -> LoadResult:
    """Load and check one language of the pack in ``folder``, collecting every problem."""
    if not folder.is_dir():
        message = "not found; expected a content pack folder containing pack.toml"
        return LoadResult(None, [Problem(str(folder), FOLDER, message)])
    root = folder.resolve()
    problems: list[Problem] = []
    meta, source_keys = _load_meta(root, problems)
    screens: list[Screen] = []
    dropped: list[str] = []
    if _check_languages(root, meta, language, problems):
        screens, dropped = load_screens(root, language, source_keys, problems)
    for extra in extra_checks:
        problems.extend(extra(root, language))
    if meta is None or not screens:
        return LoadResult(None, problems, dropped, meta)
    pack = ContentPack(
        root,
        language,
        meta,
        tuple(screens),
        protocol_file=existing_file(root, PROTOCOL_FILE),
        aftercare_file=existing_file(root, f"{language}/aftercare.toml"),
    )
    return LoadResult(pack, problems, dropped, meta)


def load_pack_with_fallback(
    preferred: Path | None,
    builtin: Path,
    language: str = "en",
    *,
    extra_checks: Sequence[ExtraCheck] = (),
) -> tuple[ContentPack, list[Problem], bool]:
    """(pack, problems, used_fallback): the preferred pack if usable, else the built-in one.

    The problems of the preferred pack come back so the UI can show them. If the built-in pack
    lacks ``language`` too, its first language is used: a patient always has something to read.
    Raises PackLoadError when even the built-in pack is unusable.
    """
    problems: list[Problem] = []
    if preferred is not None:
        result = load_pack(preferred, language, extra_checks=extra_checks)
        if result.pack is not None:
            return result.pack, result.problems, False
        problems.extend(result.problems)
    result = load_pack(builtin, language, extra_checks=extra_checks)
    if result.pack is None and result.meta is not None and language not in result.meta.languages:
        problems.extend(result.problems)
        result = load_pack(builtin, result.meta.languages[0], extra_checks=extra_checks)
    problems = list(dict.fromkeys([*problems, *result.problems]))  # say each problem once
    if result.pack is None:
        raise PackLoadError(problems)
    return result.pack, problems, preferred is not None


def _load_meta(
    root: Path, problems: list[Problem]
) -> tuple[PackMeta | None, frozenset[str] | None]:
    """pack.toml's metadata, and every source key it names, even in an entry with a mistake.

    A mistake in one source entry (say its url) is reported and that entry left out, but the
    pack stays usable and the screens citing the key are not blamed: the fix is in pack.toml.
    """
    text = read_text(root, PACK_FILE, problems)
    data = None if text is None else parse_toml(text, PACK_FILE, SYNTAX, 0, problems)
    if data is None:
        return None, None
    sources, keys = data.get("sources"), None
    if isinstance(sources, list) and all(isinstance(entry, dict) for entry in sources):
        keys = frozenset(e["key"] for e in sources if isinstance(e.get("key"), str))
        good: list[Any] = []
        seen: set[Any] = set()
        for number, entry in enumerate(sources, start=1):
            at = f"sources[{number}]"
            valid = validate(Source, entry, PACK_FILE, problems, at) is not None
            if entry.get("key") in seen:
                message = f"expected unique keys, got {show(entry['key'])} again"
                problems.append(Problem(PACK_FILE, f"{at}.key", message))
            elif valid:
                good.append(entry)
            seen.add(entry.get("key"))
        data = {**data, "sources": good}
    meta = validate(PackMeta, data, PACK_FILE, problems)
    return meta, keys if keys is not None or meta is None else meta.source_keys


def _check_languages(
    root: Path, meta: PackMeta | None, language: str, problems: list[Problem]
) -> bool:
    """Report listed-but-missing and present-but-unlisted language folders; may we load?"""
    if meta is None:
        return True  # still check the screens, so the author sees every problem in one run
    for listed in meta.languages:
        if not root.joinpath(listed).is_dir():
            message = f'lists "{listed}", but the folder "{listed}/" is missing'
            problems.append(Problem(PACK_FILE, "languages", message))
    for child in sorted(root.iterdir()):
        if (
            re.match(LANGUAGE_PATTERN, child.name)
            and child.is_dir()
            and child.name not in meta.languages
        ):
            message = f'does not list "{child.name}", but the folder "{child.name}/" exists'
            problems.append(Problem(PACK_FILE, "languages", message))
    if language in meta.languages:
        return True
    message = f'expected "{language}" among the languages, got {show(meta.languages)}'
    problems.append(Problem(PACK_FILE, "languages", message))
    return False
