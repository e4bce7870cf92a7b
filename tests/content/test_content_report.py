"""validate-pack: every problem on its own line, then the reading-grade table; exit 0 or 1."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from app.domain import pack_report
from app.domain.pack import load_pack
from app.domain.pack_report import build_report, run_validate_pack
from app.domain.readability import ReadabilityUnavailable

HARD = (
    "Microneedling stimulates dermal remodelling through controlled microscopic injuries, "
    "initiating inflammatory, proliferative and maturation phases of cutaneous regeneration."
)


def run(path: Path, language: str | None = None) -> tuple[int, str]:
    out = io.StringIO()
    code = run_validate_pack(path, out, language)
    return code, out.getvalue()


def test_validate_pack_report_exit_codes(good_pack: Any, cmudict_dir: Path) -> None:
    code, output = run(good_pack.root)

    assert code == 0
    assert output.endswith("No problems.\n")
    for screen_id in ("what-is-it", "after-care", "when-to-call"):
        assert f"  {screen_id}  " in output
    assert "Median grade (en, 3 screens): " in output

    good_pack.screen("broken", '"two"', "Hello <b>you</b>.")
    good_pack.screen("bad-link", 5, "See [this](screen:nowhere).")
    problems = load_pack(good_pack.root).problems
    code, output = run(good_pack.root)

    assert code == 1
    lines = output.splitlines()
    for problem in problems:
        assert str(problem) in lines  # one problem per line, "file: field: message"
    assert f"{len(problems)} problems." in lines
    assert (
        "Left out because of their problems: en/screens/05-bad-link.md, en/screens/99-broken.md"
        in lines
    )
    assert "  what-is-it  " in output  # the table still shows what is good


def test_report_flags_a_hard_screen_and_a_high_median(good_pack: Any, cmudict_dir: Path) -> None:
    for order in (4, 5, 6, 7):
        good_pack.screen(f"hard-{order}", order, HARD)

    report = build_report(good_pack.root)
    code, output = run(good_pack.root)

    hard = [row for row in report.rows if row.id.startswith("hard")]
    assert all(row.grade is not None and row.grade > 7 for row in hard)
    assert code == 1
    assert "en/screens/04-hard-4.md: (reading grade): expected grade 7.0 or lower, got " in output
    assert "en/screens/: (reading grade): expected a median grade of 6.0 or lower" in output
    assert "above 7.0" in output
    assert "above 6.0" in output


def test_report_checks_every_listed_language_grading_english_and_easing_spanish(
    good_pack: Any, cmudict_dir: Path
) -> None:
    good_pack.pack_toml(languages=["en", "es"])
    good_pack.protocol("es")
    good_pack.warnings("es")
    good_pack.screen("que-es", 1, "Agujas muy finas hacen agujeros.", language="es")
    good_pack.screen("roto", '"x"', language="es")

    report = build_report(good_pack.root)
    code, output = run(good_pack.root)

    spanish = [row for row in report.rows if row.language == "es"]
    assert [(row.id, row.grade) for row in spanish] == [("que-es", None)]
    assert spanish[0].ease is not None and spanish[0].ease < 55  # long words, one sentence
    assert all(row.grade is not None and row.ease is None for row in report.rows[:3])
    assert code == 1
    assert "es/screens/99-roto.md: order: " in output
    assert (
        "es/screens/01-que-es.md: (reading ease): expected a Szigriszt-Pazos reading ease "
        in output
    )
    assert "Median reading ease (es, 1 screen, Szigriszt-Pazos): " in output
    assert 'es/screens/: (folder): has no screen "after-care"' in output
    assert output.count("pack.toml") == 0  # pack-level problems are not repeated per language

    code_en, output_en = run(good_pack.root, "en")
    assert (code_en, "que-es" in output_en) == (0, False)


def test_report_without_textstat_prints_the_hint_and_exits_by_problems(
    good_pack: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(text: str) -> float:
        raise ReadabilityUnavailable("the textstat package is missing")

    monkeypatch.setattr(pack_report, "fk_grade", unavailable)

    code, output = run(good_pack.root)
    assert code == 0
    assert "Reading grades need the authoring extra: " in output
    assert "microneedling-companion[authoring]" in output

    good_pack.screen("broken", '"two"')
    code, output = run(good_pack.root)
    assert code == 1
    assert "en/screens/99-broken.md: order: " in output


def test_report_on_a_missing_folder_fails_with_the_problem(tmp_path: Path) -> None:
    code, output = run(tmp_path / "nowhere")

    assert code == 1
    assert "(folder): not found" in output
    assert "No screens could be loaded." in output
