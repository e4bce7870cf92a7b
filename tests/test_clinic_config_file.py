"""app.clinic_config_file: the clinic config edited in place with tomlkit, checked by the
loader's rules, written atomically and owner-only."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tomllib
from pathlib import Path

import pytest

from app.clinic_config_file import ClinicConfigFile, ConfigEditError, ConfigRefused
from tests.conftest import REPO

EXAMPLE = REPO / "resources" / "clinic.example.toml"
TAIL = "without makeup"
RULES = ("makeup", "sweat", "actives", "sun", "next_session")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    config = tmp_path / "clinic.toml"
    shutil.copyfile(EXAMPLE, config)
    (tmp_path / "icons").mkdir()
    shutil.copyfile(REPO / "resources" / "icons" / "app.svg", tmp_path / "icons" / "app.svg")
    return config


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_saving_without_a_change_leaves_the_file_byte_identical(example: Path) -> None:
    before = example.read_bytes()
    os.utime(example, (0, 0))
    ClinicConfigFile.open(example).save(RULES)
    assert example.read_bytes() == before
    assert example.stat().st_mtime == 0  # not even rewritten


def test_a_changed_value_changes_only_its_own_text_and_keeps_the_comment_column(
    example: Path,
) -> None:
    config = ClinicConfigFile.open(example)
    config.set("clinic", "name", "Hill Clinic")
    config.set("protocol", "makeup", {"amount": 36, "unit": "hours"})
    config.save(RULES)
    changed = _changed_lines(EXAMPLE.read_text(encoding="utf-8"), example.read_text("utf-8"))
    assert changed == [
        (
            'name = "Riverside Skin Clinic"        # at most 80 characters',
            'name = "Hill Clinic"                  # at most 80 characters',
        ),
        (
            'makeup = { amount = 48, unit = "hours" }      # this clinic asks for 2 days ' + TAIL,
            'makeup = { amount = 36, unit = "hours" }      # this clinic asks for 2 days ' + TAIL,
        ),
    ]


def test_a_new_value_goes_under_its_commented_example(example: Path) -> None:
    config = ClinicConfigFile.open(example)
    config.set("clinic", "region", "GB")
    config.set("protocol", "sweat", {"amount": 48, "unit": "hours"})
    config.save(RULES)
    lines = example.read_text(encoding="utf-8").splitlines()
    assert lines[lines.index('# region = "US"') + 1] == 'region = "GB"'
    after_sweat = lines[lines.index('# sweat = { amount = 72, unit = "hours" }') + 1]
    assert after_sweat == 'sweat = { amount = 48, unit = "hours" }'
    # Every line of the example is still there, in order: only the two were added.
    original = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line not in ('region = "GB"', after_sweat)] == original


def test_removing_a_value_takes_out_its_line_only(example: Path) -> None:
    config = ClinicConfigFile.open(example)
    config.set("clinic", "after_hours_phone", None)
    config.save(RULES)
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    assert "after_hours_phone" not in data["clinic"]
    original = EXAMPLE.read_text(encoding="utf-8").splitlines()
    gone = [line for line in original if line not in example.read_text("utf-8").splitlines()]
    assert len(gone) == 1 and gone[0].startswith("after_hours_phone = ")


def test_a_new_file_and_its_folders_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "made" / "clinic.toml"
    config = ClinicConfigFile.open(path)
    config.set("clinic", "name", "Hill Clinic")
    config.save(RULES)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"clinic": {"name": "Hill Clinic"}}
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_existing_readable_file_is_written_owner_only(example: Path) -> None:
    example.chmod(0o644)
    config = ClinicConfigFile.open(example)
    config.set("kiosk", "idle_seconds", 120)
    config.save(RULES)
    assert stat.S_IMODE(example.stat().st_mode) == 0o600
    assert sorted(p.name for p in example.parent.iterdir()) == ["clinic.toml", "icons"]


@pytest.mark.parametrize(
    ("table", "key", "value", "field", "words"),
    [
        ("clinic", "accent_colour", "#FFFF00", "clinic.accent_colour", "contrast|measures"),
        ("clinic", "phone", "call us", "clinic.phone", "digits"),
        ("kiosk", "idle_seconds", 5, "kiosk.idle_seconds", "20 to 3600"),
        ("clinic", "logo", "missing.png", "clinic.logo", "found nothing"),
        ("protocol", "sun", {"amount": 0, "unit": "days"}, "protocol.sun.amount", "greater"),
    ],
)
def test_a_bad_value_is_refused_with_its_field_and_nothing_is_written(
    example: Path, table: str, key: str, value: object, field: str, words: str
) -> None:
    before = example.read_bytes()
    config = ClinicConfigFile.open(example)
    config.set(table, key, value)
    with pytest.raises(ConfigRefused) as refused:
        config.save(RULES)
    assert [p.field for p in refused.value.problems] == [field]
    assert re.search(words, refused.value.problems[0].message)
    assert example.read_bytes() == before


def test_a_mistake_already_in_the_file_does_not_block_other_changes(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text('[clinic]\nname = "A"\nfax = "1"\n', encoding="utf-8")
    config = ClinicConfigFile.open(path)
    config.set("clinic", "name", "B")
    config.save(RULES)
    assert path.read_text(encoding="utf-8") == '[clinic]\nname = "B"\nfax = "1"\n'


def test_a_file_that_is_not_toml_is_refused_before_any_change(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text("[clinic\n", encoding="utf-8")
    with pytest.raises(ConfigEditError, match="not valid TOML"):
        ClinicConfigFile.open(path)


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(b'\xef\xbb\xbf[clinic]\nname = "A"\n')
    config = ClinicConfigFile.open(path)
    config.set("clinic", "name", "B")
    config.save(RULES)
    assert path.read_bytes() == b'\xef\xbb\xbf[clinic]\nname = "B"\n'
