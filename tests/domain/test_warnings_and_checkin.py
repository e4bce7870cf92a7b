"""The three-level warning model and the daily check-in's triage, on a small test model (not the
shipped pack: changing a shipped sign or threshold must not break these)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.checkin import CheckIn, Severity, trend, triage
from app.domain.warnings import (
    LEVELS,
    Level,
    WarningModel,
    model_from_mapping,
    numbers_from_mapping,
    text_from_mapping,
)
from tests.checkin_model import MODEL_DATA, TEXT_DATA


@pytest.fixture
def model() -> WarningModel:
    loaded, problems = model_from_mapping(MODEL_DATA, "warning_signs.toml")
    assert problems == []
    return loaded


TREATED = date(2026, 3, 7)


def on_day(day: int, **kwargs: object) -> CheckIn:
    return CheckIn(TREATED + timedelta(days=day - 1), day, **kwargs)  # type: ignore[arg-type]


def test_every_level_comes_from_the_one_model(model: WarningModel) -> None:
    assert [s.id for s in model.signs_at(Level.EMERGENCY)] == ["cannot-breathe"]
    assert [s.id for s in model.signs_at(Level.CALL_TODAY)] == ["hot-skin"]
    assert [s.id for s in model.signs_at(Level.OFFICE_HOURS)] == ["patches"]
    assert model.sign("hot-skin").level is Level.CALL_TODAY
    assert LEVELS[0] is Level.EMERGENCY and Level.EMERGENCY.urgency < Level.OFFICE_HOURS.urgency


def test_nothing_answered_or_all_none_needs_no_call(model: WarningModel) -> None:
    assert triage(on_day(1), None, model).level is None
    calm = on_day(4, scores={"redness": Severity.NONE, "pain": Severity.MILD})
    assert triage(calm, None, model).level is None


@pytest.mark.parametrize("day", [1, 2, 3, 8, 15])
def test_a_severe_answer_on_any_day_means_call_today(model: WarningModel, day: int) -> None:
    result = triage(on_day(day, scores={"pain": Severity.SEVERE}), None, model)
    assert result.level is Level.CALL_TODAY
    assert ("severe", "pain") in [(r.kind, r.subject) for r in result.reasons]


def test_a_yes_leads_to_its_signs_level_and_the_most_urgent_wins(model: WarningModel) -> None:
    assert triage(on_day(2, yes=frozenset({"hot"})), None, model).level is Level.CALL_TODAY
    assert triage(on_day(2, yes=frozenset({"spots"})), None, model).level is Level.OFFICE_HOURS
    both = triage(on_day(2, yes=frozenset({"spots", "hot", "breath"})), None, model)
    assert both.level is Level.EMERGENCY
    assert [r.subject for r in both.reasons] == ["cannot-breathe", "hot-skin", "patches"]


def test_getting_worse_counts_only_after_the_first_days(model: WarningModel) -> None:
    mild = {"redness": Severity.MILD}
    moderate = {"redness": Severity.MODERATE}
    # Day 4 is within the test model's worse_after_day (4): rising redness then is expected.
    assert triage(on_day(4, scores=moderate), on_day(3, scores=mild), model).level is None
    worse = triage(on_day(5, scores=moderate), on_day(4, scores=mild), model)
    assert worse.level is Level.CALL_TODAY
    assert [(r.kind, r.subject) for r in worse.reasons] == [("worse", "redness")]
    # Same or better is not worse; an unanswered earlier score cannot be compared.
    assert triage(on_day(6, scores=mild), on_day(5, scores=moderate), model).level is None
    assert triage(on_day(6, scores=moderate), on_day(5), model).level is None


def test_redness_still_there_after_the_usual_course_means_office_hours(
    model: WarningModel,
) -> None:
    # The test model's lingering_after_day is 9.
    assert triage(on_day(9, scores={"redness": Severity.MILD}), None, model).level is None
    late = triage(on_day(10, scores={"redness": Severity.MILD}), None, model)
    assert late.level is Level.OFFICE_HOURS
    assert triage(on_day(10, scores={"redness": Severity.NONE}), None, model).level is None
    # Pain is not the lingering symptom.
    assert triage(on_day(12, scores={"pain": Severity.MILD}), None, model).level is None


def test_trend_lists_scores_oldest_first_with_gaps() -> None:
    history = [
        on_day(3, scores={"redness": Severity.MILD}),
        on_day(1, scores={"redness": Severity.MODERATE}),
        on_day(2),
    ]
    assert trend(history, "redness") == [Severity.MODERATE, None, Severity.MILD]


def test_text_covers_every_entry_of_the_model(model: WarningModel) -> None:
    text, problems = text_from_mapping(TEXT_DATA, "en/warning_signs.toml", model)
    assert problems == []
    assert text.levels[Level.CALL_TODAY].label == "Call today"
    assert text.sign_text("patches") == "Patches appear."
    assert text.emergency_number({"GB": "999"}, "gb") == "999"
    assert text.emergency_number({"GB": "999"}, "ZZ") == "the local emergency line"


def test_missing_and_extra_texts_are_reported_with_their_field(model: WarningModel) -> None:
    broken = dict(TEXT_DATA)
    broken["signs"] = {"cannot-breathe": "a", "hot-skin": "", "patches": 3, "typo": "x"}
    broken["levels"] = {"emergency": TEXT_DATA["levels"]["emergency"]}  # type: ignore[index]
    _, problems = text_from_mapping(broken, "en/warning_signs.toml", model)
    fields = {p.field for p in problems}
    assert {
        "signs.hot-skin",
        "signs.patches",
        "signs.typo",
        "levels.call_today",
        "levels.office_hours",
    } <= fields
    assert all(p.file == "en/warning_signs.toml" for p in problems)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"signs": [{"id": "x", "level": "soon"}]}, "signs[1].level"),
        ({"signs": [{"id": "Bad Id", "level": "emergency"}]}, "signs[1].id"),
        ({"signs": {}}, "signs"),
        ({"signs": [{"level": "emergency"}]}, "signs[1].id"),
        ({"signs": [{"id": "a", "level": "emergency", "sources": "S1"}]}, "signs[1].sources"),
    ],
)
def test_a_sign_missing_a_level_or_id_is_reported(change: dict[str, object], field: str) -> None:
    _, problems = model_from_mapping({**MODEL_DATA, **change}, "warning_signs.toml")
    assert field in {p.field for p in problems}


def test_a_level_with_no_sign_is_reported() -> None:
    signs = [s for s in MODEL_DATA["signs"] if s["level"] != "office_hours"]  # type: ignore[union-attr,index]
    _, problems = model_from_mapping({**MODEL_DATA, "signs": signs}, "warning_signs.toml")
    assert any("office_hours" in p.message for p in problems)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"questions": [{"id": "q", "sign": "nope"}]}, "checkin.questions[1].sign"),
        ({"severe_level": "later"}, "checkin.severe_level"),
        ({"worse_after_day": "3"}, "checkin.worse_after_day"),
        ({"worse_after_day": 0}, "checkin.worse_after_day"),
        ({"lingering_symptom": "itch"}, "checkin.lingering_symptom"),
        ({"symptoms": ["redness", "itch"]}, "checkin.symptoms[2]"),
        ({"extra": 1}, "checkin.extra"),
    ],
)
def test_a_broken_checkin_rule_is_reported_with_its_field(
    change: dict[str, object], field: str
) -> None:
    checkin = {**MODEL_DATA["checkin"], **change}  # type: ignore[dict-item]
    _, problems = model_from_mapping({**MODEL_DATA, "checkin": checkin}, "warning_signs.toml")
    assert field in {p.field for p in problems}


def test_emergency_numbers_are_checked_region_by_region() -> None:
    numbers, problems = numbers_from_mapping(
        {"regions": {"US": "911", "gb": "999", "NZ": 111, "AU": "000"}}, "emergency_numbers.toml"
    )
    assert numbers == {"US": "911", "AU": "000"}
    assert {p.field for p in problems} == {"regions.gb", "regions.NZ"}
