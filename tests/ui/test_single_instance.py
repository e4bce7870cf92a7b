from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.single_instance import SingleInstance
from tests.conftest import REPO


def test_second_instance_defers_and_asks_the_first_to_come_forward(
    qtbot: QtBot, data_dir: Path
) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire()
    first.listen()
    second = SingleInstance(data_dir)
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.acquire(wait_ms=1000) is False
    finally:
        first.release()


def test_after_the_first_copy_ends_the_next_one_starts_normally(data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire()
    first.release()
    again = SingleInstance(data_dir)
    try:
        assert again.acquire()
    finally:
        again.release()


def _log_text(data_dir: Path) -> str:
    log = data_dir / "logs" / "companion.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.mark.slow
def test_second_launch_of_the_app_exits_and_brings_the_first_window_forward(
    data_dir: Path,
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
    first = subprocess.Popen(command, env=env, cwd=REPO)
    try:
        deadline = time.monotonic() + 30
        while "window shown" not in _log_text(data_dir):
            assert first.poll() is None, "the first copy ended on its own"
            assert time.monotonic() < deadline, "the first copy never showed its window"
            time.sleep(0.1)
        second = subprocess.run(command, env=env, cwd=REPO, timeout=30)
        assert second.returncode == 0
        deadline = time.monotonic() + 10
        while "brought forward" not in _log_text(data_dir):
            assert time.monotonic() < deadline, "the first copy was never asked to come forward"
            time.sleep(0.1)
        assert first.poll() is None  # the first copy is still running, undisturbed
        assert _log_text(data_dir).count("starting Microneedling Companion") == 2
    finally:
        first.terminate()
        first.wait(timeout=10)
