"""Everything a screen needs from the content pack, loaded together and checked together.

The pack's screens, its aftercare protocol and that protocol's words in the reader's language
come from one folder; a pack whose protocol is broken is as unusable as one whose screens are,
so both fall back to the built-in pack the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.pack import ContentPack, LoadResult, PackLoadError, load_pack
from app.domain.protocol import (
    AftercareText,
    Protocol,
    describe_duration,
    load_aftercare_text,
    load_protocol,
)
from app.domain.schema import Problem, ProtocolError

PROTOCOL_PLACEHOLDERS = ("makeup", "sweat", "actives", "sun", "next_session")


@dataclass(frozen=True)
class Content:
    pack: ContentPack
    protocol: Protocol  # the pack's defaults; clinic and treatment overrides are applied later
    text: AftercareText
    problems: tuple[Problem, ...]  # what was wrong with the preferred pack, or the built-in one
    used_fallback: bool  # the preferred pack was unusable, so the built-in one is shown


def _load_protocol_and_text(folder: Path, language: str) -> tuple[Protocol, AftercareText]:
    protocol_file = folder / "protocol.toml"
    text_file = folder / language / "aftercare.toml"
    missing = [
        Problem(str(path), "(file)", "missing; every content pack needs it")
        for path in (protocol_file, text_file)
        if not path.is_file()
    ]
    if missing:
        raise ProtocolError(missing)
    protocol = load_protocol(protocol_file)
    return protocol, load_aftercare_text(text_file, protocol)


def _load_in_language(folder: Path, language: str) -> LoadResult:
    """The pack in `language`, or in its first language when it has not been translated into
    `language` (a reader's system language is a wish, not a mistake in the pack)."""
    result = load_pack(folder, language)
    if result.meta is not None and language not in result.meta.languages:
        result = load_pack(folder, result.meta.languages[0])
    return result


def load_content(preferred: Path | None, builtin: Path, language: str = "en") -> Content:
    """The preferred pack when it is usable, else the built-in one, with every problem found.

    Raises PackLoadError or ProtocolError only when the built-in pack itself is broken, which
    is a packaging bug that the content tests catch before release.
    """
    problems: list[Problem] = []
    if preferred is not None:
        result = _load_in_language(preferred, language)
        problems.extend(result.problems)
        if result.pack is not None:
            try:
                protocol, text = _load_protocol_and_text(result.pack.folder, result.pack.language)
            except ProtocolError as error:
                problems.extend(error.problems)
            else:
                return Content(result.pack, protocol, text, tuple(problems), False)
    builtin_result = _load_in_language(builtin, language)
    if builtin_result.pack is None:
        raise PackLoadError(builtin_result.problems)
    pack = builtin_result.pack
    protocol, text = _load_protocol_and_text(pack.folder, pack.language)
    all_problems = tuple(dict.fromkeys([*problems, *builtin_result.problems]))
    return Content(pack, protocol, text, all_problems, preferred is not None)


def placeholder_values(
    content: Content,
    protocol: Protocol,
    clinic_name: str,
    clinic_phone: str,
    format_date: Callable[[date], str],
) -> Mapping[str, str]:
    """The words that replace {{...}} in screens: timings in force, clinic details, dates."""
    values = {
        rule_id: describe_duration(protocol.rule(rule_id).duration, content.text.units)
        for rule_id in PROTOCOL_PLACEHOLDERS
        if rule_id in protocol.rule_ids
    }
    values["clinic_name"] = clinic_name
    values["clinic_phone"] = clinic_phone
    values["last_reviewed"] = format_date(content.pack.meta.last_reviewed)
    values["next_review_due"] = format_date(content.pack.meta.next_review_due)
    return values
