"""The clinic config: the shipped example, every kind of mistake, the logo and accent colour
checks, protocol overrides, and where the file is looked for on each OS."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import clinic_location
from app.domain.clinic import (
    ClinicConfig,
    clinic_config_from_mapping,
    load_clinic_config,
)
from app.domain.clinic_location import default_clinic_config_path, find_clinic_config
from app.domain.contrast import contrast_ratio
from app.domain.protocol import Duration, Problem, load_protocol
from tests.content.conftest import no_hang  # noqa: F401 (a fixture)
from tests.fixtures.testpack import PROTOCOL, SHIPPED_PACK

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "resources" / "clinic.example.toml"
RULE_IDS = PROTOCOL.rule_ids
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _write(folder: Path, text: str, name: str = "clinic.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(folder: Path, text: str) -> tuple[ClinicConfig, list[Problem]]:
    return load_clinic_config(_write(folder, text), RULE_IDS)


def _by_field(problems: list[Problem]) -> dict[str, str]:
    fields = [problem.field for problem in problems]
    assert len(fields) == len(set(fields)), problems
    return {problem.field: problem.message for problem in problems}


# --- the shipped example ---------------------------------------------------------------------


def test_example_file_loads_with_no_problems() -> None:
    config, problems = load_clinic_config(EXAMPLE, RULE_IDS)
    assert problems == []
    assert config.name == "Riverside Skin Clinic"
    assert config.phone == "+1 555 0100" and config.after_hours_phone == "+1 555 0199"
    assert config.logo == (REPO / "resources" / "icons" / "app.svg").resolve()
    assert config.accent_colour == "#0B6E74"
    assert dict(config.protocol_overrides) == {
        "makeup": Duration(48, "hours"),
        "sun": Duration(28, "days"),
    }
    assert (config.kiosk_enabled, config.kiosk_idle_seconds) == (False, 90)
    assert config.kiosk_still_there_seconds == 20
    assert config.source == EXAMPLE


@pytest.mark.shipped_content
def test_example_file_comments_give_the_shipped_protocol_defaults() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for rule in load_protocol(SHIPPED_PACK / "protocol.toml").rules:
        amount, unit = rule.duration.amount, rule.duration.unit
        line = f"default: {rule.id} = {{ amount = {amount}, unit = {unit!r} }}".replace("'", '"')
        assert line in text, f"the example's comment for {rule.id} is out of date"


def test_no_config_is_the_empty_config() -> None:
    empty = ClinicConfig.empty()
    assert (empty.name, empty.phone, empty.logo, empty.accent_colour, empty.source) == (None,) * 5
    assert dict(empty.protocol_overrides) == {}
    assert (empty.kiosk_enabled, empty.kiosk_idle_seconds) == (False, 90)


def test_empty_file_gives_the_defaults_and_no_problems(tmp_path: Path) -> None:
    config, problems = _load(tmp_path, "")
    assert problems == []
    assert config == ClinicConfig(source=tmp_path / "clinic.toml")


# --- many mistakes at once ---------------------------------------------------------------------


def test_several_mistakes_are_all_reported_with_file_and_field_and_good_values_kept(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        """
format = 1
colour = "#000000"
[clinic]
name = "Riverside Skin Clinic"
phone = "555-CALL-NOW"
after_hours_phone = "+1 555 0199"
accent_color = "#0B6E74"
[protocol]
makeup = { amount = "48", unit = "hours" }
sun = { amount = 28, unit = "days" }
sweat = { amount = 3, unit = "weeks" }
[kiosk]
enabled = "yes"
idle_seconds = 120
""",
    )
    config, problems = load_clinic_config(path, RULE_IDS)
    assert {problem.file for problem in problems} == {str(path)}
    messages = _by_field(problems)
    assert set(messages) == {
        "colour",
        "clinic.phone",
        "clinic.accent_color",
        "protocol.makeup.amount",
        "protocol.sweat.unit",
        "kiosk.enabled",
    }
    assert "'555-CALL-NOW'" in messages["clinic.phone"]
    assert "did you mean 'accent_colour'" in messages["clinic.accent_color"]
    assert "expected a whole number, got '48'" in messages["protocol.makeup.amount"]
    assert "'weeks'" in messages["protocol.sweat.unit"]
    assert messages["kiosk.enabled"] == "expected true or false, got 'yes'"
    # The good values around the mistakes are all kept; the bad ones fall back to defaults.
    assert config.name == "Riverside Skin Clinic"
    assert config.phone is None and config.after_hours_phone == "+1 555 0199"
    assert config.accent_colour is None
    assert dict(config.protocol_overrides) == {"sun": Duration(28, "days")}
    assert (config.kiosk_enabled, config.kiosk_idle_seconds) == (False, 120)


def test_problems_read_as_file_field_message(tmp_path: Path) -> None:
    path = _write(tmp_path, '[clinic]\nname = ""\n')
    _, problems = load_clinic_config(path, RULE_IDS)
    assert [str(p) for p in problems] == [
        f"{path}: clinic.name: expected the clinic's name, got an empty string"
    ]


def test_a_key_in_the_wrong_table_is_told_where_it_belongs(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, 'name = "Riverside"\n[clinic]\nidle_seconds = 60\n')
    messages = _by_field(problems)
    assert "belongs in the [clinic] table" in messages["name"]
    assert "belongs in the [kiosk] table" in messages["clinic.idle_seconds"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('clinic = "Riverside"', "clinic"),
        ("protocol = 48", "protocol"),
        ("format = 2", "format"),
        ("format = true", "format"),
    ],
)
def test_wrong_shapes_at_the_top_level_are_reported(tmp_path: Path, text: str, field: str) -> None:
    config, problems = _load(tmp_path, text + "\n")
    assert [problem.field for problem in problems] == [field]
    assert config.name is None


@pytest.mark.parametrize(
    "phone", ["+1 555 0100", "(02) 9876-5432", "0044 20 7946 0000", " 555 0100 "]
)
def test_phone_numbers_in_the_usual_forms_are_accepted(tmp_path: Path, phone: str) -> None:
    config, problems = _load(tmp_path, f'[clinic]\nphone = "{phone}"\n')
    assert problems == [] and config.phone == phone.strip()


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("", "expected a phone number, got an empty string"),
        ("+1 555 0100 ext. 5", "expected digits, spaces and + - ( ) only"),
        ("+-()", "expected digits, spaces and + - ( ) only"),
        ("1" * 31, "expected at most 30 characters, got 31"),
    ],
)
def test_bad_phone_numbers_are_refused(tmp_path: Path, phone: str, expected: str) -> None:
    config, problems = _load(tmp_path, f'[clinic]\nafter_hours_phone = "{phone}"\n')
    assert expected in _by_field(problems)["clinic.after_hours_phone"]
    assert config.after_hours_phone is None


def test_a_name_over_80_characters_or_on_two_lines_is_refused(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, f'[clinic]\nname = "{"x" * 81}"\n')
    assert _by_field(problems) == {"clinic.name": "expected at most 80 characters, got 81"}
    _, problems = _load(tmp_path, '[clinic]\nname = "Riverside\\nSkin"\n')
    assert "expected one line of text" in _by_field(problems)["clinic.name"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19", "expected a number of seconds from 20 to 3600, got 19"),
        ("3601", "expected a number of seconds from 20 to 3600, got 3601"),
        ('"90"', "expected a whole number, got '90'"),
        ("90.0", "expected a whole number, got 90.0"),
    ],
)
def test_kiosk_idle_seconds_must_be_a_whole_number_from_20_to_3600(
    tmp_path: Path, value: str, expected: str
) -> None:
    config, problems = _load(tmp_path, f"[kiosk]\nenabled = true\nidle_seconds = {value}\n")
    assert _by_field(problems) == {"kiosk.idle_seconds": expected}
    assert (config.kiosk_enabled, config.kiosk_idle_seconds) == (True, 90)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19", "expected a number of seconds from 20 to 120, got 19"),
        ("121", "expected a number of seconds from 20 to 120, got 121"),
        ('"30"', "expected a whole number, got '30'"),
    ],
)
def test_kiosk_still_there_seconds_must_be_a_whole_number_from_20_to_120(
    tmp_path: Path, value: str, expected: str
) -> None:
    config, problems = _load(tmp_path, f"[kiosk]\nstill_there_seconds = {value}\n")
    assert _by_field(problems) == {"kiosk.still_there_seconds": expected}
    assert config.kiosk_still_there_seconds == 20


def test_kiosk_still_there_seconds_is_read(tmp_path: Path) -> None:
    config, problems = _load(tmp_path, "[kiosk]\nstill_there_seconds = 120\n")
    assert problems == []
    assert config.kiosk_still_there_seconds == 120


# --- files that cannot be read ---------------------------------------------------------------


def test_missing_file_is_one_not_found_problem(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "clinic.toml"
    config, problems = load_clinic_config(path, RULE_IDS)
    assert problems == [Problem(str(path), "(file)", "not found")]
    assert config == ClinicConfig.empty()


def test_a_folder_instead_of_a_file_is_one_problem(tmp_path: Path) -> None:
    config, problems = load_clinic_config(tmp_path, RULE_IDS)
    assert [p.message for p in problems] == ["is a folder; expected a file"]
    assert config == ClinicConfig.empty()


def test_binary_garbage_is_one_problem_with_the_line_number(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(b'[clinic]\nname = "ok"\n\xff\xfe\x00\x89PNG garbage\n')
    config, problems = load_clinic_config(path, RULE_IDS)
    assert len(problems) == 1 and problems[0].field == "(syntax)"
    assert "at line 3" in problems[0].message
    assert config == ClinicConfig.empty()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[clinic]\nname = "Riverside Skin', 2),  # cut off in a string, at the end of the file
        ('[clinic]\nname = "Riverside"\n[protocol]\nmakeup = { amount = 48, unit =', 4),
        ('[clinic\nname = "Riverside"\n', 1),
        ('[clinic]\nname = "A"\nname = "B"\n', 3),
    ],
)
def test_damaged_toml_is_one_problem_with_the_line_number(
    tmp_path: Path, text: str, line: int
) -> None:
    config, problems = _load(tmp_path, text)
    assert len(problems) == 1 and problems[0].field == "(syntax)"
    assert problems[0].message.startswith("not valid TOML: ")
    assert re.search(rf"\bline {line}\b", problems[0].message), problems[0].message
    assert config == ClinicConfig.empty()


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(b'\xef\xbb\xbf[clinic]\r\nname = "Riverside"\r\n')
    config, problems = load_clinic_config(path, RULE_IDS)
    assert problems == [] and config.name == "Riverside"


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_at_all_give_a_config_and_never_raise(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "clinic.toml"
    path.write_bytes(raw)
    config, problems = load_clinic_config(path, RULE_IDS)
    assert isinstance(config, ClinicConfig)
    assert all(problem.file == str(path) for problem in problems)


_toml_values = st.recursive(
    st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40) | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["amount", "unit", "name", "x"]), inner, max_size=3)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(
    [
        "format",
        "clinic",
        "protocol",
        "kiosk",
        "name",
        "phone",
        "after_hours_phone",
        "logo",
        "accent_colour",
        "makeup",
        "sun",
        "enabled",
        "idle_seconds",
        "other",
    ]
)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(_keys, _toml_values | st.dictionaries(_keys, _toml_values)))
def test_any_parsed_structure_gives_a_config_and_never_raises(data: dict[str, object]) -> None:
    config, problems = clinic_config_from_mapping(data, Path("/nowhere/clinic.toml"), RULE_IDS)
    assert isinstance(config, ClinicConfig)
    assert all(problem.file == "/nowhere/clinic.toml" for problem in problems)
    assert set(config.protocol_overrides) <= set(RULE_IDS)


def test_arrays_nested_too_deeply_are_one_problem(tmp_path: Path) -> None:
    config, problems = _load(tmp_path, "[kiosk]\nidle_seconds = " + "[" * 5000 + "\n")
    assert [(p.field, p.message) for p in problems] == [
        ("(syntax)", "not valid TOML: arrays nested too deeply")
    ]
    assert config == ClinicConfig.empty()


def test_a_file_over_1_mb_is_refused_unread(tmp_path: Path) -> None:
    config, problems = _load(tmp_path, "# padding\n" * 110_000)
    assert [p.message for p in problems] == ["is 1.05 MiB; the limit for a clinic config is 1 MiB"]
    assert config == ClinicConfig.empty()


# --- accent colour -----------------------------------------------------------------------------


@pytest.mark.parametrize("colour", ["#7FD1D6", "#FFB000", "#777777", "#FFFFFF"])
def test_accent_colour_failing_contrast_is_refused_with_the_measured_ratio(
    tmp_path: Path, colour: str
) -> None:
    config, problems = _load(tmp_path, f'[clinic]\naccent_colour = "{colour}"\n')
    message = _by_field(problems)["clinic.accent_colour"]
    measured = contrast_ratio("#FFFFFF", colour)
    assert f"measures {int(measured * 100) / 100:.2f}:1" in message
    assert "expected at least 4.5:1" in message
    assert config.accent_colour is None


def test_a_ratio_just_short_of_the_line_never_reads_as_passing(tmp_path: Path) -> None:
    # #777777 measures 4.478:1: shown rounded down as 4.47, not up to a passing-looking 4.48/4.5.
    _, problems = _load(tmp_path, '[clinic]\naccent_colour = "#777777"\n')
    assert "measures 4.47:1" in problems[0].message
    assert "3:1" not in problems[0].message  # only the check that failed is named


@pytest.mark.parametrize("colour", ["#0B6E74", "#0b6e74", "#1A237E", "#767676", "#000000"])
def test_accent_colour_passing_contrast_is_accepted(tmp_path: Path, colour: str) -> None:
    config, problems = _load(tmp_path, f'[clinic]\naccent_colour = "{colour}"\n')
    assert problems == []
    assert config.accent_colour == colour.upper()


@pytest.mark.parametrize("value", ['"teal"', '"#0B6E7"', '"0B6E74"', '"#0B6E74FF"', "0x0B6E74"])
def test_accent_colour_that_is_not_a_hex_colour_is_refused(tmp_path: Path, value: str) -> None:
    config, problems = _load(tmp_path, f"[clinic]\naccent_colour = {value}\n")
    assert "clinic.accent_colour" in _by_field(problems)
    assert config.accent_colour is None


# --- logo --------------------------------------------------------------------------------------


def test_logo_next_to_the_config_or_in_a_subfolder_is_resolved(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(PNG)
    (tmp_path / "logo.svg").write_bytes(SVG)
    for text, expected in [("logo.svg", "logo.svg"), ("images\\\\logo.png", "images/logo.png")]:
        config, problems = _load(tmp_path, f'[clinic]\nlogo = "{text}"\n')
        assert problems == []
        assert config.logo == (tmp_path / expected).resolve()


@pytest.mark.parametrize(
    ("logo", "expected"),
    [
        ("https://example.com/logo.svg", "not a web address"),
        ("file:///etc/logo.svg", "not a web address"),
        ("data:image/png;base64,iVBORw0KGgo=", "not a web address"),
        ("/etc/logo.svg", "relative to this file's folder"),
        ("C:\\\\Logos\\\\logo.png", "relative to this file's folder"),
        ("\\\\\\\\server\\\\share\\\\logo.png", "relative to this file's folder"),
        ("../logo.svg", "in this file's folder or a folder inside it"),
        ("images/../../logo.svg", "in this file's folder or a folder inside it"),
        ("logo.jpg", "expected an .svg or .png file"),
        ("missing.svg", "found nothing"),
        ("folder.svg", "found a folder"),
        ("fake.png", "expected a PNG image"),
        ("fake.svg", "expected an SVG drawing"),
        ("", "expected some text"),
    ],
)
def test_logo_that_escapes_is_missing_or_is_not_an_image_is_reported(
    tmp_path: Path, logo: str, expected: str
) -> None:
    (tmp_path / "folder.svg").mkdir()
    (tmp_path / "fake.png").write_bytes(SVG)
    (tmp_path / "fake.svg").write_bytes(PNG)
    (tmp_path.parent / "logo.svg").write_bytes(SVG)  # exists, but outside the config's folder
    config, problems = _load(tmp_path, f'[clinic]\nname = "Riverside"\nlogo = "{logo}"\n')
    assert expected in _by_field(problems)["clinic.logo"]
    assert config.logo is None and config.name == "Riverside"


# --- protocol overrides ------------------------------------------------------------------------


def test_unknown_override_id_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    config, problems = _load(
        tmp_path,
        '[protocol]\nmake_up = { amount = 48, unit = "hours" }\n'
        'peel = { amount = 2, unit = "days" }\nsun = { amount = 21, unit = "days" }\n',
    )
    messages = _by_field(problems)
    assert set(messages) == {"protocol.make_up", "protocol.peel"}
    assert "did you mean 'makeup'?" in messages["protocol.make_up"]
    assert "expected one of: makeup, sweat, actives, sun, next_session" in messages["protocol.peel"]
    assert dict(config.protocol_overrides) == {"sun": Duration(21, "days")}


@pytest.mark.parametrize(
    ("value", "field", "expected"),
    [
        ("48", "protocol.makeup", "expected a table, got 48"),
        ("{ amount = 48 }", "protocol.makeup.unit", "required field is missing"),
        ('{ amount = 0, unit = "hours" }', "protocol.makeup.amount", "greater than or equal to 1"),
        ('{ amount = 400, unit = "days" }', "protocol.makeup", "expected at most 366 days"),
        ('{ amount = 48, unit = "hours", kind = "ends" }', "protocol.makeup.kind", "unknown"),
    ],
)
def test_bad_override_values_are_reported_by_field(
    tmp_path: Path, value: str, field: str, expected: str
) -> None:
    config, problems = _load(tmp_path, f"[protocol]\nmakeup = {value}\n")
    assert expected in _by_field(problems)[field]
    assert dict(config.protocol_overrides) == {}


def test_overrides_applied_to_the_protocol_give_the_clinic_durations(tmp_path: Path) -> None:
    config, problems = _load(
        tmp_path,
        '[protocol]\nmakeup = { amount = 2, unit = "days" }\n'
        'next_session = { amount = 42, unit = "days" }\n',
    )
    assert problems == []
    protocol = PROTOCOL.with_overrides(config.protocol_overrides, source=str(config.source))
    durations = {rule.id: rule.duration for rule in protocol.rules}
    assert durations == {
        "makeup": Duration(2, "days"),
        "sweat": Duration(60, "hours"),  # the test protocol's own, not overridden
        "actives": Duration(5, "days"),
        "sun": Duration(10, "days"),
        "next_session": Duration(42, "days"),
    }


def test_overrides_cannot_be_changed_after_loading(tmp_path: Path) -> None:
    config, _ = _load(tmp_path, '[protocol]\nsun = { amount = 21, unit = "days" }\n')
    with pytest.raises(TypeError):
        config.protocol_overrides["sun"] = Duration(1, "days")  # type: ignore[index]


# --- where the file is looked for --------------------------------------------------------------


def test_default_path_on_linux_follows_xdg_config_home() -> None:
    home = Path("/home/staff")
    env = {"XDG_CONFIG_HOME": "/srv/config"}
    assert default_clinic_config_path("linux", env, home) == Path(
        "/srv/config/microneedling-companion/clinic.toml"
    )
    expected = home / ".config" / "microneedling-companion" / "clinic.toml"
    for env in ({}, {"XDG_CONFIG_HOME": ""}, {"XDG_CONFIG_HOME": "relative/dir"}):
        assert default_clinic_config_path("Linux", env, home) == expected


def test_default_path_on_macos_is_in_application_support() -> None:
    home = Path("/Users/staff")
    for system in ("darwin", "Darwin"):
        assert default_clinic_config_path(system, {"XDG_CONFIG_HOME": "/x"}, home) == (
            home / "Library" / "Application Support" / "Microneedling Companion" / "clinic.toml"
        )


def test_default_path_on_windows_is_the_machine_wide_program_data() -> None:
    home = Path("/ignored")
    env = {"ProgramData": "D:\\ProgramData", "APPDATA": "C:\\Users\\staff\\AppData\\Roaming"}
    path = default_clinic_config_path("win32", env, home)
    assert str(path) == "D:\\ProgramData\\Microneedling Companion\\clinic.toml"
    path = default_clinic_config_path("Windows", {}, home)
    assert str(path) == "C:\\ProgramData\\Microneedling Companion\\clinic.toml"


def test_find_uses_the_explicit_path_even_when_it_is_missing(tmp_path: Path) -> None:
    explicit = tmp_path / "missing.toml"
    assert find_clinic_config(explicit) == explicit
    _, problems = load_clinic_config(explicit, RULE_IDS)
    assert [p.message for p in problems] == ["not found"]


def test_find_uses_the_default_path_only_when_a_file_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "clinic.toml"
    monkeypatch.setattr(clinic_location, "default_clinic_config_path", lambda *_: default)
    assert find_clinic_config(None) is None
    default.write_text("format = 1\n", encoding="utf-8")
    assert find_clinic_config(None) == default


# --- kiosk PIN and motion ----------------------------------------------------------------------


def test_a_pin_hash_and_reduced_motion_are_read(tmp_path: Path) -> None:
    from app.domain.kiosk_pin import hash_pin

    stored = hash_pin("8080")
    config, problems = _load(
        tmp_path, f'[kiosk]\nenabled = true\npin_hash = "{stored}"\nreduce_motion = true\n'
    )
    assert problems == []
    assert config.kiosk_pin is not None and config.kiosk_pin.matches("8080")
    assert config.kiosk_reduce_motion is True


def test_a_damaged_pin_hash_is_told_and_leaves_the_kiosk_locked(tmp_path: Path) -> None:
    config, problems = _load(
        tmp_path, '[kiosk]\npin_hash = "1234"\nreduce_motion = "yes"\nidle_seconds = 30\n'
    )
    messages = _by_field(problems)
    assert "set-kiosk-pin" in messages["kiosk.pin_hash"]
    assert "expected true or false" in messages["kiosk.reduce_motion"]
    assert config.kiosk_pin is None  # no PIN: the kiosk cannot be left from the screen
    assert config.kiosk_idle_seconds == 30  # the good value next to the bad ones is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[kiosk]\nenabled = true\n", True),
        ("[kiosk]\nenabled = false\n", False),
        ('[kiosk]\nenabled = "true"\n', False),  # the full load reports it; no kiosk by guess
        ("[clinic]\n", False),
        ("[kiosk\nenabled = true\n", False),  # not TOML
        ("", False),
    ],
)
def test_the_quick_look_finds_kiosk_enabled_only_when_it_is_really_true(
    tmp_path: Path, text: str, expected: bool
) -> None:
    from app.domain.clinic_location import kiosk_enabled_in

    assert kiosk_enabled_in(_write(tmp_path, text)) is expected
    assert kiosk_enabled_in(tmp_path / "missing.toml") is False


def test_kiosk_enabled_in_the_clinic_config_starts_the_kiosk(tmp_path: Path) -> None:
    from app.ui.application import GuiOptions, kiosk_requested

    on = _write(tmp_path, "[kiosk]\nenabled = true\n", "on.toml")
    off = _write(tmp_path, "[kiosk]\nenabled = false\n", "off.toml")
    assert kiosk_requested(GuiOptions(clinic_config=str(on)))
    assert not kiosk_requested(GuiOptions(clinic_config=str(off)))
    assert kiosk_requested(GuiOptions(clinic_config=str(off), kiosk=True))


# --- files that are not plain files, links, and what the logo may name -------------------------

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev and links as on POSIX")


@posix_only
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_as_the_clinic_config_is_one_problem_and_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "clinic.toml"
    os.mkfifo(fifo)

    config, problems = load_clinic_config(fifo, RULE_IDS)

    assert problems == [
        Problem(str(fifo), "(file)", "is a named pipe (FIFO); expected a regular file")
    ]
    assert config == ClinicConfig.empty()


@posix_only
@pytest.mark.usefixtures("no_hang")
def test_dev_zero_as_the_clinic_config_is_one_problem(tmp_path: Path) -> None:
    config, problems = load_clinic_config(Path("/dev/zero"), RULE_IDS)

    assert [(p.field, p.message) for p in problems] == [
        ("(file)", "is a device; expected a regular file")
    ]
    assert config == ClinicConfig.empty()


@posix_only
@pytest.mark.usefixtures("no_hang")
def test_the_quick_look_for_the_kiosk_never_blocks_on_a_fifo_or_a_device(tmp_path: Path) -> None:
    from app.domain.clinic_location import kiosk_enabled_in
    from app.ui.application import GuiOptions, kiosk_requested

    fifo = tmp_path / "clinic.toml"
    os.mkfifo(fifo)

    assert kiosk_enabled_in(fifo) is False
    assert kiosk_enabled_in(Path("/dev/zero")) is False
    assert not kiosk_requested(GuiOptions(clinic_config=str(fifo)))


@posix_only
def test_a_clinic_config_placed_as_a_link_is_followed(tmp_path: Path) -> None:
    (tmp_path / "managed").mkdir()
    real = _write(tmp_path / "managed", '[clinic]\nname = "Riverside"\n')
    link = tmp_path / "clinic.toml"
    link.symlink_to(real)

    config, problems = load_clinic_config(link, RULE_IDS)

    assert (config.name, problems) == ("Riverside", [])


@posix_only
@pytest.mark.parametrize("logo", ["logo.svg", "images/logo.svg"])
def test_a_logo_that_is_a_link_or_lies_behind_one_is_refused(tmp_path: Path, logo: str) -> None:
    folder, elsewhere = tmp_path / "config", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (elsewhere / "logo.svg").write_bytes(SVG)
    (folder / "logo.svg").symlink_to(elsewhere / "logo.svg")
    (folder / "images").symlink_to(elsewhere)

    config, problems = _load(folder, f'[clinic]\nlogo = "{logo}"\n')

    assert "is a symbolic link" in _by_field(problems)["clinic.logo"]
    assert config.logo is None


@posix_only
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_as_the_logo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "logo.png")

    config, problems = _load(tmp_path, '[clinic]\nlogo = "logo.png"\n')

    assert "is a named pipe (FIFO)" in _by_field(problems)["clinic.logo"]
    assert config.logo is None


def test_an_svg_logo_that_names_another_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd.png"/></svg>'
    )

    config, problems = _load(tmp_path, '[clinic]\nlogo = "logo.svg"\n')

    assert "refers to outside files" in _by_field(problems)["clinic.logo"]
    assert config.logo is None


@pytest.mark.parametrize("name", ['<img src="/etc/passwd">', "Riverside </b>", "<b>Riverside"])
def test_a_clinic_name_with_a_tag_is_refused(tmp_path: Path, name: str) -> None:
    # Qt labels draw text with a tag as HTML, and load the file an <img> names.
    config, problems = _load(tmp_path, f"[clinic]\nname = '{name}'\n")

    assert "expected plain text" in _by_field(problems)["clinic.name"]
    assert config.name is None


def test_a_number_of_thousands_of_digits_is_one_syntax_problem(tmp_path: Path) -> None:
    config, problems = _load(tmp_path, "[kiosk]\nidle_seconds = " + "9" * 5000 + "\n")

    assert [p.field for p in problems] == ["(syntax)"]
    assert config == ClinicConfig.empty()
