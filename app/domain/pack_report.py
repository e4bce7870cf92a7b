"""``microneedling-companion validate-pack PATH``: every problem, then the reading-grade table.

The command is for content authors: they edit Markdown in a text editor, run this, and fix what
it lists. It prints every problem of every language (one per line, "file: field: message"),
including what one language has and another lacks (app.domain.pack_parity), then a table of the
screens with their reading score, the medians, and what was left out. English screens get a
Flesch-Kincaid grade (lower is easier); Spanish ones the Szigriszt-Pazos reading ease on the
INFLESZ scale (higher is easier; app.domain.readability_es): each formula is calibrated for its
own language. The exit code is 0 only when there is no problem at all, reading scores included,
so it can gate a content change in CI.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app.domain.pack import PACK_FILE, ContentPack, LoadResult, Problem, load_pack
from app.domain.pack_parity import check_parity
from app.domain.readability import AUTHORING_HINT, ReadabilityUnavailable, fk_grade
from app.domain.readability_es import inflesz_band, reading_ease_es
from app.domain.warning_blocks import scoring_markdown

# Limits from docs/content-format.md ("Reading level").
MAX_SCREEN_GRADE = 7.0
MAX_MEDIAN_GRADE = 6.0
GRADED_LANGUAGE = "en"
READING_GRADE = "(reading grade)"  # pseudo-field, in app.domain.schema's "(...)" style
# Spanish: Szigriszt-Pazos on the INFLESZ scale; 55 is the bottom of "normal", 65 of
# "bastante fácil" (issue 18).
EASE_LANGUAGE = "es"
MIN_SCREEN_EASE = 55.0
MIN_MEDIAN_EASE = 65.0
READING_EASE = "(reading ease)"
_TITLE_WIDTH = 44


@dataclass(frozen=True)
class ScreenRow:
    language: str
    order: int
    id: str
    title: str
    file: str
    grade: float | None
    ease: float | None = None  # Szigriszt-Pazos, for Spanish screens


@dataclass(frozen=True)
class PackReport:
    problems: list[Problem]
    rows: list[ScreenRow]
    medians: dict[str, float]  # language -> median grade, for graded languages
    ease_medians: dict[str, float]  # language -> median reading ease (Spanish)
    dropped: list[str]
    grades_unavailable: str | None  # why no grades, when textstat is not installed


def _languages(path: Path, language: str | None) -> tuple[list[str], dict[str, LoadResult]]:
    """The languages to check, and the load already done while finding them out."""
    if language is not None:
        return [language], {}
    probe = load_pack(path, GRADED_LANGUAGE)
    if probe.meta is not None:
        done = {GRADED_LANGUAGE: probe} if GRADED_LANGUAGE in probe.meta.languages else {}
        return list(probe.meta.languages), done
    # No usable pack.toml: check the language folders that are there, so no screen goes unseen.
    found = sorted(
        child.name
        for child in (path.iterdir() if path.is_dir() else ())
        if child.is_dir() and re.fullmatch(r"[a-z]{2}", child.name)
    )
    if not found or found == [GRADED_LANGUAGE]:
        return [GRADED_LANGUAGE], {GRADED_LANGUAGE: probe}
    return found, {}


def build_report(path: Path, language: str | None = None) -> PackReport:
    """Load every language to check, score English screens, and turn limits into problems.

    Each language goes through app.domain.pack.load_pack, the loader the app uses, so a pack
    this reports no problem for is one the app shows, and the reverse.
    """
    languages, done = _languages(path, language)
    problems: list[Problem] = []
    rows: list[ScreenRow] = []
    dropped: list[str] = []
    unavailable: str | None = None
    packs: dict[str, ContentPack] = {}
    for code in languages:
        result = done.get(code) or load_pack(path, code)
        problems.extend(result.problems)
        dropped.extend(result.dropped)
        pack = result.pack
        if pack is None:
            continue
        packs[code] = pack
        for screen in pack.screens:
            grade = ease = None
            # The screen as shown: its warning-sign blocks expanded from the model.
            shown = scoring_markdown(screen.body, pack.warnings)
            if code == GRADED_LANGUAGE and unavailable is None:
                try:
                    grade = fk_grade(shown)
                except ReadabilityUnavailable as error:
                    unavailable = str(error)
            elif code == EASE_LANGUAGE:
                ease = reading_ease_es(shown)
            meta = screen.meta
            rows.append(ScreenRow(code, meta.order, meta.id, meta.title, screen.file, grade, ease))
    problems.extend(check_parity(packs))

    medians: dict[str, float] = {}
    for row in rows:
        if row.grade is not None and row.grade > MAX_SCREEN_GRADE:
            message = f"expected grade {MAX_SCREEN_GRADE} or lower, got {row.grade:.1f}"
            problems.append(Problem(row.file, READING_GRADE, message))
    grades = [row.grade for row in rows if row.grade is not None]
    if grades:
        median = medians[GRADED_LANGUAGE] = statistics.median(grades)
        if median > MAX_MEDIAN_GRADE:
            message = (
                f"expected a median grade of {MAX_MEDIAN_GRADE} or lower across the screens, "
                f"got {median:.1f}"
            )
            problems.append(Problem(f"{GRADED_LANGUAGE}/screens/", READING_GRADE, message))
    ease_medians = _check_ease(rows, problems)
    # pack.toml and protocol.toml are the same for every language: say each problem once.
    unique = list(dict.fromkeys(problems))
    return PackReport(
        unique, rows, medians, ease_medians, list(dict.fromkeys(dropped)), unavailable
    )


def _check_ease(rows: list[ScreenRow], problems: list[Problem]) -> dict[str, float]:
    """Spanish reading ease: every screen at least MIN_SCREEN_EASE, the median at least
    MIN_MEDIAN_EASE; returns the median of each scored language."""
    for row in rows:
        if row.ease is not None and row.ease < MIN_SCREEN_EASE:
            message = (
                f"expected a Szigriszt-Pazos reading ease of {MIN_SCREEN_EASE:.0f} or more, "
                f"got {row.ease:.1f} ({inflesz_band(row.ease)})"
            )
            problems.append(Problem(row.file, READING_EASE, message))
    medians: dict[str, float] = {}
    for code in sorted({row.language for row in rows if row.ease is not None}):
        scores = [row.ease for row in rows if row.language == code and row.ease is not None]
        median = medians[code] = statistics.median(scores)
        if median < MIN_MEDIAN_EASE:
            message = (
                f"expected a median Szigriszt-Pazos reading ease of {MIN_MEDIAN_EASE:.0f} or "
                f"more across the screens, got {median:.1f} ({inflesz_band(median)})"
            )
            problems.append(Problem(f"{code}/screens/", READING_EASE, message))
    return medians


def write_report(report: PackReport, out: TextIO) -> None:
    for problem in report.problems:
        out.write(f"{problem}\n")
    if report.problems:
        out.write("\n")
    if report.rows:
        _write_table(report, out)
    else:
        out.write("No screens could be loaded.\n")
    if report.dropped:
        out.write("Left out because of their problems: " + ", ".join(report.dropped) + "\n")
    if report.grades_unavailable is not None:
        out.write(f"Reading grades need the authoring extra: {AUTHORING_HINT}\n")
    count = len(report.problems)
    out.write("No problems.\n" if count == 0 else f"{count} problem{'s' * (count != 1)}.\n")


def _write_table(report: PackReport, out: TextIO) -> None:
    def title(text: str) -> str:
        return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 3] + "..."

    id_width = max(len("id"), *(len(row.id) for row in report.rows))
    header = (
        f"{'lang':<4}  {'order':>5}  {'id':<{id_width}}  {'title':<{_TITLE_WIDTH}}  grade   ease"
    )
    out.write(header + "\n" + "-" * len(header) + "\n")
    for row in sorted(report.rows, key=lambda r: (r.language, r.order)):
        grade = "-" if row.grade is None else f"{row.grade:5.1f}"
        ease = "-" if row.ease is None else f"{row.ease:5.1f}"
        flag = f"  above {MAX_SCREEN_GRADE}" if row.grade and row.grade > MAX_SCREEN_GRADE else ""
        if row.ease is not None:
            below = f", below {MIN_SCREEN_EASE:.0f}" if row.ease < MIN_SCREEN_EASE else ""
            flag = f"  {inflesz_band(row.ease)}{below}"
        out.write(
            f"{row.language:<4}  {row.order:>5}  {row.id:<{id_width}}  "
            f"{title(row.title):<{_TITLE_WIDTH}}  {grade:>5}  {ease:>5}{flag}\n"
        )
    for code, median in report.medians.items():
        flag = f"  above {MAX_MEDIAN_GRADE}" if median > MAX_MEDIAN_GRADE else ""
        count = sum(1 for row in report.rows if row.language == code)
        screens = f"{count} screen{'s' * (count != 1)}"
        out.write(f"Median grade ({code}, {screens}): {median:.1f}{flag}\n")
    for code, median in report.ease_medians.items():
        below = f", below {MIN_MEDIAN_EASE:.0f}" if median < MIN_MEDIAN_EASE else ""
        count = sum(1 for row in report.rows if row.language == code)
        screens = f"{count} screen{'s' * (count != 1)}"
        out.write(
            f"Median reading ease ({code}, {screens}, Szigriszt-Pazos): {median:.1f} "
            f"({inflesz_band(median)}{below})\n"
        )


def run_validate_pack(path: Path, out: TextIO, language: str | None = None) -> int:
    """Print every problem and the reading-grade table; 0 when there is no problem, else 1.

    ``language`` limits the check to one language; by default every language that pack.toml
    lists is checked (or, when pack.toml is unusable, every language folder present).
    """
    report = build_report(path, language)
    write_report(report, out)
    if not report.rows and not report.problems:
        out.write(f"{PACK_FILE} lists no language with screens.\n")
        return 1
    return 1 if report.problems else 0
