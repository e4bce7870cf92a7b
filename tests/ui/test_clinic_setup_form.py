"""Clinic setup, the form: built from the config's schema, round-trips the example config
without losing a comment, refuses a bad value beside its field, changes the PIN by the rules,
and writes the file owner-only."""

from __future__ import annotations

import os
import shutil
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain import clinic_fields
from app.domain.kiosk_pin import parse_pin_hash
from app.render.content_provider import ContentProvider
from app.ui.screens.clinic_setup import ClinicSetupForm
from app.ui.screens.clinic_setup_editors import (
    BoolEditor,
    DurationEditor,
    IntEditor,
    OptionalIntEditor,
    RegionEditor,
    TextEditor,
)
from app.ui.screens.clinic_setup_look import ColourEditor, LogoEditor
from app.ui.screens.clinic_setup_pin import PinEditor
from tests.conftest import REPO

EXAMPLE = REPO / "resources" / "clinic.example.toml"
ORIGINAL = EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.toml"
    shutil.copyfile(EXAMPLE, path)
    (tmp_path / "icons").mkdir()
    shutil.copyfile(REPO / "resources" / "icons" / "app.svg", tmp_path / "icons" / "app.svg")
    return path


@pytest.fixture
def form(qtbot: QtBot, content: ContentProvider, config: Path) -> ClinicSetupForm:
    made = ClinicSetupForm(content, config)
    qtbot.addWidget(made)
    return made


def _type(edit: QWidget, qtbot: QtBot, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)
    if not text:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def test_every_field_of_the_example_is_shown_from_the_file(form: ClinicSetupForm) -> None:
    rows = form.rows
    assert isinstance(rows["clinic.name"].editor, TextEditor)
    assert rows["clinic.name"].editor.edit.text() == "Riverside Skin Clinic"
    assert rows["clinic.after_hours_phone"].editor.value() == "+1 555 0199"
    assert isinstance(rows["clinic.logo"].editor, LogoEditor)
    assert rows["clinic.logo"].editor.preview.pixmap().height() > 0  # drawn: it passed
    assert isinstance(rows["clinic.accent_colour"].editor, ColourEditor)
    assert "6.00:1" in rows["clinic.accent_colour"].editor.ratios.text()
    assert isinstance(rows["clinic.region"].editor, RegionEditor)
    assert rows["clinic.region"].editor.value() is None
    makeup = rows["protocol.makeup"].editor
    assert isinstance(makeup, DurationEditor)
    assert makeup.value() == {"amount": 48, "unit": "hours"}
    assert rows["protocol.sweat"].editor.value() is None  # the pack's, not the clinic's
    idle = rows["kiosk.idle_seconds"].editor
    assert isinstance(idle, IntEditor)
    assert (idle.spin.value(), idle.spin.minimum(), idle.spin.maximum()) == (90, 20, 3600)
    assert isinstance(rows["kiosk.reduce_motion"].editor, BoolEditor)
    assert isinstance(rows["kiosk.pin_hash"].editor, PinEditor)
    assert all(row.problem.isHidden() for row in rows.values())


def test_saving_unchanged_leaves_the_file_byte_identical(
    form: ClinicSetupForm, config: Path
) -> None:
    os.utime(config, (0, 0))
    assert form.save()
    assert config.read_text(encoding="utf-8") == ORIGINAL
    assert config.stat().st_mtime == 0
    assert "Nothing has changed" in form.status.text()


def _set_name(f: ClinicSetupForm, bot: QtBot) -> None:
    _type(f.rows["clinic.name"].editor.focus_widget(), bot, "Hill Clinic")


def _set_phone(f: ClinicSetupForm, bot: QtBot) -> None:
    _type(f.rows["clinic.phone"].editor.focus_widget(), bot, "+44 20 7946 0000")


def _clear_after_hours(f: ClinicSetupForm, bot: QtBot) -> None:
    _type(f.rows["clinic.after_hours_phone"].editor.focus_widget(), bot, "")


def _set_logo(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["clinic.logo"].editor
    assert isinstance(editor, LogoEditor)
    shutil.copyfile(editor.folder / "icons" / "app.svg", editor.folder / "mark.svg")
    editor.use_file(editor.folder / "mark.svg")


def _set_colour(f: ClinicSetupForm, bot: QtBot) -> None:
    _type(f.rows["clinic.accent_colour"].editor.focus_widget(), bot, "#1D4E89")


def _set_region(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["clinic.region"].editor
    assert isinstance(editor, RegionEditor)
    editor.choice.setCurrentIndex(editor.choice.findData("GB"))


def _set_makeup(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["protocol.makeup"].editor
    assert isinstance(editor, DurationEditor)
    editor.amount.setValue(36)


def _own_sweat(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["protocol.sweat"].editor
    assert isinstance(editor, DurationEditor)
    editor.own.setChecked(True)
    editor.unit.setCurrentIndex(editor.unit.findData("days"))
    editor.amount.setValue(4)


def _pack_sun(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["protocol.sun"].editor
    assert isinstance(editor, DurationEditor)
    editor.own.setChecked(False)


def _before(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["before.stop-actives"].editor
    assert isinstance(editor, OptionalIntEditor)
    assert editor.value() is None and editor.spin.value() == 7  # the pack's, shown
    editor.own.setChecked(True)
    editor.spin.setValue(10)


def _kiosk_on(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["kiosk.enabled"].editor
    assert isinstance(editor, BoolEditor)
    editor.box.setChecked(True)


def _idle(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["kiosk.idle_seconds"].editor
    assert isinstance(editor, IntEditor)
    editor.spin.setValue(120)


def _motion(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["kiosk.reduce_motion"].editor
    assert isinstance(editor, BoolEditor)
    editor.box.setChecked(True)


def _usage(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["kiosk.usage_counts"].editor
    assert isinstance(editor, BoolEditor) and f.rows["kiosk.usage_counts"].label == "Usage counts"
    editor.box.setChecked(True)


def _pin(f: ClinicSetupForm, bot: QtBot) -> None:
    editor = f.rows["kiosk.pin_hash"].editor
    assert isinstance(editor, PinEditor)
    bot.keyClicks(editor.first, "514273")
    bot.keyClicks(editor.again, "514273")


Change = Callable[[ClinicSetupForm, QtBot], None]


@pytest.mark.parametrize(
    ("change", "removed", "added"),
    [
        (_set_name, ['name = "Riverside'], ['name = "Hill Clinic"                  # at most 80']),
        (_set_phone, ['phone = "+1 555 0100"'], ['phone = "+44 20 7946 0000"            # digits']),
        (_clear_after_hours, ["after_hours_phone = "], []),
        (_set_logo, ['logo = "icons/app.svg"'], ['logo = "mark.svg"']),
        (_set_colour, ['accent_colour = "#0B6E74"'], ['accent_colour = "#1D4E89"']),
        (_set_region, [], ['region = "GB"']),
        (_set_makeup, ["makeup = { amount = 48"], ['makeup = { amount = 36, unit = "hours" }  ']),
        (_own_sweat, [], ['sweat = { amount = 4, unit = "days" }']),
        (_pack_sun, ["sun = { amount = 28"], []),
        (_before, [], ["[before]", "stop-actives = 10"]),
        (_kiosk_on, ["enabled = false"], ["enabled = true "]),
        (_idle, ["idle_seconds = 90"], ["idle_seconds = 120 "]),
        (_motion, ["reduce_motion = false"], ["reduce_motion = true "]),
        (_usage, ["usage_counts = false"], ["usage_counts = true "]),
        (_pin, [], ['pin_hash = "scrypt$']),
    ],
    ids=lambda value: getattr(value, "__name__", "") if callable(value) else "",
)
def test_changing_one_field_changes_only_its_line_and_keeps_every_comment(
    form: ClinicSetupForm,
    qtbot: QtBot,
    config: Path,
    change: Change,
    removed: list[str],
    added: list[str],
) -> None:
    change(form, qtbot)
    assert form.save(), form.status.text()
    text = config.read_text(encoding="utf-8")
    old, new = ORIGINAL.splitlines(), text.splitlines()
    gone = [line for line in old if line not in new]
    came = [line for line in new if line not in old]
    assert len(gone) == len(removed) and all(
        line.startswith(start) for line, start in zip(gone, removed, strict=True)
    ), gone
    assert len(came) == len(added) and all(
        line.startswith(start) for line, start in zip(came, added, strict=True)
    ), came
    for before, after in zip(gone, came, strict=False):
        if "#" in before:  # a trailing comment stays at its column
            assert after.index("#") == before.index("#"), (before, after)
    assert [line for line in old if line.lstrip().startswith("#")] == [
        line for line in new if line.lstrip().startswith("#")
    ]
    if os.name == "posix":
        assert stat.S_IMODE(config.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("path", "text", "named"),
    [
        ("clinic.accent_colour", "#FFFF00", "Accent colour: white text on #FFFF00 measures 1.07:1"),
        ("clinic.phone", "call us", "Phone: expected digits"),
        ("clinic.name", "<b>Hill</b>", "Clinic name: expected plain text"),
        ("clinic.logo", "../logo.svg", "Logo: expected a file in this file's folder"),
    ],
)
def test_a_bad_value_is_refused_beside_its_field_naming_it(
    form: ClinicSetupForm, qtbot: QtBot, config: Path, path: str, text: str, named: str
) -> None:
    row = form.rows[path]
    _type(row.editor.focus_widget(), qtbot, text)
    assert row.problem.isVisibleTo(form) and row.problem.text().startswith(named)
    assert not form.save()
    assert "Not saved" in form.status.text() and row.label in form.status.text()
    assert config.read_text(encoding="utf-8") == ORIGINAL


@pytest.mark.parametrize(
    ("first", "again", "words"),
    [
        ("123456", "123456", "counts up or down"),
        ("121212", "121212", "repeats a short block"),
        ("4071", "4071", "6 to 12 digits"),
        ("514273", "514237", "The two PINs are different"),
        ("514273", "", "Type the same PIN again"),
    ],
)
def test_a_weak_or_mistyped_pin_is_refused_and_nothing_is_stored(
    form: ClinicSetupForm, qtbot: QtBot, config: Path, first: str, again: str, words: str
) -> None:
    editor = form.rows["kiosk.pin_hash"].editor
    assert isinstance(editor, PinEditor)
    qtbot.keyClicks(editor.first, first)
    qtbot.keyClicks(editor.again, again)
    assert not form.save()
    problem = form.rows["kiosk.pin_hash"].problem.text()
    assert problem.startswith("Staff PIN: ") and words in problem
    assert first not in form.status.text()
    assert config.read_text(encoding="utf-8") == ORIGINAL


def test_a_change_made_to_the_file_meanwhile_is_kept(
    form: ClinicSetupForm, qtbot: QtBot, config: Path
) -> None:
    config.write_text(ORIGINAL.replace("idle_seconds = 90 ", "idle_seconds = 60 "), "utf-8")
    _set_name(form, qtbot)
    assert form.save(), form.status.text()
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert (data["clinic"]["name"], data["kiosk"]["idle_seconds"]) == ("Hill Clinic", 60)


def test_a_new_pin_is_stored_only_as_its_hash(
    form: ClinicSetupForm, qtbot: QtBot, config: Path
) -> None:
    _pin(form, qtbot)
    assert form.save()
    text = config.read_text(encoding="utf-8")
    assert "514273" not in text
    assert parse_pin_hash(tomllib.loads(text)["kiosk"]["pin_hash"]).matches("514273")
    editor = form.rows["kiosk.pin_hash"].editor
    assert isinstance(editor, PinEditor)
    assert editor.first.text() == "" and "is set" in editor.state.text()


def test_a_logo_chosen_elsewhere_is_copied_next_to_the_config(
    form: ClinicSetupForm, config: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("downloads")
    shutil.copyfile(REPO / "resources" / "icons" / "app.svg", elsewhere / "brand.svg")
    editor = form.rows["clinic.logo"].editor
    assert isinstance(editor, LogoEditor)
    editor.use_file(elsewhere / "brand.svg")
    assert form.save(), form.status.text()
    assert tomllib.loads(config.read_text(encoding="utf-8"))["clinic"]["logo"] == "brand.svg"
    copied = config.parent / "brand.svg"
    assert copied.read_bytes() == (elsewhere / "brand.svg").read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(copied.stat().st_mode) == 0o600


def test_a_config_that_does_not_exist_yet_is_made_owner_only(
    qtbot: QtBot, content: ContentProvider, tmp_path: Path
) -> None:
    path = tmp_path / "new" / "clinic.toml"
    form = ClinicSetupForm(content, path)
    qtbot.addWidget(form)
    assert form.rows["clinic.name"].editor.value() is None
    _set_name(form, qtbot)
    assert form.save(), form.status.text()
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"clinic": {"name": "Hill Clinic"}}
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_read_only_folder_is_said_plainly_and_save_is_off(
    qtbot: QtBot, content: ContentProvider, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a read-only share or a locked ProgramData folder (chmod does not stop root's tests).
    monkeypatch.setattr("app.ui.screens.clinic_setup.folder_is_writable", lambda _path: False)
    form = ClinicSetupForm(content, config)
    qtbot.addWidget(form)
    assert form.read_only.isVisibleTo(form)
    assert "read-only" in form.read_only.text() and str(config.parent) in form.read_only.text()
    assert not form.save_button.isEnabled()


def test_a_write_refused_by_the_system_says_so_and_changes_nothing(
    form: ClinicSetupForm, qtbot: QtBot, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("app.clinic_config_file.write_atomically", refuse)
    _set_name(form, qtbot)
    assert not form.save()
    assert "may not change" in form.status.text() and str(config.parent) in form.status.text()
    assert config.read_text(encoding="utf-8") == ORIGINAL


def test_a_key_the_schema_gains_appears_with_no_code_in_the_form(
    qtbot: QtBot, content: ContentProvider, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Kiosk(BaseModel):
        enabled: bool = False
        usage_counts: bool = False
        still_there_seconds: int = 20

    monkeypatch.setitem(clinic_fields.SECTIONS, "kiosk", Kiosk)
    form = ClinicSetupForm(content, config)
    qtbot.addWidget(form)
    counts = form.rows["kiosk.usage_counts"]
    assert isinstance(counts.editor, BoolEditor) and counts.label == "Usage counts"
    assert isinstance(form.rows["kiosk.still_there_seconds"].editor, IntEditor)


def test_every_control_is_named_and_reachable_by_keyboard(form: ClinicSetupForm) -> None:
    for row in form.rows.values():
        for control in row.editor.findChildren(QWidget):
            if control.focusPolicy() == Qt.FocusPolicy.NoFocus or not control.isVisibleTo(form):
                continue
            if control.objectName().startswith("qt_"):  # a spin box's own line: named by it
                continue
            assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, (row.field.path, control)
            assert control.accessibleName(), (row.field.path, control)
    assert form.save_button.focusPolicy() & Qt.FocusPolicy.TabFocus
