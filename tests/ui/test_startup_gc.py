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

from app import cli
from app.ui import application
from app.ui.application import GuiOptions
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
