"""The Markdown of a screen, its pictures, and the plain text of the TOML files.

Qt draws a screen with its own Markdown reader, which follows any picture address, inline
(`![x](/etc/passwd)`), by reference (`![x][r]` with `[r]: file:///...`) or in raw HTML
(`<img src=...>`), and its labels treat text with a tag in it as HTML. So everything that could
make Qt read a file is refused here, and anything that reaches outside the pack is an unsafe
problem: the whole pack is refused, not only the screen. The checks read every line, code
included, and are stricter than Qt's reader, never looser: a rare false alarm has a clear
message; a miss would show a file from outside the pack.

Pictures in a body must be written inline, as a plain path inside the pack
(`![description](illustrations/name.svg)`); the screen keeps each one's checked location for
the reader, which loads nothing else (app.ui.screens.screen_view).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.input_files import MAX_SVG_BYTES, RefusedFile, read_regular_file
from app.domain.pack_checks import BODY, SCHEME, UnsafePathError, resolve_inside, show
from app.domain.placeholders import (
    BLOCK_PLACEHOLDERS,
    KNOWN_PLACEHOLDERS,
    block_name,
    find_placeholders,
    stray_braces,
)
from app.domain.schema import Problem
from app.domain.svg_safety import svg_problem

__all__ = ["BodyRefs", "check_body", "check_plain_text", "check_svg", "unknown_placeholder"]

_LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")
# A backtick run opens a code span only when not escaped, and closes on a run of equal length.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*([^\s()<>]*)\s*(?:\"[^\"\n]*\"|'[^'\n]*')?\s*\)")
_IMAGE_PATH = re.compile(r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*")  # what Qt reads back as typed
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_DEFINITION = re.compile(r"^(?:\s*(?:>|[-+*]|\d+[.)]))*\s*\[(?:[^\]\\]|\\.)+\]:[ \t]*(\S*)")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_HTML = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_EMAIL = re.compile(r"<[^\s<>@]+@[^\s<>]+>")
# Raw HTML that makes Qt load something: refused as unsafe, not only as a mistake.
_LOADING_HTML = re.compile(r"<img\b|<image\b|\b(?:src|href|background)\s*=|url\(", re.I)


@dataclass
class BodyRefs:
    """What a body points at once checked: links between screens, and pictures in the pack."""

    links: list[tuple[int, str]] = field(default_factory=list)  # (line, screen id)
    images: list[tuple[str, Path]] = field(default_factory=list)  # (as written, location)


def unknown_placeholder(name: str) -> str:
    """The message for a ``{{name}}`` the app cannot fill."""
    known = ", ".join("{{" + n + "}}" for n in sorted(KNOWN_PLACEHOLDERS | BLOCK_PLACEHOLDERS))
    return f'unknown placeholder "{{{{{name}}}}}"; expected one of: {known}'


def check_svg(
    root: Path, relative: str, file: str, problems: list[Problem], where: str = "illustration"
) -> Path | None:
    """Resolve and check a drawing: inside the pack, a regular file under its cap, an SVG
    that refers to nothing outside itself. Problems go under the field ``where``."""
    unsafe = False
    try:
        path = resolve_inside(root, relative)
        if path.suffix.lower() != ".svg":
            message = f'expected an SVG drawing (a ".svg" file), got {show(relative)}'
        elif (found := svg_problem(_read_svg(path), show(relative))) is not None:
            message, unsafe = found
        else:
            return path
    except UnsafePathError as error:
        message, unsafe = str(error), True
    except FileNotFoundError:
        message = f"expected a file at {show(relative)}, but it is missing"
    except RefusedFile as error:
        message, unsafe = f"{show(relative)} {error}", error.unsafe
    except OSError as error:
        message = f"{show(relative)} cannot be read: {error.strerror or error}"
    problems.append(Problem(file, where, message, unsafe=unsafe))
    return None


def _read_svg(path: Path) -> bytes:
    return read_regular_file(path, MAX_SVG_BYTES, what="an illustration")


def _link_target(target: str) -> tuple[str, bool] | None:
    """Why a link (or reference definition) target is refused and whether that is unsafe;
    None for a screen link or a web address."""
    if target.startswith(("screen:", *_LINK_SCHEMES)):
        return None
    expected = f'expected a link like "screen:<id>" or a web address, got {show(target)}'
    outside = (
        SCHEME.match(target)
        or target.startswith(("/", "\\", "~"))
        or ".." in re.split(r"[/\\]", target)
    )
    if outside:
        return f"{expected}, which points at a file outside the pack", True
    return expected, False


def _without_code_spans(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _tags(line: str) -> Iterator[tuple[str, bool]]:
    """Raw HTML in ``line`` as (text shown, whether it loads something); autolinks excluded."""
    for start in _TAG_START.finditer(line):
        position = start.start()
        if _AUTOLINK.match(line, position) or _EMAIL.match(line, position):
            continue
        tag = _HTML.match(line, position)
        text = tag.group(0) if tag else line[position:].split(None, 1)[0]
        yield text, bool(_LOADING_HTML.search(tag.group(0) if tag else line[position:]))


def check_body(
    root: Path, body: str, first_line: int, file: str, problems: list[Problem]
) -> BodyRefs:
    """Check the Markdown; return its "screen:" links (checked later) and its pictures."""

    def add(number: int, message: str, unsafe: bool = False) -> None:
        problems.append(Problem(file, BODY, f"line {number}: {message}", unsafe=unsafe))

    if not body.strip():
        problems.append(Problem(file, BODY, "empty; expected the screen's text after the +++"))
    refs = BodyRefs()
    lines = body.splitlines()
    for index, raw in enumerate(lines):
        number = first_line + index
        names = find_placeholders(raw)
        for name in sorted(names - KNOWN_PLACEHOLDERS - BLOCK_PLACEHOLDERS):
            add(number, unknown_placeholder(name))
        for name in sorted(names & BLOCK_PLACEHOLDERS):
            if block_name(raw) != name:
                add(number, f'expected "{{{{{name}}}}}" alone on its line: it becomes a section')
        if stray_braces(raw):
            add(number, 'expected a placeholder like "{{makeup}}", got unmatched "{{" or "}}"')
        line = _without_code_spans(raw)
        if definition := _DEFINITION.match(line):
            # The address may stand on the next line: "[r]:" then "  /etc/passwd".
            following = lines[index + 1].split() if index + 1 < len(lines) else []
            target = definition.group(1) or (following[0] if following else "")
            if target.startswith("screen:"):
                refs.links.append((number, target.removeprefix("screen:")))
            elif (refused := _link_target(target.strip("<>"))) is not None:
                add(number, refused[0], refused[1])
        for text, loads in _tags(line):
            add(number, f"expected Markdown, got raw HTML {show(text)}", loads)
        for autolink in _AUTOLINK.finditer(line):
            if (refused := _link_target(autolink.group(1))) is not None:
                add(number, refused[0], refused[1])
        _check_images(root, line, number, file, problems, refs, add)
        for _text, target in _LINK.findall(line):
            if target.startswith("screen:"):
                refs.links.append((number, target.removeprefix("screen:")))
            elif (refused := _link_target(target)) is not None:
                add(number, refused[0], refused[1])
    return refs


def _check_images(
    root: Path,
    line: str,
    number: int,
    file: str,
    problems: list[Problem],
    refs: BodyRefs,
    add: Callable[[int, str, bool], None],
) -> None:
    for start in re.finditer(r"!\[", line):
        image = _IMAGE.match(line, start.start())
        if image is None:  # by reference, over several lines, or with brackets in the text
            inline = "![description](illustrations/name.svg)"
            add(number, f"expected a picture written inline on one line, like {inline}", True)
            continue
        text, target = image.groups()
        if SCHEME.match(target) or target.startswith(("/", "\\")):
            kind = "the remote" if target.startswith(_LINK_SCHEMES) else "the outside file"
            add(number, f"expected a picture inside the pack, got {kind} {show(target)}", True)
            continue
        if not _IMAGE_PATH.fullmatch(target) or ".." in target.split("/"):
            add(
                number,
                f"expected a picture path of letters, digits, - _ . and / inside the pack, "
                f"got {show(target)}",
                True,
            )
            continue
        if not text.strip():
            add(number, "expected a description in ![...] for people who cannot see it", False)
        inner: list[Problem] = []
        path = check_svg(root, target, file, inner)
        problems.extend(
            Problem(file, BODY, f"line {number}: {p.message}", unsafe=p.unsafe) for p in inner
        )
        if path is not None:
            refs.images.append((target, path))


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}".lstrip("."))
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from _strings(item, f"{path}[{number}]")


def check_plain_text(data: Any, file: str, problems: list[Problem], at: str = "") -> None:
    """Every text in parsed TOML is plain text: no HTML tag (Qt's labels would draw it, and
    load what it names) and no Markdown picture. Either refuses the pack."""
    for path, text in _strings(data, at):
        if "![" in text:
            found = "a Markdown picture"
        elif tags := list(_tags(text)):
            found = f"the HTML tag {show(tags[0][0])}"
        else:
            continue
        message = f"expected plain text, got {found}; write the words only"
        problems.append(Problem(file, path or "(top level)", message, unsafe=True))
