"""Everything a screen needs from the content pack, loaded together and checked together.

The pack's screens, its aftercare protocol and that protocol's words in the reader's language,
and its warning signs, come from one folder, through the one loader that `validate-pack` uses
too (app.domain.pack.load_pack): a pack whose protocol or warning signs are broken is as
unusable as one whose screens are, so all fall back to the built-in pack the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.pack import ContentPack, load_pack_with_fallback
from app.domain.protocol import AftercareText, Protocol, describe_duration
from app.domain.schema import Problem
from app.domain.warnings_files import Warnings

PROTOCOL_PLACEHOLDERS = ("makeup", "sweat", "actives", "sun", "next_session")


@dataclass(frozen=True)
class Content:
    pack: ContentPack
    protocol: Protocol  # the pack's defaults; clinic and treatment overrides are applied later
    text: AftercareText
    problems: tuple[Problem, ...]  # what was wrong with the preferred pack, or the built-in one
    used_fallback: bool  # the preferred pack was unusable, so the built-in one is shown

    @property
    def warnings(self) -> Warnings:
        """The warning signs of the pack shown: always whole (a pack with a problem in them is
        not shown)."""
        return self.pack.warnings


def load_content(preferred: Path | None, builtin: Path, language: str = "en") -> Content:
    """The preferred pack when it is usable, else the built-in one, with every problem found.

    Raises PackLoadError only when the built-in pack itself is broken, which is a packaging bug
    that the content tests catch before release.
    """
    pack, problems, used_fallback = load_pack_with_fallback(preferred, builtin, language)
    return Content(pack, pack.protocol, pack.text, tuple(problems), used_fallback)


def placeholder_values(
    content: Content,
    protocol: Protocol,
    clinic_name: str,
    clinic_phone: str,
    format_date: Callable[[date], str],
    emergency_number: str,
) -> Mapping[str, str]:
    """The words that replace {{...}} in screens: timings in force, clinic details, dates and
    the patient's emergency number."""
    values = {
        rule_id: describe_duration(protocol.rule(rule_id).duration, content.text.units)
        for rule_id in PROTOCOL_PLACEHOLDERS
        if rule_id in protocol.rule_ids
    }
    values["clinic_name"] = clinic_name
    values["clinic_phone"] = clinic_phone
    values["emergency_number"] = emergency_number
    values["last_reviewed"] = format_date(content.pack.meta.last_reviewed)
    values["next_review_due"] = format_date(content.pack.meta.next_review_due)
    return values
