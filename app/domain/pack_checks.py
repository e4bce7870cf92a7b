"""The checks every content-pack file goes through, worded for authors who are not programmers.

app.domain.pack and app.domain.pack_screens decide *what* a pack holds; this module holds the
checks they share, none of which knows the pack's models:

- path safety: a path in a pack never leads outside the pack folder, and never through a
  symbolic link (resolve_inside);
- reading a file (a regular file under its size cap, app.domain.input_files) and parsing TOML,
  with the line of a syntax error in the author's file;
- turning pydantic's errors into Problems that say what was expected, in plain words (validate;
  pydantic is imported only when a file is really checked).

The Markdown body and the SVG drawings are checked by app.domain.pack_markdown. Every function
adds Problems to a list instead of raising, so one run shows every mistake.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain.input_files import MAX_TOML_BYTES, RefusedFile, is_link, read_regular_file
from app.domain.schema import Problem

if TYPE_CHECKING:  # pydantic: imported only when a file is really checked
    from pydantic import BaseModel
    from pydantic_core import PydanticCustomError

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
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
LINE_PATTERN = r"^[^\n\r]*\S[^\n\r]*$"  # one line with some text (pack_models.Line)


# --- path safety and reading files -------------------------------------------------------


class UnsafePathError(ValueError):
    """A path in a pack that could lead outside the pack folder."""


def resolve_inside(pack_folder: Path, relative: str | Path) -> Path:
    """The location of ``relative`` inside ``pack_folder``, or UnsafePathError.

    A pack may come from a clinic, not from us: a path must not reach other files on the
    computer, whether by "..", an absolute path or a symbolic link. Links are refused
    outright, wherever they point, in every folder on the way: a pack holds its own files.
    The pack folder itself may be reached through links; it is resolved first.
    """
    text = relative if isinstance(relative, str) else relative.as_posix()
    shown = json.dumps(text, ensure_ascii=False)
    if not text.strip() or "\0" in text:
        raise UnsafePathError(f"expected a path inside the pack, got {shown}")
    if "\\" in text:
        raise UnsafePathError(f'expected "/" between folders, got {shown}')
    if text.startswith("/") or SCHEME.match(text):
        raise UnsafePathError(f"expected a path relative to the pack folder, got {shown}")
    parts = PurePosixPath(text).parts
    if ".." in parts:
        raise UnsafePathError(f'expected a path inside the pack without "..", got {shown}')
    target = pack_folder.resolve()
    for number, part in enumerate(parts, start=1):
        target = target / part
        try:
            status = target.lstat()
        except FileNotFoundError:
            break  # reading it says "missing"
        except OSError as error:
            raise UnsafePathError(f"cannot follow {shown}: {error.strerror or error}") from error
        if is_link(status):
            link = json.dumps("/".join(parts[:number]), ensure_ascii=False)
            where = "is" if number == len(parts) else f"goes through {link}, which is"
            raise UnsafePathError(
                f"{shown} {where} a symbolic link; a pack must hold its files, not links to them"
            )
    return target


def read_text(
    root: Path,
    file: str,
    problems: list[Problem],
    limit: int = MAX_TOML_BYTES,
    what: str = "a TOML file",
) -> str | None:
    """The UTF-8 text of ``file`` inside the pack, or None with the reason in ``problems``.

    Only a regular file of at most ``limit`` bytes is read; a link, FIFO, device or bigger
    file is an unsafe problem, which refuses the whole pack.
    """
    try:
        path = resolve_inside(root, file)
        return read_regular_file(path, limit, what=what).decode("utf-8-sig")
    except UnsafePathError as error:
        problems.append(Problem(file, FILE, str(error), unsafe=True))
    except RefusedFile as error:
        problems.append(Problem(file, FILE, str(error), unsafe=error.unsafe))
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
    import tomllib  # here: the built-in pack's snapshot loads without it

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
    except RecursionError:  # tomllib recurses into nested arrays and tables
        problems.append(Problem(file, where, "bad TOML: arrays or tables nested too deeply"))
    except ValueError as error:  # a whole number of thousands of digits
        problems.append(Problem(file, where, f"bad TOML: {error}"))
    return None


# --- validating against a model, in an author's words ------------------------------------


def rule(message: str) -> PydanticCustomError:
    """An error from a model's own check; validate shows ``message`` as it is."""
    from pydantic_core import PydanticCustomError

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
_Model = TypeVar("_Model", bound="BaseModel")


def show(value: object) -> str:
    """``value`` as the author typed it in TOML, cut short when long."""
    if isinstance(value, bool):
        return str(value).lower()  # as TOML writes it
    shown = value.isoformat() if isinstance(value, date) else json.dumps(value, default=str)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def validate(
    model: type[_Model],
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    at: str = "",
    expected: Mapping[str, str] | None = None,
) -> _Model | None:
    """Validate ``data``; report unknown keys and every error, with field paths under ``at``.

    ``expected`` words fields whose meaning in this file differs from EXPECTED's.
    """
    import difflib  # here, with pydantic: only a file being checked needs them

    from pydantic import ValidationError

    wording = {**EXPECTED, **(expected or {})}
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
            wanted = wording.get(generic) or wording.get(names[-1] if names else "", "")
            if detail["type"] == "pack_rule":
                message = detail["msg"]
            elif detail["type"] == "missing":
                message = f"missing; expected {wanted}"
            elif detail["type"] == "too_short":
                message = f"expected {wanted}, got an empty list"
            else:
                message = f"expected {wanted}, got {show(detail['input'])}"
            problems.append(Problem(file, path, message))
        return None
