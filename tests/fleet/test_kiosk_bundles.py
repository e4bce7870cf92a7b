"""A kiosk takes a new setup bundle only between visits: never in the middle of one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.fleet.install import installed
from app.fleet.startup import StartSetup, start_setup
from app.ui.application import GuiOptions
from app.ui.kiosk.bundles import KioskBundles
from app.ui.kiosk.run import build_kiosk, with_setup
from app.ui.kiosk.shell import KioskWindow
from tests.fleet.conftest import Machine, MakeBundle
from tests.kiosk.conftest import FAST

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def _names(window: KioskWindow) -> set[str]:
    return {label.text() for label in window.findChildren(QLabel)}


@pytest.fixture
def kiosk_bundles(
    qtbot: QtBot, machine: Machine, make_bundle: MakeBundle, tmp_path: Path
) -> Iterator[KioskBundles]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.styleSheet()
    config = tmp_path / "machine.toml"
    config.write_text(
        f'[managed]\nbundle_folder = "{machine.folder}"\n'
        f'public_key = "{machine.managed.public_key}"\n'
    )
    machine.drop("clinic-2.mncbundle", make_bundle(2))
    options = GuiOptions(kiosk=True)
    windows: list[KioskWindow] = []

    def build() -> tuple[KioskWindow, StartSetup]:
        setup = start_setup(config, None, machine.state)
        window, _notices = build_kiosk(
            app, with_setup(options, setup), ManualClock(NOW), FAST, printer_name=""
        )
        window.show()  # not qtbot.addWidget: the replaced windows delete themselves
        windows.append(window)
        return window, setup

    window, setup = build()
    # Looks only when the test says (no timer, no thread): the test drives every step.
    bundles = KioskBundles(
        window, setup, build, interval_ms=3_600_000, first_ms=3_600_000, background=False
    )
    assert bundles.watcher.look()  # at start, between visits: bundle 2 is applied and shown
    assert bundles.window is not window
    assert "Bundle Clinic 2" in _names(bundles.window)
    yield bundles
    for each in windows:
        if shiboken6.isValid(each):  # the replaced ones are gone already
            each.allow_close()
            each.deleteLater()
    app.setStyleSheet(style)


def test_a_kiosk_in_the_middle_of_a_visit_applies_nothing_until_it_is_idle(
    kiosk_bundles: KioskBundles, machine: Machine, make_bundle: MakeBundle, qtbot: QtBot
) -> None:
    kiosk = kiosk_bundles.window
    kiosk.begin_visit()
    kiosk.go("learn")
    machine.drop("clinic-3.mncbundle", make_bundle(3))

    assert not kiosk_bundles.watcher.look()  # the ten-minute look, mid-visit: not even a look
    assert installed(machine.state).version == 2  # type: ignore[union-attr]
    assert kiosk_bundles.window is kiosk and kiosk.current() == "learn"

    with qtbot.waitSignal(kiosk.reset_done, timeout=3000):
        pass  # nobody touches it: "Still there?", then back to the start
    qtbot.waitUntil(lambda: kiosk_bundles.window is not kiosk, timeout=3000)
    assert installed(machine.state).version == 3  # type: ignore[union-attr]
    assert "Bundle Clinic 3" in _names(kiosk_bundles.window)
    assert kiosk_bundles.window.current() == "attract"


def test_a_bundle_applied_during_a_visit_waits_for_the_reset(
    kiosk_bundles: KioskBundles, machine: Machine, make_bundle: MakeBundle, qtbot: QtBot
) -> None:
    """A look started between visits may finish once a visitor has begun (it runs in a
    thread): the new bundle is then in place, but the screen changes only at the reset."""
    kiosk = kiosk_bundles.window
    kiosk.begin_visit()
    kiosk_bundles.pending = False
    kiosk_bundles._on_applied(3)  # as the worker thread reports it
    assert kiosk_bundles.pending and kiosk_bundles.window is kiosk
    kiosk.reset()
    assert kiosk_bundles.window is not kiosk and not kiosk_bundles.pending


def test_the_staff_pin_pad_shows_the_bundle_in_use(kiosk_bundles: KioskBundles) -> None:
    texts = _names(kiosk_bundles.window)
    assert any(text.startswith("Setup bundle 2 applied on") for text in texts), texts
