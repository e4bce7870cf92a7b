"""Is an SVG drawing self-contained? Nothing in it may make Qt read another file.

Qt's SVG renderer follows an `<image href>` to any file on the computer (or relative to the
working folder), so a drawing from a content pack or a clinic logo could otherwise pull an
outside file into what the app shows or prints. A drawing passes only when every reference in
it is a fragment of the same file ("#id") or an embedded raster picture
(`data:image/png;base64,...`), it has no `@import`, no CSS escapes that could hide one, no
entity declarations and no stylesheet processing instruction.

The check parses the XML with expat, event by event, without namespace processing (as lenient
as Qt's reader about an undeclared `xlink:` prefix), so it sees every attribute under any prefix
(`href`, `xlink:href`, `xi:include href`), and refuses entity declarations before any could be
expanded. Standard library only: app.ui.images runs it again on the very bytes
it draws, as a second line of defence.
"""

from __future__ import annotations

import json
import re
import xml.parsers.expat
from typing import NamedTuple

__all__ = ["SvgProblem", "svg_problem"]

# Embedded raster pictures cannot refer to anything; an embedded SVG could, so it is refused.
_EMBEDDED_PICTURE = re.compile(r"data:image/(?:png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*", re.I)
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_LINKING_ATTRIBUTES = frozenset({"href", "src"})


class SvgProblem(NamedTuple):
    message: str  # in an author's words
    reaches_outside: bool  # refers to another file, rather than merely not being a drawing


class _Refused(Exception):
    """Stops the parse at the first thing that could reach outside the file."""


def _shown(value: str) -> str:
    text = json.dumps(value.strip(), ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + '..."'


def _check_css(text: str, where: str, stylesheet: bool) -> None:
    """url() only to "#id"; in a stylesheet (<style>, style="..."), no @import and no escapes."""
    if stylesheet and "@import" in text.lower():
        raise _Refused(f"an @import in {where}")
    if stylesheet and "\\" in text:  # an escape can spell url( or a path past a plain search
        raise _Refused(f"a CSS escape (\\) in {where}")
    for start in re.finditer(r"url\(", text, re.I):
        match = _URL.match(text, start.start())
        if match is None:
            raise _Refused(f"an unclosed url( in {where}")
        if not match.group(2).strip().startswith("#"):
            raise _Refused(f"{_shown(match.group(2))} in {where}")


class _Scanner:
    def __init__(self) -> None:
        self.root: str | None = None
        self.in_style = 0
        self.style: list[str] = []  # expat hands text over in pieces: check it whole
        parser = xml.parsers.expat.ParserCreate()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.EntityDeclHandler = self.entity
        parser.UnparsedEntityDeclHandler = self.entity
        parser.ProcessingInstructionHandler = self.instruction
        parser.ExternalEntityRefHandler = self.external
        self.parser = parser

    def start(self, name: str, attributes: dict[str, str]) -> None:
        element = name.rpartition(":")[2]
        if self.root is None:
            self.root = element
        if element == "style":
            self.in_style += 1
        for attribute, value in attributes.items():
            local = attribute.rpartition(":")[2]
            where = f"<{element} {local}>"
            if local in _LINKING_ATTRIBUTES:
                target = value.strip()
                if not target.startswith("#") and not _EMBEDDED_PICTURE.fullmatch(target):
                    raise _Refused(f"{_shown(value)} in {where}")
            _check_css(value, where, stylesheet=local == "style")

    def end(self, name: str) -> None:
        if name.rpartition(":")[2] == "style":
            self.in_style -= 1
            _check_css("".join(self.style), "<style>", stylesheet=True)
            self.style.clear()

    def text(self, data: str) -> None:
        if self.in_style:
            self.style.append(data)

    def entity(self, name: str, *_: object) -> None:
        raise _Refused(f"the entity declaration <!ENTITY {name} ...>")

    def instruction(self, target: str, data: str) -> None:
        raise _Refused(f"the processing instruction <?{target} ...?>")

    def external(self, *_: object) -> int:
        raise _Refused("an external entity")


def svg_problem(data: bytes, name: str = "the drawing") -> SvgProblem | None:
    """Why ``data`` is not a self-contained SVG drawing, in an author's words; None when it is.

    ``name`` is how the message refers to the file, e.g. '"illustrations/skin.svg"'.
    """
    scanner = _Scanner()
    try:
        scanner.parser.Parse(data, True)
    except _Refused as refused:
        message = f"expected a self-contained drawing; {name} refers to outside files: {refused}"
        return SvgProblem(message, True)
    except xml.parsers.expat.ExpatError as error:
        reason = xml.parsers.expat.ErrorString(error.code)
        message = (
            f"expected an SVG drawing, but {name} is not well-formed XML "
            f"({reason} at line {error.lineno})"
        )
        return SvgProblem(message, False)
    except (ValueError, LookupError, RecursionError):  # e.g. an unknown encoding declared
        return SvgProblem(f"expected an SVG drawing, but {name} cannot be read as XML", False)
    if scanner.root != "svg":
        return SvgProblem(f"expected an SVG drawing, but {name} has no <svg> element", False)
    return None
