"""Usage counts in the real kiosk: opted in, a visit leaves exactly one file of per-day totals
beside the clinic config; left off, the kiosk writes nothing at all."""

from __future__ import annotations

import json
import os
import signal
import stat
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.kiosk_usage import FILE_NAME
from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.run import kiosk_zone
from app.ui.kiosk.shell import KioskWindow
from app.ui.kiosk.stop_signal import close_on_sigterm
from app.ui.screens.learn import LearnArea
from tests.kiosk.conftest import MakeKiosk
from tests.kiosk.test_kiosk_privacy_and_take_home import snapshot


@pytest.fixture
def counting_config(clinic_config: Path) -> Path:
    text = clinic_config.read_text(encoding="utf-8")
    clinic_config.write_text(text.replace("[kiosk]\n", "[kiosk]\nusage_counts = true\n"), "utf-8")
    return clinic_config


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders a kiosk could write to: XDG config, data and state, TMPDIR, and the folder
    of the clinic config (tmp_path)."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    xdg = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
    return [tmp_path, *(Path(os.environ[name]) for name in xdg)]


def _full_visit(kiosk: KioskWindow, qtbot: QtBot) -> list[str]:
    """Every kind of step: Learn (two screens), Warning signs, a preview, its QR code and a
    print. Returns the Learn screens seen."""
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.visit is not None)
    assert kiosk.visit is not None
    qtbot.mouseClick(kiosk.visit.tiles["learn"], Qt.MouseButton.LeftButton)
    learn = kiosk.visit.area("learn")
    assert isinstance(learn, LearnArea)
    seen = [learn.current_screen_id()]
    qtbot.mouseClick(learn.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(learn.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(learn.next_button, Qt.MouseButton.LeftButton)  # seen twice: counted once
    seen.append(learn.current_screen_id())
    for key in ("warning", "preview"):
        qtbot.mouseClick(kiosk.home_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.visit.tiles[key], Qt.MouseButton.LeftButton)
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    qtbot.mouseClick(preview.picker.show_button, Qt.MouseButton.LeftButton)
    assert preview.result is not None
    qtbot.mouseClick(preview.result.view_buttons.button(2), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.result.take_home.print_button, Qt.MouseButton.LeftButton)
    kiosk.reset()
    return seen


def _short_visit(kiosk: KioskWindow, screen: str) -> None:
    kiosk.begin_visit()
    kiosk.go(screen)
    kiosk.reset()


def test_a_visit_with_counts_on_writes_only_the_counts_file_private_and_per_day(
    make_kiosk: MakeKiosk, qtbot: QtBot, counting_config: Path, watched: list[Path]
) -> None:
    before = snapshot(*watched)
    kiosk = make_kiosk(config=counting_config, printer_name="Desk", print_plan=lambda _: True)
    seen = _full_visit(kiosk, qtbot)
    kiosk.allow_close()  # staff close it: the counts are saved

    counts_file = counting_config.parent / FILE_NAME
    after = snapshot(*watched)
    assert set(after) - set(before) == {str(counts_file)}
    assert {name: after[name] for name in before} == before  # nothing else touched
    assert stat.S_IMODE(counts_file.stat().st_mode) == 0o600
    document = json.loads(counts_file.read_bytes())
    today = kiosk._setup.clock.now().astimezone(kiosk_zone()).date().isoformat()
    assert document == {
        "format": 1,
        "days": {
            today: {
                "visits": 1,
                "previews": 1,
                "qr_codes": 1,
                "prints": 1,
                "screen:start": 1,
                "screen:learn": 1,
                "screen:warning": 1,
                "screen:preview": 1,
                **{f"screen:learn/{screen_id}": 1 for screen_id in seen},
            }
        },
    }


def test_visits_add_up_per_day_and_reach_the_file_only_in_batches(
    make_kiosk: MakeKiosk, counting_config: Path, clock: ManualClock
) -> None:
    kiosk = make_kiosk(config=counting_config)
    counts_file = counting_config.parent / FILE_NAME
    first_day = clock.now().astimezone(kiosk_zone()).date()
    _short_visit(kiosk, "learn")
    _short_visit(kiosk, "warning")
    clock.advance(timedelta(days=1))
    _short_visit(kiosk, "warning")
    assert not counts_file.exists()  # three visits: not yet, so no visit can be told apart
    kiosk.allow_close()

    days = json.loads(counts_file.read_bytes())["days"]
    assert days == {
        first_day.isoformat(): {
            "visits": 2,
            "screen:start": 2,
            "screen:learn": 1,
            "screen:learn/" + _first_learn_screen(kiosk): 1,
            "screen:warning": 1,
        },
        (first_day + timedelta(days=1)).isoformat(): {
            "visits": 1,
            "screen:start": 1,
            "screen:warning": 1,
        },
    }


def _first_learn_screen(kiosk: KioskWindow) -> str:
    return str(kiosk._content.content().pack.screens[0].meta.id)


def test_with_counts_off_a_visit_writes_nothing_beside_the_clinic_config(
    make_kiosk: MakeKiosk, qtbot: QtBot, clinic_config: Path, watched: list[Path]
) -> None:
    assert "usage_counts" not in clinic_config.read_text(encoding="utf-8")  # the default: off
    before = snapshot(*watched)
    kiosk = make_kiosk(printer_name="Desk", print_plan=lambda _: True)
    _full_visit(kiosk, qtbot)
    kiosk.allow_close()
    assert snapshot(*watched) == before


def test_a_damaged_counts_file_never_stops_the_kiosk(
    make_kiosk: MakeKiosk, counting_config: Path, caplog: pytest.LogCaptureFixture
) -> None:
    counts_file = counting_config.parent / FILE_NAME
    counts_file.write_bytes(b"\x00 not counts")
    kiosk = make_kiosk(config=counting_config)
    _short_visit(kiosk, "warning")
    kiosk.allow_close()
    assert json.loads(counts_file.read_bytes())["days"] != {}
    assert "damaged" in caplog.text


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is how POSIX service managers stop it")
def test_sigterm_closes_the_kiosk_and_saves_the_counts(
    make_kiosk: MakeKiosk, counting_config: Path, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(config=counting_config)
    _short_visit(kiosk, "warning")
    undo = close_on_sigterm(kiosk.allow_close)
    try:
        signal.raise_signal(signal.SIGTERM)  # what `systemctl stop` sends
        qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=3000)
    finally:
        undo()
    days = json.loads((counting_config.parent / FILE_NAME).read_bytes())["days"]
    assert [totals["visits"] for totals in days.values()] == [1]
