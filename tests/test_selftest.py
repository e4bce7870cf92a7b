"""`--self-test`: every check runs and says what it saw; a failure names its reason and exits 1.

Run in this process (through run_self_test, with the argparse Namespace the command line makes)
and once as `python -m app --self-test` in a sandboxed home, to show it touches nothing there.
The bundled executable's self-test is in tests/packaging.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app import selftest
from app.cli import build_parser
from tests.conftest import REPO


def run(argv: list[str]) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = selftest.run_self_test(build_parser().parse_args(["--self-test", *argv]), out)
    return code, out.getvalue().splitlines()


def line_of(lines: list[str], name: str) -> str:
    found = [line for line in lines if line[5:].startswith(f"{name}:")]
    assert len(found) == 1, f"no single line for {name!r} in:\n" + "\n".join(lines)
    return found[0]


def test_every_check_passes_and_says_what_it_saw(qapp: QApplication) -> None:
    code, lines = run([])
    assert code == 0, "\n".join(lines)
    for check in selftest.CHECKS:
        assert line_of(lines, check.name).startswith("ok   "), "\n".join(lines)
    assert "17 screens" in line_of(lines, "content pack")
    assert "offscreen platform" in line_of(lines, "Qt")
    assert "day 3 of" in line_of(lines, "recovery plan")
    assert "PDF handout written" in line_of(lines, "handout")
    assert lines[-1].startswith(f"self-test passed: {len(selftest.CHECKS)} checks")


def test_a_content_pack_that_falls_back_fails_with_the_reason(
    qapp: QApplication, tmp_path: Path
) -> None:
    broken = tmp_path / "pack"
    broken.mkdir()
    code, lines = run(["--content-pack", str(broken)])
    assert code == 1
    failed = line_of(lines, "content pack")
    assert failed.startswith("FAIL ")
    assert f"{broken} could not be used" in failed
    assert any("pack.toml" in line for line in lines), "the pack's problems are listed"
    # The other checks still ran, with the built-in pack the app would show.
    assert line_of(lines, "learn screens").startswith("ok   ")
    assert lines[-1].startswith(f"self-test FAILED: 1 of {len(selftest.CHECKS)} checks failed")


def test_a_check_that_raises_fails_with_its_reason(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: selftest.Context) -> str:
        raise RuntimeError("the printer caught fire")

    monkeypatch.setattr(selftest, "CHECKS", [*selftest.CHECKS, selftest.Check("printer", broken)])
    code, lines = run([])
    assert code == 1
    failed = line_of(lines, "printer")
    assert failed.startswith("FAIL printer: RuntimeError: the printer caught fire")
    assert "test_selftest.py" in failed, "a crash says where it happened"


def test_checks_that_need_a_failed_one_say_so(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_store(ctx: selftest.Context) -> str:
        raise selftest.CheckFailed("the disk is full")

    checks = [
        selftest.Check("store", no_store) if c.name == "store" else c for c in selftest.CHECKS
    ]
    monkeypatch.setattr(selftest, "CHECKS", checks)
    code, lines = run([])
    assert code == 1
    assert line_of(lines, "store") == "FAIL store: the disk is full"
    assert line_of(lines, "home window") == (
        "FAIL home window: not checked: needs the store, which failed"
    )


def test_clinic_config_mistakes_are_reported_but_not_fatal(
    qapp: QApplication, tmp_path: Path
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\nname = "Riverside"\nphone = "call us"\n', encoding="utf-8")
    code, lines = run(["--clinic-config", str(config)])
    assert code == 0, "\n".join(lines)
    warned = line_of(lines, "clinic config")
    assert warned.startswith(f"warn clinic config: {config}: 1 problem(s), not fatal")
    assert any("clinic.phone" in line for line in lines)


def test_a_good_clinic_config_is_used(qapp: QApplication) -> None:
    code, lines = run(["--clinic-config", str(REPO / "resources" / "clinic.example.toml")])
    assert code == 0, "\n".join(lines)
    assert "read without problems" in line_of(lines, "clinic config")


def test_the_environment_and_the_look_are_put_back(qapp: QApplication) -> None:
    qapp.setStyleSheet("QWidget { color: #123456; }")
    before = dict(os.environ)
    try:
        code, _ = run([])
        assert code == 0
        assert dict(os.environ) == before
        assert qapp.styleSheet() == "QWidget { color: #123456; }"
    finally:
        qapp.setStyleSheet("")


def test_a_flat_picture_fails_and_a_drawn_one_passes(qtbot: QtBot) -> None:
    blank = QWidget()
    blank.setAutoFillBackground(True)
    palette = blank.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#00ff00"))
    blank.setPalette(palette)
    blank.resize(200, 100)
    qtbot.addWidget(blank)
    with pytest.raises(selftest.CheckFailed, match="one flat colour"):
        selftest.check_picture(blank, "blank")
    label = QLabel("Hello")
    label.resize(200, 100)
    qtbot.addWidget(label)
    assert not selftest.check_picture(label, "label").isNull()


@pytest.mark.slow
def test_command_line_self_test_leaves_the_home_folder_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_QPA"))}
    env |= {"HOME": str(home), "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "on the offscreen platform" in result.stdout, "offscreen when no platform was chosen"
    # Qt and fontconfig may cache fonts under ~/.cache; nothing else may appear in the home.
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    assert [p for p in written if p.parts[0] != ".cache"] == []
