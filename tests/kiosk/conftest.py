"""A kiosk on fast timers, on a manual clock, with the test clinic's settings and the test pack
(tests/fixtures)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.kiosk_pin import hash_pin
from app.domain.plan import RecoveryPlan
from app.ui.application import GuiOptions
from app.ui.kiosk.run import build_kiosk
from app.ui.kiosk.setup import KioskTimings
from app.ui.kiosk.shell import KioskWindow

REPO = Path(__file__).resolve().parents[2]
CLINIC = REPO / "tests" / "fixtures" / "clinic" / "clinic.toml"
NOW = datetime(2026, 11, 24, 15, 10, tzinfo=UTC)
PIN = "2468"
FAST = KioskTimings(idle_ms=300, prompt_ms=400, slide_ms=150, hold_ms=250)
# For tests that walk through every screen and are not about the idle reset: on a loaded
# machine building the screens takes longer than FAST's 0.7 s, and the reset came mid-walk.
STEADY = KioskTimings(idle_ms=60_000, prompt_ms=20_000, slide_ms=150, hold_ms=250)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def clinic_config(tmp_path: Path) -> Path:
    """The test clinic (name, phone, logo, colour, makeup in 40 hours) with a staff PIN added."""
    text = CLINIC.read_text(encoding="utf-8").replace(
        "[kiosk]\n", f'[kiosk]\npin_hash = "{hash_pin(PIN)}"\n'
    )
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "app.svg").write_bytes((REPO / "resources/icons/app.svg").read_bytes())
    config = tmp_path / "clinic.toml"
    config.write_text(text, encoding="utf-8")
    return config


MakeKiosk = Callable[..., KioskWindow]


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, clock: ManualClock, clinic_config: Path, test_pack: Path
) -> Iterator[MakeKiosk]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.styleSheet()
    windows: list[KioskWindow] = []

    def make(
        timings: KioskTimings = FAST,
        config: Path | None = clinic_config,
        printer_name: str | None = "",
        size: tuple[int, int] = (1280, 800),
        print_plan: Callable[[RecoveryPlan], bool] | None = None,
    ) -> KioskWindow:
        options = GuiOptions(
            content_pack=str(test_pack),
            clinic_config=str(config) if config else None,
            kiosk=True,
        )
        window, notices = build_kiosk(app, options, clock, timings, printer_name, print_plan)
        assert notices == [], notices
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.allow_close()  # lets the test end; removes the exit guard from the application
    app.setStyleSheet(style)


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> KioskWindow:
    return make_kiosk()


def window_point(kiosk: KioskWindow, widget: QWidget, pos: QPoint | None = None) -> QPoint:
    """Where `pos` in `widget` (its middle by default) is in the kiosk's window. A touch sent
    there through the QWindow takes the path a real one takes: the window first, then the
    widget under it (QTest's widget functions hand an event straight to the widget)."""
    return widget.mapTo(kiosk, pos if pos is not None else widget.rect().center())
