"""The warning levels as words and Markdown, from the one model in the pack.

Every surface that shows warning signs (Learn screens through their ``{{warning_signs}}``
blocks, the Warning signs area, About, the handout, the kiosk) takes a level's words from
level_words(), so each shows the same signs at the same level, in the model's order: the
level's word (its label), its title, what to do, every sign, then whom to call. Placeholders in
the pack's words ({{emergency_number}}, {{clinic_name}}) are filled from the values given.

A screen's body may hold block placeholders on lines of their own (app.domain.placeholders):
expand() cuts the body into segments, the author's Markdown and one segment per level, so that
a renderer can put each level in its own box, in its safety colour, with its icon.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.checkin_words import fill_words
from app.domain.placeholders import (
    REPRESENTATIVE_VALUES,
    WARNING_BLOCK,
    block_name,
    escape_markdown,
    find_placeholders,
)
from app.domain.warnings import LEVELS, Level
from app.domain.warnings_files import Warnings


@dataclass(frozen=True)
class PhoneWords:
    """The app's words for the phone lines (translated by the caller)."""

    clinic: str  # "Clinic phone: {phone}"
    after_hours: str  # "Out of hours: {phone}"
    missing: str  # the whole line when the clinic has no phone: a blank to write on in print


@dataclass(frozen=True)
class Phones:
    clinic: str = ""  # "" when no clinic config sets it
    after_hours: str = ""


@dataclass(frozen=True)
class LevelWords:
    """One level as every surface shows it, every placeholder filled, plain text."""

    level: Level
    label: str  # the level's word, shown beside its icon
    title: str
    action: str
    signs: tuple[str, ...]  # every sign at this level, in the model's order
    phone_lines: tuple[str, ...]  # whom to call; none for an emergency (the title says it)


@dataclass(frozen=True)
class Segment:
    """A piece of a screen: the author's Markdown (placeholders still in, level None), or one
    warning level as Markdown (placeholders filled)."""

    markdown: str
    level: Level | None = None


def level_words(
    warnings: Warnings,
    level: Level,
    values: Mapping[str, str],
    phones: Phones,
    words: PhoneWords,
) -> LevelWords:
    """The words of `level`. `values` fills {{emergency_number}} and {{clinic_name}}."""
    text = warnings.text.levels[level]
    return LevelWords(
        level=level,
        label=text.label,
        title=fill_words(text.title, values),
        action=fill_words(text.action, values),
        signs=tuple(
            fill_words(warnings.text.sign_text(sign.id), values)
            for sign in warnings.model.signs_at(level)
        ),
        phone_lines=phone_lines(level, phones, words),
    )


def phone_lines(level: Level, phones: Phones, words: PhoneWords) -> tuple[str, ...]:
    """The clinic's phone (or the line for a missing one) for the levels that call the clinic,
    and the out-of-hours line where the clinic has one and the call cannot wait."""
    if level is Level.EMERGENCY:
        return ()
    lines = [words.clinic.format(phone=phones.clinic) if phones.clinic else words.missing]
    if level is Level.CALL_TODAY and phones.after_hours:
        lines.append(words.after_hours.format(phone=phones.after_hours))
    return tuple(lines)


def level_markdown(words: LevelWords, heading: int = 2) -> str:
    """One level as Markdown: its word, its title as a heading, what to do, the signs as a
    list and the phone lines. Every word is escaped: pack words and clinic details are text."""
    parts = [
        f"**{escape_markdown(words.label)}**",
        f"{'#' * heading} {escape_markdown(words.title)}",
        escape_markdown(words.action),
        "\n".join(f"- {escape_markdown(sign)}" for sign in words.signs),
        *(escape_markdown(line) for line in words.phone_lines),
    ]
    return "\n\n".join(part for part in parts if part)


def block_levels(name: str) -> tuple[Level, ...]:
    """The levels a block placeholder stands for: all of them, or the one it names."""
    if name == WARNING_BLOCK:
        return LEVELS
    return (Level(name.split(":", 1)[1]),)


def expand(
    body: str,
    warnings: Warnings,
    values: Mapping[str, str],
    phones: Phones,
    words: PhoneWords,
) -> list[Segment]:
    """`body` cut at its block placeholders: the author's Markdown between them as it is, and
    each level of each block as its own segment."""
    segments: list[Segment] = []
    prose: list[str] = []

    def end_prose() -> None:
        if "".join(prose).strip():
            segments.append(Segment("\n".join(prose).strip("\n")))
        prose.clear()

    for line in body.splitlines():
        name = block_name(line)
        if name is None:
            prose.append(line)
            continue
        end_prose()
        for level in block_levels(name):
            filled = level_words(warnings, level, values, phones, words)
            segments.append(Segment(level_markdown(filled), level))
    end_prose()
    return segments


def levels_shown(segments: Sequence[Segment]) -> tuple[Level, ...]:
    return tuple(segment.level for segment in segments if segment.level is not None)


def has_blocks(body: str) -> bool:
    return any(name.startswith(WARNING_BLOCK) for name in find_placeholders(body))


# For the reading grade, where no patient's region or clinic is known: the words the app shows
# when none is set, and English phone lines (validate-pack scores English screens only).
SCORING_PHONE_WORDS = PhoneWords(
    clinic="Clinic phone: {phone}",
    after_hours="Out of hours: {phone}",
    missing=f"Clinic phone: {REPRESENTATIVE_VALUES['clinic_phone']}",
)


def scoring_markdown(body: str, warnings: Warnings) -> str:
    """`body` with its blocks expanded as a patient without a region or clinic would read it,
    so the reading grade scores what is shown, not the placeholder."""
    values = {name: REPRESENTATIVE_VALUES[name] for name in ("emergency_number", "clinic_name")}
    segments = expand(body, warnings, values, Phones(), SCORING_PHONE_WORDS)
    return "\n\n".join(segment.markdown for segment in segments)
