"""A kiosk session writes nothing anywhere; the take-home QR code holds the dates, no name."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app import APP_NAME, ORGANIZATION
from app.store import Store
from app.ui.kiosk.preview import PreviewArea, PreviewResult
from app.ui.kiosk.qr import summary_text
from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import MakeKiosk

REPO = Path(__file__).resolve().parents[2]


def snapshot(*folders: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under `folders`: size, modification time and SHA-256."""
    found: dict[str, tuple[int, int, str]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                stat = path.stat()
                found[str(path)] = (
                    stat.st_size,
                    stat.st_mtime_ns,
                    hashlib.sha256(data).hexdigest(),
                )
            elif path.is_dir():
                found[str(path)] = (0, 0, "folder")
    return found


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temp folder of its own, for Python and Qt (QDir::tempPath reads TMPDIR)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def _home_user_state() -> tuple[Path, Path]:
    """A patient's data folder and settings as the home window leaves them."""
    data = Path(os.environ["XDG_DATA_HOME"]) / "kiosk-test-data"
    data.mkdir(parents=True, exist_ok=True)
    store = Store.open(data)
    store.close()
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME
    )
    settings.setValue("main_window/geometry", b"x")
    settings.sync()
    return data, Path(settings.fileName())


def _a_whole_visit(kiosk: KioskWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.visit is not None
    for key in ("learn", "warning", "preview"):
        qtbot.mouseClick(kiosk.home_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.visit.tiles[key], Qt.MouseButton.LeftButton)
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    qtbot.mouseClick(preview.picker.time_stepper.less, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.picker.show_button, Qt.MouseButton.LeftButton)
    assert preview.result is not None
    for view in range(3):
        preview.result.show_view(view)
    qtbot.mouseClick(preview.result.take_home.print_button, Qt.MouseButton.LeftButton)
    kiosk.pin_pad.open()
    kiosk.pin_pad.press("9")
    kiosk.pin_pad.press("ok")
    kiosk.reset()


def test_a_kiosk_session_leaves_data_settings_and_temp_exactly_as_they_were(
    make_kiosk: MakeKiosk, qtbot: QtBot, private_temp: Path
) -> None:
    data, settings_file = _home_user_state()
    xdg = [
        Path(os.environ[name]) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
    ]
    before = snapshot(*xdg, private_temp)
    assert str(settings_file) in before
    assert any(name.startswith(str(data) + os.sep) for name in before)  # the patient's store

    # A stand-in printer: a machine with a real default printer must not print in a test.
    kiosk = make_kiosk(printer_name="Front desk", print_plan=lambda _plan: True)
    _a_whole_visit(kiosk, qtbot)
    qtbot.wait(50)

    assert snapshot(*xdg, private_temp) == before


def test_starting_the_real_kiosk_writes_nothing(tmp_path: Path) -> None:
    """The installed command with --kiosk: no data folder, settings, log or temp file appears."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["TMPDIR"] = str(tmp_path / "tmp")
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in (
        *(n.lower() for n in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")),
        "tmp",
    ):
        (tmp_path / name).mkdir()
    before = snapshot(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--kiosk"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        assert process.stderr is not None
        started = ""
        while time.monotonic() < deadline and "as a kiosk" not in started:
            started += process.stderr.readline()
        assert "as a kiosk" in started, started
        time.sleep(1.0)  # the attract loop is running
        assert process.poll() is None, "the kiosk stopped by itself"
    finally:
        process.terminate()  # what `systemctl stop` sends
        process.wait(timeout=10)
    assert snapshot(tmp_path) == before


def _preview_now(kiosk: KioskWindow) -> PreviewResult:
    """A visitor opens Preview my recovery and takes the time it offers."""
    kiosk.begin_visit()
    kiosk.go("preview")
    assert kiosk.visit is not None
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    preview.picker.confirm()
    assert preview.result is not None
    return preview.result


def _decode(result: PreviewResult) -> str:
    """The QR code's text, read from the pixels on screen as a phone camera would."""
    image = result.take_home.code.grab().toImage()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    bits = bytes(grey.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))
    found = zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))
    assert len(found) == 1
    return str(found[0].text)


def test_the_qr_code_reads_back_as_the_key_dates_and_the_clinic_phone(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    result = _preview_now(kiosk)
    result.show_view(2)
    plan = result.plan

    text = _decode(result)

    assert text == result.take_home.text
    assert text.startswith(summary_text(plan, "Test Lane Skin Clinic", "+1 555 0142")[:60])
    lines = text.splitlines()
    assert "Test Lane Skin Clinic: +1 555 0142" in lines
    for milestone in plan.milestones:
        assert any(line.startswith(milestone.countdown + ": ") for line in lines)
    # The clinic's own timing (40 hours, not the test pack's 30) is the one shown.
    makeup = next(m for m in plan.milestones if m.rule_id == "makeup")
    assert makeup.at - plan.treated_at == timedelta(hours=40)
    assert "\u00a0" not in text


def test_without_a_printer_the_kiosk_says_to_ask_at_the_desk(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    result = _preview_now(kiosk)
    take_home = result.take_home
    assert take_home.print_button.isHidden()
    assert "front desk" in take_home.status.text()


def test_printing_sends_the_previewed_plan_to_the_printer(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    printed: list[object] = []
    kiosk = make_kiosk(printer_name="Front desk", print_plan=lambda plan: not printed.append(plan))
    result = _preview_now(kiosk)
    take_home = result.take_home
    qtbot.mouseClick(take_home.print_button, Qt.MouseButton.LeftButton)
    assert printed == [result.plan]
    assert "Sent to the printer" in take_home.status.text()
