"""Content packs: load a pack folder, check it against docs/content-format.md, keep what is good.

Authors are not programmers, so every problem names the file (relative to the pack folder), the
field and what was expected, and loading collects every problem instead of stopping at the first.
A screen with a problem of its own is left out and the rest still works. A pack with no usable
pack.toml, no usable screen, or a problem in protocol.toml, <lang>/aftercare.toml or the warning
signs (warning_signs.toml, <lang>/warning_signs.toml, emergency_numbers.toml) is unusable, and
so is a pack with anything that could reach outside it (Problem.unsafe: a link, "..", a FIFO, a
file over its cap, a picture or drawing that names another file); load_pack_with_fallback then
takes the built-in pack.

This is the one loader: the app (app.domain.content) and `validate-pack`
(app.domain.pack_report) both go through load_pack, so they agree on every pack. This module is
its public face: pack.toml's data, the loaded pack and the two loaders, all plain dataclasses
(their pydantic models are in app.domain.pack_models, imported only when a pack is checked).
The screens are read by app.domain.pack_screens; the checks every file goes through (path
safety, capped reading, TOML, error wording) live in app.domain.pack_checks, and those of
Markdown, SVG and plain text in app.domain.pack_markdown. The built-in pack is checked when the
app is built and shown from that check's snapshot (app.domain.pack_snapshot).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.getting_ready import BeforeFiles
from app.domain.pack_checks import (
    FOLDER,
    LANGUAGE_PATTERN,
    SYNTAX,
    UnsafePathError,
    parse_toml,
    read_text,
    resolve_inside,
    show,
    validate,
)
from app.domain.pack_markdown import check_plain_text
from app.domain.pack_screens import Screen, ScreenMeta, load_screens
from app.domain.protocol import (
    AftercareText,
    Protocol,
    aftercare_text_from_mapping,
    protocol_from_mapping,
)
from app.domain.schema import Problem, ProtocolError
from app.domain.warnings_files import Warnings, read_warnings

__all__ = [
    "ContentPack",
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
AFTERCARE_FILE = "aftercare.toml"  # in each language folder

# pack.toml's own sources are tables; a screen's are keys (pack_checks.EXPECTED).
_PACK_SOURCES = {
    "sources": "a list of [[sources]] tables, each with a key, a title and a url",
    "sources[]": "a [[sources]] table with a key, a title and a url",
}


@dataclass(frozen=True, kw_only=True)
class Source:
    key: str
    title: str
    url: str
    also: list[str] = field(default_factory=list)  # further addresses of the same source


@dataclass(frozen=True, kw_only=True)
class PackMeta:
    """pack.toml, as checked by app.domain.pack_models.PackMetaModel."""

    id: str
    title: str
    version: str
    languages: list[str]
    last_reviewed: date
    next_review_due: date
    sources: list[Source]

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
    protocol: Protocol  # the pack's defaults; clinic and treatment overrides come later
    text: AftercareText  # the protocol's words in ``language``
    warnings: Warnings  # the three-level warning signs, their words and emergency numbers
    before: BeforeFiles | None = None  # the getting-ready list (before.toml), if the pack has one

    def screen(self, screen_id: str) -> Screen | None:
        return next((s for s in self.screens if s.meta.id == screen_id), None)


@dataclass(frozen=True)
class LoadResult:
    pack: ContentPack | None  # None: unusable (see the module's docstring)
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


BEFORE_FILE = "before.toml"


def load_pack(folder: Path, language: str = "en") -> LoadResult:
    """Load and check one language of the pack in ``folder``, collecting every problem."""
    if not folder.is_dir():
        expected = "expected a content pack folder containing pack.toml"
        # exists() only looks (stat): a FIFO given as the folder is never opened.
        message = f"{expected}, found a file" if folder.exists() else f"not found; {expected}"
        return LoadResult(None, [Problem(str(folder), FOLDER, message)])
    root = folder.resolve()
    problems: list[Problem] = []
    meta, source_keys = _load_meta(root, problems)
    screens: list[Screen] = []
    dropped: list[str] = []
    text: AftercareText | None = None
    warnings: Warnings | None = None
    before: BeforeFiles | None = None
    protocol = _load_protocol(root, problems)
    if _check_languages(root, meta, language, problems):
        screens, dropped = load_screens(root, language, source_keys, problems)
        text = _load_text(root, language, protocol, problems)
        warnings = read_warnings(root, language, source_keys, problems)
        before = _load_before(root, language, problems)
    unsafe = any(problem.unsafe for problem in problems)
    if (
        meta is None
        or not screens
        or protocol is None
        or text is None
        or warnings is None
        or unsafe
    ):
        return LoadResult(None, problems, dropped, meta)
    if any(problem.file.endswith(BEFORE_FILE) for problem in problems):
        return LoadResult(None, problems, dropped, meta)
    pack = ContentPack(root, language, meta, tuple(screens), protocol, text, warnings, before)
    return LoadResult(pack, problems, dropped, meta)


def _load_in_language(folder: Path, language: str) -> LoadResult:
    """The pack in ``language``, or in its first language when it has not been translated into
    ``language``: a reader's system language is a wish, not a mistake in the pack."""
    result = load_pack(folder, language)
    if result.meta is not None and language not in result.meta.languages:
        result = load_pack(folder, result.meta.languages[0])
    return result


def _load_builtin(folder: Path, language: str) -> LoadResult:
    """The built-in pack from its snapshot, checked when the app was built (no validator to
    import before the first screen), else checked now (app.domain.pack_snapshot)."""
    from app.domain.pack_snapshot import read_snapshot

    snapshot = read_snapshot(folder, language)
    return snapshot if snapshot is not None else _load_in_language(folder, language)


def load_pack_with_fallback(
    preferred: Path | None, builtin: Path, language: str = "en"
) -> tuple[ContentPack, list[Problem], bool]:
    """(pack, problems, used_fallback): the preferred pack if usable, else the built-in one.

    The problems of the preferred pack come back so the UI can show them. A pack that lacks
    ``language`` is shown in its first language. Raises PackLoadError when even the built-in
    pack is unusable: a packaging bug that the content tests catch before release.
    """
    problems: list[Problem] = []
    if preferred is not None:
        result = _load_in_language(preferred, language)
        problems.extend(result.problems)
        if result.pack is not None:
            return result.pack, problems, False
    result = _load_builtin(builtin, language)
    problems = list(dict.fromkeys([*problems, *result.problems]))  # say each problem once
    if result.pack is None:
        raise PackLoadError(problems)
    return result.pack, problems, preferred is not None


def _read_toml(root: Path, file: str, problems: list[Problem]) -> Mapping[str, Any] | None:
    text = read_text(root, file, problems)
    data = None if text is None else parse_toml(text, file, SYNTAX, 0, problems)
    return data if isinstance(data, dict) else None


def _load_protocol(root: Path, problems: list[Problem]) -> Protocol | None:
    """protocol.toml: the timings, phases and checklist rules (app.domain.protocol)."""
    data = _read_toml(root, PROTOCOL_FILE, problems)
    if data is None:
        return None
    try:
        return protocol_from_mapping(data, PROTOCOL_FILE)
    except ProtocolError as error:
        problems.extend(error.problems)
        return None


def _load_before(root: Path, language: str, problems: list[Problem]) -> BeforeFiles | None:
    """before.toml and <lang>/before.toml: optional, but when the pack has the list, both files
    are read like every other (regular files, size caps) and checked, so validate-pack and the
    app find the same problems."""
    if not (root / BEFORE_FILE).exists():  # exists() only looks: a FIFO is never opened here
        return None
    words_file = f"{language}/{BEFORE_FILE}"
    timings = _read_toml(root, BEFORE_FILE, problems)
    words = _read_toml(root, words_file, problems)
    if timings is None or words is None:
        return None
    check_plain_text(words, words_file, problems)
    files = BeforeFiles(timings, words, BEFORE_FILE)
    try:
        files.getting_ready()
    except ProtocolError as error:
        problems.extend(error.problems)
        return None
    return files


def _load_text(
    root: Path, language: str, protocol: Protocol | None, problems: list[Problem]
) -> AftercareText | None:
    """<lang>/aftercare.toml: the protocol's words; checked against it when it loaded."""
    file = f"{language}/{AFTERCARE_FILE}"
    data = _read_toml(root, file, problems)
    if data is None:
        return None
    check_plain_text(data, file, problems)
    try:
        return aftercare_text_from_mapping(data, file, protocol)
    except ProtocolError as error:
        problems.extend(error.problems)
        return None


def _load_meta(
    root: Path, problems: list[Problem]
) -> tuple[PackMeta | None, frozenset[str] | None]:
    """pack.toml's metadata, and every source key it names, even in an entry with a mistake.

    A mistake in one source entry (say its url) is reported and that entry left out, but the
    pack stays usable and the screens citing the key are not blamed: the fix is in pack.toml.
    """
    data = _read_toml(root, PACK_FILE, problems)
    if data is None:
        return None, None
    from app.domain.pack_models import PackMetaModel, SourceModel, pack_meta_from

    check_plain_text(data, PACK_FILE, problems)
    sources, keys = data.get("sources"), None
    if isinstance(sources, list) and all(isinstance(entry, dict) for entry in sources):
        keys = frozenset(e["key"] for e in sources if isinstance(e.get("key"), str))
        good: list[Any] = []
        seen: set[str] = set()
        for number, entry in enumerate(sources, start=1):
            at = f"sources[{number}]"
            valid = validate(SourceModel, entry, PACK_FILE, problems, at) is not None
            key = entry.get("key")  # any TOML value: a table or list cannot go in a set
            if isinstance(key, str) and key in seen:
                message = f"expected unique keys, got {show(key)} again"
                problems.append(Problem(PACK_FILE, f"{at}.key", message))
            elif valid:
                good.append(entry)
            if isinstance(key, str):
                seen.add(key)
        data = {**data, "sources": good}
    model = validate(PackMetaModel, data, PACK_FILE, problems, expected=_PACK_SOURCES)
    meta = None if model is None else pack_meta_from(model)
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
