"""The pack that ships with the app: every screen valid, illustrated properly, easy to read."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from app.domain.pack import LoadResult, load_pack
from app.domain.pack_parity import check_parity
from app.domain.pack_report import (
    GRADED_LANGUAGE,
    MAX_MEDIAN_GRADE,
    MAX_SCREEN_GRADE,
    MIN_MEDIAN_EASE,
    MIN_SCREEN_EASE,
    build_report,
    write_report,
)

# These tests are about the shipped pack itself (build_scripts/content_independence.py).
pytestmark = pytest.mark.shipped_content


def load_every_language(shipped_pack: Path) -> dict[str, LoadResult]:
    first = load_pack(shipped_pack, GRADED_LANGUAGE)
    assert first.meta is not None, "\n".join(map(str, first.problems))
    return {code: load_pack(shipped_pack, code) for code in first.meta.languages}


def test_every_shipped_screen_validates(shipped_pack: Path) -> None:
    results = load_every_language(shipped_pack)

    problems = [str(p) for result in results.values() for p in result.problems]
    assert problems == [], "\n".join(problems)
    for code, result in results.items():
        assert result.pack is not None, code
        assert result.dropped == []
        assert len(result.pack.screens) >= 1
    assert GRADED_LANGUAGE in results


def test_every_shipped_language_has_the_same_screens(shipped_pack: Path) -> None:
    results = load_every_language(shipped_pack)
    english = results[GRADED_LANGUAGE].pack
    assert english is not None

    for code, result in results.items():
        assert result.pack is not None, code
        assert len(result.pack.screens) == len(english.screens), code


def test_every_referenced_illustration_exists_and_has_alt_text(shipped_pack: Path) -> None:
    results = load_every_language(shipped_pack)

    illustrated = 0
    for result in results.values():
        assert result.pack is not None
        for screen in result.pack.screens:
            if screen.meta.illustration is None:
                continue
            illustrated += 1
            path = screen.illustration_path
            assert path is not None and path.is_file(), screen.file
            assert path.suffix == ".svg", screen.file
            assert path.is_relative_to(shipped_pack.resolve()), screen.file
            alt = screen.meta.illustration_alt
            assert alt is not None and len(alt.split()) >= 3, f"{screen.file}: alt text too short"
    assert illustrated >= 1, "no shipped screen has an illustration"


def test_sources_with_several_addresses_keep_the_extra_ones_in_also(shipped_pack: Path) -> None:
    meta = load_pack(shipped_pack, GRADED_LANGUAGE).meta
    assert meta is not None

    further = {source.key: len(source.also) for source in meta.sources if source.also}
    # Each count is the number of extra addresses the content brief gives for that source.
    assert further == {
        "S5": 1,
        "S16": 1,
        "S32": 1,
        "S33": 2,
        "S47": 11,
        "S51": 1,
        "S53": 1,
        "S54": 4,
        "S57": 1,
        "S59": 2,
        "S60": 7,
        "S61": 2,
        "S66": 9,
    }


def test_english_reading_grade_at_most_7_per_screen_and_median_at_most_6(
    shipped_pack: Path, cmudict_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = build_report(shipped_pack, GRADED_LANGUAGE)
    table = io.StringIO()
    write_report(report, table)
    with capsys.disabled():  # shown in the normal output, even when the test passes
        print("\n\nReading grades of the shipped pack (Flesch-Kincaid):\n" + table.getvalue())

    assert report.grades_unavailable is None
    graded = [row for row in report.rows if row.grade is not None]
    assert graded, "no English screen was graded"
    too_hard = [f"{row.file}: {row.grade:.1f}" for row in graded if row.grade > MAX_SCREEN_GRADE]  # type: ignore[operator]
    assert too_hard == []
    assert report.medians[GRADED_LANGUAGE] <= MAX_MEDIAN_GRADE


def test_the_pack_is_in_english_and_spanish_and_every_spanish_screen_loads(
    shipped_pack: Path,
) -> None:
    spanish = load_pack(shipped_pack, "es")
    english = load_pack(shipped_pack, "en").pack

    assert spanish.meta is not None and spanish.meta.languages == ["en", "es"]
    assert spanish.problems == [] and spanish.dropped == []
    assert spanish.pack is not None and english is not None
    assert [s.meta.id for s in spanish.pack.screens] == [s.meta.id for s in english.screens]
    assert all(screen.language == "es" for screen in spanish.pack.screens)
    assert spanish.pack.warnings.text.checkin_title == "¿Cómo está su piel hoy?"


def test_every_shipped_language_has_the_same_screens_placeholders_rules_and_signs(
    shipped_pack: Path,
) -> None:
    results = load_every_language(shipped_pack)
    packs = {code: result.pack for code, result in results.items() if result.pack is not None}

    assert len(packs) == len(results) >= 2
    assert [str(problem) for problem in check_parity(packs)] == []


def test_spanish_reading_ease_at_least_55_per_screen_and_median_at_least_65(
    shipped_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = build_report(shipped_pack, "es")
    table = io.StringIO()
    write_report(report, table)
    with capsys.disabled():  # shown in the normal output, even when the test passes
        print("\n\nSpanish reading ease (Szigriszt-Pazos, INFLESZ):\n" + table.getvalue())

    scored = [row for row in report.rows if row.ease is not None]
    assert len(scored) == len(report.rows) >= 1
    too_hard = [f"{row.file}: {row.ease:.1f}" for row in scored if row.ease < MIN_SCREEN_EASE]  # type: ignore[operator]
    assert too_hard == []
    assert report.ease_medians["es"] >= MIN_MEDIAN_EASE
    assert report.problems == []


def test_spanish_durations_need_no_gender(shipped_pack: Path) -> None:
    # A duration may be "4 semanas" or "30 días": "unas {{next_session}}" would read
    # "unas 30 días" once a clinic sets its timing in days.
    gendered = re.compile(
        r"\b(?:unas|unos|las|los|otras|otros)\s+\{\{\s*"
        r"(?:duration|makeup|sweat|actives|sun|next_session)\s*\}\}",
        re.IGNORECASE,
    )
    found = [
        f"{path.relative_to(shipped_pack)}: {match.group(0)}"
        for path in sorted((shipped_pack / "es").rglob("*"))
        if path.suffix in (".md", ".toml") and path.name != "GLOSSARY.md"
        for match in gendered.finditer(path.read_text("utf-8"))
    ]
    assert found == []
