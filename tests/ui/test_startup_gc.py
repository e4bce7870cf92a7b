"""The cyclic garbage collector stays off while the window starts (it found almost nothing to
free there, at ~13 ms a start) and is on again once the first area is painted, whatever the
way out of the start."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import cli
from app.ui import application
from app.ui.application import GuiOptions
from app.ui.main_window import MainWindow
from tests.conftest import REPO

PROBE = textwrap.dedent(
    """
    import gc, os, sys
    from PySide6.QtCore import QTimer
    from app import cli
    from app.ui import application

    def at_first_content():
        print("at-first-content", gc.isenabled(), flush=True)
        QTimer.singleShot(0, lambda: (print("after", gc.isenabled(), flush=True), os._exit(0)))

    application._report_content_ready = at_first_content
    cli.main(["--data-dir", sys.argv[1]])
    """
)


def test_the_home_window_collects_no_garbage_until_its_first_area_is_painted(
    tmp_path: Path,
) -> None:
    env = {**os.environ, application.BENCH_ENV: "content", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    ).stdout.split("\n")
    assert "at-first-content False" in out and "after True" in out, out


@pytest.mark.parametrize("fails", [False, True])
def test_the_collector_is_on_again_when_the_window_returns_or_fails(
    monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    during: list[bool] = []

    def window(options: GuiOptions) -> int:
        during.append(gc.isenabled())
        if fails:
            raise RuntimeError("the window failed")
        return 0

    monkeypatch.setattr(application, "run_gui", window)
    monkeypatch.setattr("app.paths.make_new_files_private", lambda: None)  # keep our umask
    try:
        if fails:
            with pytest.raises(RuntimeError):
                cli.main([])
        else:
            assert cli.main([]) == 0
        assert during == [False] and gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_on_again_even_when_the_window_never_paints(
    qapp: QApplication,
    qtbot: QtBot,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(application, "GC_AT_THE_LATEST_MS", 50)
    monkeypatch.setattr(application, "install_excepthook", lambda: None)
    monkeypatch.setattr(MainWindow, "show", lambda _self: None)  # as if started minimised

    def event_loop(_app: QApplication) -> int:
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    gc.disable()
    try:
        assert application._run(qapp, GuiOptions(), data_dir, data_dir / "companion.log") == 0
        assert gc.isenabled()
    finally:
        gc.enable()
