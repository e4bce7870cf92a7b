"""Loading protocol.toml and aftercare.toml: the shipped files (marked `shipped_content`: they
pin the shipped values on purpose), and how the loaders read and report on any file, shown on
the test protocol (tests/fixtures/protocol)."""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.domain.input_files import MAX_TOML_BYTES
from app.domain.protocol import (
    AfterHours,
    AtMilestone,
    Duration,
    EndOfDay,
    Problem,
    ProtocolError,
    aftercare_text_from_mapping,
    describe_duration,
    load_aftercare_text,
    load_protocol,
    overrides_from_mapping,
    protocol_from_mapping,
)
from tests.content.conftest import no_hang  # noqa: F401 (a fixture)
from tests.fixtures.testpack import PROTOCOL_FOLDER, SHIPPED_PACK

SHIPPED_PROTOCOL_FILE = SHIPPED_PACK / "protocol.toml"
SHIPPED_TEXT_FILE = SHIPPED_PACK / "en" / "aftercare.toml"
PROTOCOL_FILE = PROTOCOL_FOLDER / "protocol.toml"
TEXT_FILE = PROTOCOL_FOLDER / "en" / "aftercare.toml"
shipped_content = pytest.mark.shipped_content


def _raw(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _fields(error: ProtocolError) -> set[str]:
    return {problem.field for problem in error.problems}


@shipped_content
def test_shipped_protocol_loads_with_the_brief_defaults() -> None:
    protocol = load_protocol(SHIPPED_PROTOCOL_FILE)
    durations = {rule.id: rule.duration for rule in protocol.rules}
    assert durations == {
        "makeup": Duration(24, "hours"),
        "sweat": Duration(72, "hours"),
        "actives": Duration(7, "days"),
        "sun": Duration(14, "days"),
        "next_session": Duration(28, "days"),
    }
    assert protocol.rule("next_session").kind == "next_session"
    assert {rule.kind for rule in protocol.rules if rule.id != "next_session"} == {"ends"}
    assert protocol.source == str(SHIPPED_PROTOCOL_FILE)


@shipped_content
def test_shipped_rule_ids_match_the_prose_placeholders() -> None:
    # docs/content-format.md promises {{makeup}}, {{sweat}}, {{actives}}, {{sun}}, {{next_session}}.
    assert set(load_protocol(SHIPPED_PROTOCOL_FILE).rule_ids) == {
        "makeup",
        "sweat",
        "actives",
        "sun",
        "next_session",
    }


@shipped_content
def test_shipped_defaults_sit_inside_the_typical_clinic_range() -> None:
    for rule in load_protocol(SHIPPED_PROTOCOL_FILE).rules:
        assert rule.typical is not None, rule.id
        assert rule.typical.min <= rule.duration.amount <= rule.typical.max
        assert rule.typical.unit == rule.duration.unit


@shipped_content
def test_shipped_phases_run_from_first_hours_to_next_session() -> None:
    phases = load_protocol(SHIPPED_PROTOCOL_FILE).phases
    assert [(p.id, p.until) for p in phases] == [
        ("first-hours", AfterHours(6)),
        ("days-1-3", EndOfDay(3)),
        ("week-1", EndOfDay(7)),
        ("weeks-2-4", EndOfDay(28)),
        ("until-next-session", AtMilestone("next_session")),
    ]


@shipped_content
def test_shipped_english_text_loads_and_covers_the_protocol_exactly() -> None:
    protocol = load_protocol(SHIPPED_PROTOCOL_FILE)
    text = load_aftercare_text(SHIPPED_TEXT_FILE, protocol)
    assert text.rule("makeup").countdown == "Makeup OK"
    assert text.rule("makeup").milestone == "You can wear makeup again"
    assert {t.phase_id for t in text.phases} == {p.id for p in protocol.phases}
    assert all(t.normal for t in text.phases)
    assert [key for key, _ in text.checklist] == [c.id for c in protocol.checklist]


def test_detail_fills_in_the_rule_duration_in_words() -> None:
    protocol = load_protocol(PROTOCOL_FILE)
    text = load_aftercare_text(TEXT_FILE, protocol)
    makeup, sun = protocol.rule("makeup"), protocol.rule("sun")
    assert text.detail(makeup, "clinic") == "Test clinic: no makeup for 30 hours."
    assert text.detail(sun, "treatment") == "Test clinic: careful sun care for 10 days."
    # 35 days is a whole number of weeks, so it is said in weeks.
    assert text.detail(protocol.rule("next_session"), "clinic") == (
        "Test clinic: the next session comes about 5 weeks later."
    )
    # A value nobody set is the pack's default, in the default's own words.
    assert text.detail(makeup) == "Test default: many clinics say no makeup for 30 hours."
    assert text.detail(sun, None) == "Test default: many clinics say careful sun care for 10 days."


def test_broken_protocol_reports_every_problem_with_file_and_field() -> None:
    data = _raw(PROTOCOL_FILE)
    data["rules"]["makeup"]["amount"] = "24"  # a string, not a number
    data["rules"]["sweat"]["unit"] = "minutes"  # not a unit we know
    data["rules"]["actives"]["amout"] = 7  # a misspelt key
    del data["rules"]["sun"]["unit"]  # a missing key
    data["phases"][1]["until"] = {"hours": 6, "end_of_day": 3}  # two ends
    data["phases"][4]["until"] = {"rule": "next_sesion"}  # a typo in a reference
    data["checklist"][3]["while_in_force"] = "sunn"
    data["checklist"][1]["id"] = "gentle-wash"  # a duplicate id

    with pytest.raises(ProtocolError) as caught:
        protocol_from_mapping(data, "clinic/protocol.toml")

    problems = caught.value.problems
    assert {p.file for p in problems} == {"clinic/protocol.toml"}
    assert _fields(caught.value) == {
        "rules.makeup.amount",
        "rules.sweat.unit",
        "rules.actives.amout",
        "rules.sun.unit",
        "phases[2].until",
        "phases[5].until.rule",
        "checklist[4].while_in_force",
        "checklist[2].id",
    }
    by_field = {p.field: p.message for p in problems}
    assert by_field["rules.makeup.amount"] == "expected a whole number, got '24'"
    assert "'hours' or 'days'" in by_field["rules.sweat.unit"]
    assert "'minutes'" in by_field["rules.sweat.unit"]
    assert "missing" in by_field["rules.sun.unit"]
    assert "exactly one of" in by_field["phases[2].until"]
    assert "'next_sesion'" in by_field["phases[5].until.rule"]
    assert "duplicate" in by_field["checklist[2].id"]
    # The error's text names every problem, one per line, for a content author's terminal.
    assert str(caught.value).count("clinic/protocol.toml: ") == len(problems)


def test_protocol_problems_name_typical_range_and_ceiling() -> None:
    data = _raw(PROTOCOL_FILE)
    data["rules"]["makeup"]["amount"] = 200  # outside typical 12..72
    data["rules"]["sun"]["amount"] = 400  # more than a year of days
    data["rules"]["sun"].pop("typical")
    with pytest.raises(ProtocolError) as caught:
        protocol_from_mapping(data, "p.toml")
    messages = {p.field: p.message for p in caught.value.problems}
    assert "typical (12 to 72)" in messages["rules.makeup"]
    assert "at most 366 days" in messages["rules.sun"]


def test_protocol_top_level_mistakes_are_reported() -> None:
    with pytest.raises(ProtocolError) as caught:
        protocol_from_mapping({"format": 2, "rules": [], "phase": []}, "p.toml")
    assert _fields(caught.value) == {"format", "rules", "phase", "phases"}


def test_checklist_item_with_once_ended_needs_a_day_range() -> None:
    data = _raw(PROTOCOL_FILE)
    data["checklist"] = [{"id": "clean-brushes", "once_ended": "makeup"}]
    with pytest.raises(ProtocolError, match=r"checklist\[1\]: expected days together"):
        protocol_from_mapping(data, "p.toml")


def test_broken_aftercare_text_reports_every_problem_with_file_and_field() -> None:
    protocol = load_protocol(PROTOCOL_FILE)
    data = _raw(TEXT_FILE)
    del data["units"]["weeks"]
    data["rules"]["makeup"]["countdown"] = "   "
    data["rules"]["sun"]["detail"] = "Stay out of the sun for {{days}}."
    del data["rules"]["sweat"]["detail_default"]  # the default's wording is required
    data["rules"]["actives"]["detail_default"] = data["rules"]["actives"]["detail"]  # the same
    data["rules"]["next_session"]["detail_default"] = "Back in {{weeks}}."
    data["phases"]["first-week"]["normal"] = []
    del data["phases"]["settling"]
    data["checklist"]["no-makeup"] = 3
    data["checklist"]["no-smoking"] = "Don't smoke."

    with pytest.raises(ProtocolError) as caught:
        aftercare_text_from_mapping(data, "en/aftercare.toml", protocol)

    assert {p.file for p in caught.value.problems} == {"en/aftercare.toml"}
    assert _fields(caught.value) == {
        "units.weeks",
        "rules.makeup.countdown",
        "rules.sun.detail",
        "rules.sweat.detail_default",
        "rules.actives.detail_default",
        "rules.next_session.detail_default",
        "phases.first-week.normal",
        "phases.settling",
        "checklist.no-makeup",
        "checklist.no-smoking",
    }


def test_unreadable_toml_is_a_protocol_error_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "protocol.toml"
    broken.write_text("format = \n", encoding="utf-8")
    with pytest.raises(ProtocolError) as caught:
        load_protocol(broken)
    assert caught.value.problems[0].file == str(broken)
    with pytest.raises(ProtocolError, match="cannot read"):
        load_protocol(tmp_path / "missing.toml")


@pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
def test_only_the_whole_number_1_is_format_1(version: str) -> None:
    data = {**_raw(PROTOCOL_FILE), "format": tomllib.loads(f"v = {version}")["v"]}
    with pytest.raises(ProtocolError) as caught:
        protocol_from_mapping(data, "p.toml")
    assert _fields(caught.value) == {"format"}


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and links as on POSIX")
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_or_a_link_as_the_protocol_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo, link = tmp_path / "fifo.toml", tmp_path / "link.toml"
    os.mkfifo(fifo)
    link.symlink_to(PROTOCOL_FILE)
    with pytest.raises(ProtocolError, match=r"is a named pipe \(FIFO\)"):
        load_protocol(fifo)
    with pytest.raises(ProtocolError, match="is a symbolic link") as caught:
        load_protocol(link)
    assert caught.value.problems[0].unsafe


def test_a_protocol_over_its_cap_or_with_a_huge_number_is_one_problem(tmp_path: Path) -> None:
    big, huge = tmp_path / "big.toml", tmp_path / "huge.toml"
    big.write_text("#\n" * (MAX_TOML_BYTES // 2 + 1), encoding="utf-8")
    huge.write_text("format = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ProtocolError, match="the limit for a TOML file is 256 KiB"):
        load_protocol(big)
    with pytest.raises(ProtocolError) as caught:
        load_protocol(huge)
    assert [p.field for p in caught.value.problems] == ["(syntax)"]


def test_override_with_unknown_rule_id_fails_and_names_it() -> None:
    protocol = load_protocol(PROTOCOL_FILE)
    with pytest.raises(ProtocolError) as caught:
        protocol.with_overrides(
            {
                "makeup": Duration(48, "hours"),
                "make_up": Duration(12, "hours"),
                "tan": Duration(1, "days"),
            },
            source="clinic.toml",
        )
    assert caught.value.problems == (
        Problem("clinic.toml", "make_up", caught.value.problems[0].message),
        Problem("clinic.toml", "tan", caught.value.problems[1].message),
    )
    assert "makeup, sweat, actives, sun, next_session" in caught.value.problems[0].message


def test_clinic_then_treatment_overrides_apply_in_order() -> None:
    protocol = load_protocol(PROTOCOL_FILE)
    clinic = protocol.with_overrides({"makeup": Duration(48, "hours"), "sun": Duration(28, "days")})
    treatment = clinic.with_overrides({"makeup": Duration(1, "days")})
    assert treatment.rule("makeup").duration == Duration(1, "days")
    assert treatment.rule("sun").duration == Duration(28, "days")
    assert protocol.rule("makeup").duration == Duration(30, "hours")  # the original is untouched


def test_overrides_from_mapping_parses_and_reports_all_bad_entries() -> None:
    parsed = overrides_from_mapping({"makeup": {"amount": 48, "unit": "hours"}}, "clinic.toml")
    assert parsed == {"makeup": Duration(48, "hours")}
    with pytest.raises(ProtocolError) as caught:
        overrides_from_mapping(
            {"makeup": {"amount": 0, "unit": "hours"}, "sun": {"amount": 2, "unit": "weeks"}},
            "clinic.toml",
            ("timings",),
        )
    assert _fields(caught.value) == {"timings.makeup.amount", "timings.sun.unit"}


@pytest.mark.parametrize("amount", [0, -3, True])
def test_duration_refuses_non_positive_or_non_integer_amounts(amount: int) -> None:
    with pytest.raises(ValueError):
        Duration(amount, "hours")


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (Duration(24, "hours"), "24 hours"),
        (Duration(1, "hours"), "1 hour"),
        (Duration(1, "days"), "1 day"),
        (Duration(7, "days"), "7 days"),
        (Duration(10, "days"), "10 days"),
        (Duration(14, "days"), "2 weeks"),
        (Duration(28, "days"), "4 weeks"),
        (Duration(30, "days"), "30 days"),
        (Duration(72, "hours"), "72 hours"),
    ],
)
def test_describe_duration_uses_the_language_unit_words(duration: Duration, words: str) -> None:
    text = load_aftercare_text(TEXT_FILE)
    assert describe_duration(duration, text.units) == words


def test_text_loader_does_not_mutate_the_callers_mapping() -> None:
    # The loaders must not keep or mutate the caller's mapping.
    data = _raw(TEXT_FILE)
    snapshot = copy.deepcopy(data)
    aftercare_text_from_mapping(data, "en/aftercare.toml")
    assert data == snapshot
