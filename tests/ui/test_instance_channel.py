"""The channels a second copy uses to reach the first without QtNetwork: the Unix socket (Linux,
macOS) after a crash, and the request folder (Windows) on any system, in real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui import instance_channel
from app.ui.single_instance import Outcome, SingleInstance, server_address
from tests.conftest import REPO

DRIVER = Path(__file__).with_name("single_instance_driver.py")
posix_only = pytest.mark.skipif(os.name != "posix", reason="kill -9 and Unix sockets")


def _driver(
    data: Path, listen_after_ms: int, wait_ms: int = 5000, request_files: bool = False
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    env["MNC_REQUEST_FILES"] = "1" if request_files else "0"
    command = [sys.executable, str(DRIVER), str(data), str(listen_after_ms), str(wait_ms)]
    return subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE, text=True)


def _said(process: subprocess.Popen[str], qtbot: QtBot) -> str:
    """What a driver printed, keeping this process's event loop turning meanwhile."""
    deadline = time.monotonic() + 30
    while process.poll() is None:
        assert time.monotonic() < deadline, "the copy never ended"
        qtbot.wait(20)
    assert process.stdout is not None
    return process.stdout.read()


@pytest.fixture
def request_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process uses the request folder, as it does on Windows."""
    monkeypatch.setattr(instance_channel, "HAS_UNIX_SOCKETS", False)


@posix_only
@pytest.mark.slow
def test_a_socket_and_lock_left_by_a_killed_copy_are_taken_over(
    qtbot: QtBot, data_dir: Path
) -> None:
    killed = _driver(data_dir, 0)
    assert killed.stdout is not None and killed.stdout.readline() == "first\n"
    socket_file = Path(str(server_address(data_dir)))
    deadline = time.monotonic() + 10
    while not socket_file.exists():
        assert time.monotonic() < deadline, "the first copy never listened"
        time.sleep(0.02)
    killed.kill()  # no clean-up at all: its lock file and socket file stay behind
    killed.wait(timeout=10)
    assert socket_file.exists() and (data_dir / "companion.lock").exists()

    after = SingleInstance(data_dir)
    assert after.acquire(wait_ms=3000) is Outcome.FIRST
    after.listen()
    try:
        with qtbot.waitSignal(after.activation_requested, timeout=30_000):
            assert _said(_driver(data_dir, 0), qtbot) == "forwarded\n"
    finally:
        after.release()


def test_a_request_file_brings_the_first_copy_forward_and_is_taken_away(
    qtbot: QtBot, data_dir: Path, request_files: None
) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST
    first.listen()
    folder = instance_channel.requests_folder(data_dir)
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            assert _said(_driver(data_dir, 0, request_files=True), qtbot) == "forwarded\n"
        assert list(folder.iterdir()) == []
        if os.name == "posix":
            assert folder.stat().st_mode & 0o777 == 0o700
    finally:
        first.release()


def test_an_unanswered_request_is_withdrawn(data_dir: Path, request_files: None) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST  # holds the lock, never listens
    try:
        assert SingleInstance(data_dir).acquire(wait_ms=400) is Outcome.NO_ANSWER
        # Left there, the request would bring the next first copy forward for nobody.
        assert list(instance_channel.requests_folder(data_dir).iterdir()) == []
    finally:
        first.release()


@pytest.mark.slow
def test_racing_double_launches_with_request_files_end_with_one_copy_brought_forward(
    tmp_path: Path,
) -> None:
    launched = []
    for index in range(6):
        data = tmp_path / f"pair{index}"
        data.mkdir(mode=0o700)
        delay = (index * 370) % 1800  # the copy that wins listens 0 to 1.8 s later
        pair = [_driver(data, delay, request_files=True) for _ in range(2)]
        launched.append(pair)
    for pair in launched:
        said = sorted(copy.communicate(timeout=30)[0] for copy in pair)
        assert said == ["first\nbrought forward\n", "forwarded\n"]
