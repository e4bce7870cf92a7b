"""The checks every content-pack file goes through, worded for authors who are not programmers.

app.domain.pack and app.domain.pack_screens decide *what* a pack holds; this module holds the
checks they share, none of which knows the pack's models:

- path safety: a path in a pack never leads outside the pack folder (resolve_inside);
- reading a file and parsing TOML, with the line of a syntax error in the author's file;
- turning pydantic's errors into Problems that say what was expected, in plain words (validate);
- the Markdown body of a screen and the SVG illustrations it uses.

Every function adds Problems to a list instead of raising, so one run shows every mistake.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from app.domain.placeholders import KNOWN_PLACEHOLDERS, find_placeholders, stray_braces
from app.domain.schema import Problem

# Pseudo-fields for problems that are not about one field, in app.domain.schema's "(...)" style.
FILE, SYNTAX, FRONT_MATTER, BODY, FOLDER = (
    "(file)",
    "(syntax)",
    "(front matter)",
    "(body)",
    "(folder)",
)

ID_PATTERN = r"^[a-z0-9-]+$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"
URL_PATTERN = r"^https?://\S+$"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
Line = Annotated[str, Field(pattern=r"^[^\n\r]*\S[^\n\r]*$")]


# --- path safety and reading files -------------------------------------------------------


class UnsafePathError(ValueError):
    """A path in a pack that could lead outside the pack folder."""


def resolve_inside(pack_folder: Path, relative: str | Path) -> Path:
    """The real location of ``relative`` inside ``pack_folder``, or UnsafePathError.

    A pack may come from a clinic, not from us: a path must not reach other files on the
    computer, whether by "..", an absolute path or a symbolic link that points out.
    """
    text = relative if isinstance(relative, str) else relative.as_posix()
    shown = json.dumps(text, ensure_ascii=False)
    if not text.strip() or "\0" in text:
        raise UnsafePathError(f"expected a path inside the pack, got {shown}")
    if "\\" in text:
        raise UnsafePathError(f'expected "/" between folders, got {shown}')
    if text.startswith("/") or _SCHEME.match(text):
        raise UnsafePathError(f"expected a path relative to the pack folder, got {shown}")
    if ".." in PurePosixPath(text).parts:
        raise UnsafePathError(f'expected a path inside the pack without "..", got {shown}')
    root = pack_folder.resolve()
    try:
        target = (root / text).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symbolic-link loop
        raise UnsafePathError(f"cannot follow {shown}: {error}") from error
    if not target.is_relative_to(root):
        raise UnsafePathError(f"{shown} is a symbolic link that leads outside the pack")
    return target


def existing_file(root: Path, relative: str) -> Path | None:
    """The file at ``relative`` inside the pack, or None when it is missing or unsafe."""
    try:
        path = resolve_inside(root, relative)
    except UnsafePathError:
        return None
    return path if path.is_file() else None


def read_text(root: Path, file: str, problems: list[Problem]) -> str | None:
    """The UTF-8 text of ``file`` inside the pack, or None with the reason in ``problems``."""
    try:
        path = resolve_inside(root, file)
        return path.read_bytes().decode("utf-8-sig")
    except UnsafePathError as error:
        problems.append(Problem(file, FILE, str(error)))
    except FileNotFoundError:
        problems.append(Problem(file, FILE, "missing; expected this file in the pack folder"))
    except UnicodeDecodeError as error:
        message = f"expected text saved as UTF-8, but byte {error.start} is not UTF-8"
        problems.append(Problem(file, FILE, message))
    except OSError as error:
        problems.append(Problem(file, FILE, f"cannot be read: {error.strerror or error}"))
    return None


def parse_toml(text: str, file: str, where: str, offset: int, problems: list[Problem]) -> Any:
    """Parse TOML; on error report the line in the file (front matter starts at ``offset``+1)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if at:
            line, position = int(at.group(1)) + offset, f", column {at.group(2)}"
        else:  # "(at end of document)"
            line, position = max(1, len(text.splitlines())) + offset, ""
        reason = re.sub(r"\s*\(at [^)]*\)$", "", message)
        problems.append(Problem(file, where, f"bad TOML at line {line}{position}: {reason}"))
        return None


# --- validating against a model, in an author's words ------------------------------------


class Strict(BaseModel):
    # strict: TOML already has types, so "3" for a number or a quoted date is an author's mistake
    # to report, not to coerce. Unknown keys are reported by validate without failing the model,
    # so one typo does not throw away an otherwise good screen.
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")


def rule(message: str) -> PydanticCustomError:
    """An error from a model's own check; validate shows ``message`` as it is."""
    return PydanticCustomError("pack_rule", message)


_ONE_URL = 'one web address starting with "https://" (or "http://"), without spaces'

# What each field should hold, in words an author understands. Keys are field paths with list
# positions written as "[]"; the last named part is tried when the full path is not listed.
EXPECTED = {
    "id": 'lowercase letters, digits and hyphens, like "what-is-microneedling"',
    "title": "one line of text",
    "summary": "one line of text",
    "version": 'a version like "1.0.0"',
    "languages": 'a list of two-letter language codes, like ["en"]',
    "languages[]": 'a two-letter language code, like "en"',
    "last_reviewed": "a TOML date like 2026-11-24 (without quotes)",
    "next_review_due": "a TOML date like 2027-11-24 (without quotes)",
    "sources": 'a list of source keys from pack.toml, like ["S1", "S2"]',
    "sources[]": 'a source key from pack.toml, like "S1"',
    "key": 'a short key of letters and digits, like "S3"',
    "url": _ONE_URL,
    "also": 'a list of further web addresses, like ["https://example.org/summary"]',
    "sources[].also[]": _ONE_URL,
    "order": "a whole number of 1 or more",
    "illustration": 'a path inside the pack, like "illustrations/skin-layers.svg"',
    "illustration_alt": "one line describing the illustration for people who cannot see it",
}
_Model = TypeVar("_Model", bound=BaseModel)


def show(value: object) -> str:
    """``value`` as the author typed it in TOML, cut short when long."""
    if isinstance(value, bool):
        return str(value).lower()  # as TOML writes it
    shown = value.isoformat() if isinstance(value, date) else json.dumps(value, default=str)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def validate(
    model: type[_Model], data: Mapping[str, Any], file: str, problems: list[Problem], at: str = ""
) -> _Model | None:
    """Validate ``data``; report unknown keys and every error, with field paths under ``at``."""
    known = list(model.model_fields)
    for key in data:
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            hint = (
                f'; did you mean "{near[0]}"?' if near else f"; expected one of: {', '.join(known)}"
            )
            problems.append(Problem(file, f"{at}.{key}".lstrip("."), "not a known field" + hint))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            loc = detail["loc"]
            path = at + "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc)
            path = path.lstrip(".")
            generic = re.sub(r"\[\d+\]", "[]", path)
            names = [p for p in loc if isinstance(p, str)]
            expected = EXPECTED.get(generic) or EXPECTED.get(names[-1] if names else "", "")
            if detail["type"] == "pack_rule":
                message = detail["msg"]
            elif detail["type"] == "missing":
                message = f"missing; expected {expected}"
            elif detail["type"] == "too_short":
                message = f"expected {expected}, got an empty list"
            else:
                message = f"expected {expected}, got {show(detail['input'])}"
            problems.append(Problem(file, path, message))
        return None


# --- Markdown body and illustrations -----------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_HTML = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_INLINE = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_REF_IMAGE = re.compile(r"!\[[^\]]*\]\[[^\]]*\]")
_LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")
_REMOTE_IN_SVG = re.compile(
    r"""(?:href|src)\s*=\s*["']\s*(?!data:)(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)"""
    r"""|url\(\s*["']?\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)(?<!data:)|<!ENTITY|@import"""
)


def unknown_placeholder(name: str) -> str:
    """The message for a ``{{name}}`` the app cannot fill."""
    known = ", ".join("{{" + n + "}}" for n in sorted(KNOWN_PLACEHOLDERS))
    return f'unknown placeholder "{{{{{name}}}}}"; expected one of: {known}'


def check_svg(root: Path, relative: str, file: str, problems: list[Problem]) -> Path | None:
    """Resolve and check an illustration: inside the pack, present, a self-contained SVG."""
    try:
        path = resolve_inside(root, relative)
    except UnsafePathError as error:
        problems.append(Problem(file, "illustration", str(error)))
        return None
    if path.suffix.lower() != ".svg":
        message = f'expected an SVG drawing (a ".svg" file), got {show(relative)}'
    elif not path.is_file():
        message = f"expected a file at {show(relative)}, but it is missing"
    else:
        svg = path.read_bytes().decode("utf-8", errors="replace")
        if not re.search(r"<svg[\s>]", svg):
            message = f"expected an SVG drawing, but {show(relative)} has no <svg> element"
        elif _REMOTE_IN_SVG.search(svg):
            message = f"expected a self-contained drawing; {show(relative)} refers to outside files"
        else:
            return path
    problems.append(Problem(file, "illustration", message))
    return None


def check_body(
    root: Path, body: str, first_line: int, file: str, problems: list[Problem]
) -> list[tuple[int, str]]:
    """Check the Markdown; return the (line, id) of every "screen:" link, to check later."""

    def add(number: int, message: str) -> None:
        problems.append(Problem(file, BODY, f"line {number}: {message}"))

    if not body.strip():
        problems.append(Problem(file, BODY, "empty; expected the screen's text after the +++"))
    links: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(body.splitlines(), start=first_line):
        for name in sorted(find_placeholders(line) - KNOWN_PLACEHOLDERS):
            add(number, unknown_placeholder(name))
        if stray_braces(line):
            add(number, 'expected a placeholder like "{{makeup}}", got unmatched "{{" or "}}"')
        if opener := _FENCE.match(line):  # code is shown as typed: not HTML, not links
            fence = None if fence == opener.group(1)[0] else fence or opener.group(1)[0]
            continue
        if fence:
            continue
        line = _CODE_SPAN.sub(" ", line)
        for tag in _HTML.findall(line):
            add(number, f"expected Markdown, got raw HTML {show(tag)}")
        if _REF_IMAGE.search(line):
            add(number, "expected an image written as ![description](illustrations/name.svg)")
        for bang, text, target in _INLINE.findall(line):
            if bang:
                if _SCHEME.match(target):
                    add(
                        number, f"expected a picture inside the pack, got the remote {show(target)}"
                    )
                    continue
                if not text.strip():
                    add(number, "expected a description in ![...] for people who cannot see it")
                inner: list[Problem] = []
                check_svg(root, target, file, inner)
                problems.extend(Problem(file, BODY, f"line {number}: {p.message}") for p in inner)
            elif target.startswith("screen:"):
                links.append((number, target.removeprefix("screen:")))
            elif not target.startswith(_LINK_SCHEMES):
                add(
                    number,
                    f'expected a link like "screen:<id>" or a web address, got {show(target)}',
                )
    return links
