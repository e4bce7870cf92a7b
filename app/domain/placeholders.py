"""Protocol placeholders in screen prose: ``{{ makeup }}`` and friends.

Timings a clinic sets are never typed into prose (docs/content-format.md). Authors write a
placeholder and the app fills in the value in force. This module is the one place that knows
which names exist, so the pack validator, the renderer and the reading-grade scorer all agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from app.domain.warnings import LEVELS

# Representative words for every known placeholder. The protocol timings are the content
# defaults from docs/content-format.md; the clinic ones are what the app shows when no clinic is
# configured; the review dates are an example date. They are used where the real value is not
# known (the reading-grade score and previews), never as the value in force for a patient: that
# comes from protocol.toml, the clinic config and the treatment.
REPRESENTATIVE_VALUES: Mapping[str, str] = MappingProxyType(
    {
        "makeup": "24 hours",
        "sweat": "72 hours",
        "actives": "7 days",
        "sun": "14 days",
        "next_session": "4 weeks",
        "clinic_name": "your clinic",
        "clinic_phone": "your clinic's phone number",
        # The patient's region's number (content brief §7), or these words when the region is
        # not in the pack: never a guessed number.
        "emergency_number": "your local emergency number",
        "last_reviewed": "24 November 2026",
        "next_review_due": "24 November 2026",
    }
)

KNOWN_PLACEHOLDERS: frozenset[str] = frozenset(REPRESENTATIVE_VALUES)

# Block placeholders stand alone on a line of a screen's body and become whole sections: the
# pack's warning signs, every level (``{{warning_signs}}``) or one
# (``{{warning_signs:call_today}}``), drawn from the one model in warning_signs.toml
# (app.domain.warning_blocks). fill() does not fill them: the renderer expands them first.
WARNING_BLOCK = "warning_signs"
BLOCK_PLACEHOLDERS: frozenset[str] = frozenset(
    {WARNING_BLOCK, *(f"{WARNING_BLOCK}:{level}" for level in LEVELS)}
)
BLOCK_LINE = re.compile(r"^\s*\{\{\s*(warning_signs(?::[a-z_]+)?)\s*\}\}\s*$")

# ``{{name}}`` with optional spaces inside the braces. The name group is deliberately loose
# (anything but braces) so that a typo like ``{{ next session }}`` is found and reported as an
# unknown name instead of silently staying in the text the patient reads.
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")

# Characters that mean something in Markdown; see escape_markdown.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


class PlaceholderError(ValueError):
    """A placeholder name that is not known, or a known one with no value to put in."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def find_placeholders(text: str) -> set[str]:
    """Every placeholder name used in ``text``, known or not."""
    return {match.group(1) for match in _PLACEHOLDER.finditer(text)}


def unknown_placeholders(text: str) -> set[str]:
    """The placeholder names in ``text`` that the app cannot fill."""
    return find_placeholders(text) - KNOWN_PLACEHOLDERS - BLOCK_PLACEHOLDERS


def block_name(line: str) -> str | None:
    """The block placeholder that ``line`` consists of, or None when it is not one alone."""
    match = BLOCK_LINE.match(line)
    return match.group(1) if match and match.group(1) in BLOCK_PLACEHOLDERS else None


def stray_braces(text: str) -> list[int]:
    """1-based line numbers where ``{{`` or ``}}`` is left over after removing placeholders.

    A half-typed placeholder such as ``{{makeup}`` would otherwise reach the patient as-is.
    """
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        rest = _PLACEHOLDER.sub("", line)
        if "{{" in rest or "}}" in rest:
            lines.append(number)
    return lines


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace every ``{{ name }}`` in ``text`` with ``values[name]``.

    Raises PlaceholderError for a name that is not in KNOWN_PLACEHOLDERS, or that is known but
    has no value in ``values``: showing a patient "{{sun}}" or an empty gap where a timing
    belongs is worse than failing loudly, and the pack validator catches the first case before
    any content ships. Values are inserted verbatim; see escape_markdown for text that will be
    rendered as Markdown and comes from outside the pack (a clinic's name, for example).
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in KNOWN_PLACEHOLDERS:
            known = ", ".join(sorted(KNOWN_PLACEHOLDERS))
            raise PlaceholderError(
                name, f'unknown placeholder "{{{{{name}}}}}"; expected one of: {known}'
            )
        if name not in values:
            raise PlaceholderError(name, f'no value given for placeholder "{{{{{name}}}}}"')
        return values[name]

    return _PLACEHOLDER.sub(replace, text)


def fill_representative(text: str) -> str:
    """``fill`` with REPRESENTATIVE_VALUES, for scoring and previews."""
    return fill(text, REPRESENTATIVE_VALUES)


def escape_markdown(value: str) -> str:
    """Backslash-escape Markdown syntax in a value before it is placed into Markdown.

    Clinic names and phone numbers come from a config file, not from reviewed content; without
    this a name like "Skin_Care_Clinic" would render in italics, and "<b>" would be raw HTML.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)
