"""The card's words and the history's levels, from a test model; and reading a pack's
warning-signs files, problems named by file and field."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

from app.domain.checkin import CheckIn, Severity, triage
from app.domain.checkin_words import card_words, fill_words, previous_answered, triaged_history
from app.domain.warnings import Level
from app.domain.warnings_files import load_warnings
from tests.checkin_model import make_warnings

PACK = Path(__file__).resolve().parents[2] / "resources" / "content" / "microneedling-acne-scars"
VALUES = {"emergency_number": "999", "clinic_name": "Skin Clinic"}


def on_day(day: int, **kwargs: object) -> CheckIn:
    return CheckIn(date(2026, 3, 6) + timedelta(days=day), day, **kwargs)  # type: ignore[arg-type]


def test_placeholders_are_filled_and_unknown_ones_stay_visible() -> None:
    assert fill_words("Call {{ clinic_name }} on {{emergency_number}}", VALUES) == (
        "Call Skin Clinic on 999"
    )
    assert fill_words("Ask {{clinic_nmae}}", VALUES) == "Ask {{clinic_nmae}}"


def test_the_card_names_its_level_fills_the_number_and_gives_every_reason() -> None:
    warnings = make_warnings()
    today = on_day(6, scores={"redness": Severity.MODERATE}, yes=frozenset({"breath"}))
    result = triage(today, on_day(5, scores={"redness": Severity.MILD}), warnings.model)
    words = card_words(result, warnings.text, VALUES)
    assert words.level is Level.EMERGENCY
    assert (words.label, words.title) == ("Emergency", "Dial 999 now")
    assert words.reasons == ("Breathing is hard.", "Your redness got worse.")


def test_nothing_that_needs_a_call_gives_the_all_clear_words() -> None:
    warnings = make_warnings()
    result = triage(on_day(2, scores={"pain": Severity.MILD}), None, warnings.model)
    words = card_words(result, warnings.text, VALUES)
    assert words.level is None and words.reasons == ()
    assert words.action == "Nothing needs a call. Ask Skin Clinic if unsure."


def test_no_answers_count_as_answers_but_point_nowhere() -> None:
    assert on_day(2, no=frozenset({"hot"})).answered
    assert not on_day(2, note="just a note").answered


def test_history_compares_each_day_with_the_last_day_that_had_an_answer() -> None:
    model = make_warnings().model
    history = [
        on_day(5, scores={"redness": Severity.MILD}),
        on_day(6, note="only a note"),
        on_day(7, scores={"redness": Severity.MODERATE}),
    ]
    levels = [result.level for _, result in triaged_history(list(reversed(history)), model)]
    assert levels == [None, None, Level.CALL_TODAY]  # day 7 is worse than day 5
    assert previous_answered(history, history[2]) == history[0]
    assert previous_answered(history, history[0]) is None


def test_the_shipped_pack_loads_whole_in_english() -> None:
    warnings = load_warnings(PACK, "en")
    assert warnings.problems == ()
    assert warnings.numbers["GB"] == "999"
    assert warnings.text.checkin_title
    assert set(warnings.text.questions) == {q.id for q in warnings.model.checkin.questions}


def test_missing_and_broken_files_are_named_and_nothing_raises(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "emergency_numbers.toml").write_text("regions = [", encoding="utf-8")
    (pack / "en" / "warning_signs.toml").unlink()
    warnings = load_warnings(pack, "en")
    found = {(p.file, p.field) for p in warnings.problems}
    assert ("emergency_numbers.toml", "(syntax)") in found
    assert ("en/warning_signs.toml", "(file)") in found
    assert warnings.model.signs  # what could be read is still there
