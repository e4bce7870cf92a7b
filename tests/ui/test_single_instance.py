"""One copy per data folder, reachable by its own user only; a second copy waits for a slow
first one and takes over from a dead one. (Folders that cannot be locked: test_data_folder_lock.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import APP_ID
from app.ui import single_instance
from app.ui.single_instance import (
    SOCKET_NAME,
    Outcome,
    SingleInstance,
    server_address,
)
from tests.conftest import REPO

DRIVER = Path(__file__).with_name("single_instance_driver.py")
NOBODY = 65534
posix_only = pytest.mark.skipif(os.name != "posix", reason="socket files are a POSIX matter")
root_only = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="acting as another user needs root"
)


def _second_copy(data: Path, qtbot: QtBot) -> str:
    """A second copy in a process of its own (it blocks while it waits for the answer, which
    the first copy gives from its event loop): what it printed."""
    second = _driver(data, 0, 5000)
    deadline = time.monotonic() + 30
    while second.poll() is None:  # keep the first copy's event loop turning
        assert time.monotonic() < deadline, "the second copy never ended"
        qtbot.wait(20)
    assert second.stdout is not None
    return second.stdout.read()


def test_second_instance_defers_and_asks_the_first_to_come_forward(
    qtbot: QtBot, data_dir: Path
) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST
    first.listen()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            assert _second_copy(data_dir, qtbot) == "forwarded\n"
    finally:
        first.release()


def test_after_the_first_copy_ends_the_next_one_starts_normally(data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST
    first.release()
    again = SingleInstance(data_dir)
    try:
        assert again.acquire() is Outcome.FIRST
    finally:
        again.release()


def test_a_first_copy_that_never_listens_is_reported_after_the_wait(data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST
    try:
        started = time.monotonic()
        assert SingleInstance(data_dir).acquire(wait_ms=600) is Outcome.NO_ANSWER
        assert 0.5 < time.monotonic() - started < 3
    finally:
        first.release()


@posix_only
def test_the_socket_is_in_the_private_data_folder_and_owner_only(
    qtbot: QtBot, data_dir: Path
) -> None:
    address = Path(str(server_address(data_dir)))
    assert address == data_dir.resolve() / SOCKET_NAME
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST
    first.listen()
    try:
        found = address.lstat()
        assert found.st_uid == os.geteuid()
        assert found.st_mode & 0o077 == 0
        assert (data_dir / "companion.lock").stat().st_mode & 0o777 == 0o600
    finally:
        first.release()
    assert not address.exists()


@pytest.fixture
def private_temp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short temp folder of the test's own (as /tmp is), and no $XDG_RUNTIME_DIR: where long
    data folders' sockets go."""
    temp = Path(tempfile.mkdtemp(prefix="mnc-", dir="/tmp" if os.name == "posix" else None))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    yield temp
    shutil.rmtree(temp, ignore_errors=True)


def _long_data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4) / "data"
    folder.mkdir(parents=True, mode=0o700)
    return folder


@posix_only
def test_a_data_folder_too_long_for_a_socket_uses_a_short_private_folder(
    tmp_path: Path, private_temp: Path
) -> None:
    data = _long_data_dir(tmp_path)
    address = Path(str(server_address(data)))
    assert address.parent == private_temp / f"mnc-{os.geteuid()}"
    assert address.parent.stat().st_mode & 0o777 == 0o700
    assert len(os.fsencode(address)) <= single_instance.SOCKET_PATH_MAX
    assert server_address(data) == str(address)  # the second copy finds the same place


@posix_only
def test_a_temp_folder_too_long_for_a_socket_falls_back_to_tmp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / ("deep-temp-folder-" * 5)
    deep.mkdir(mode=0o700)
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    address = Path(str(server_address(_long_data_dir(tmp_path))))
    assert address.parent == Path("/tmp") / f"mnc-{os.geteuid()}"
    assert len(os.fsencode(address)) <= single_instance.SOCKET_PATH_MAX


@posix_only
@pytest.mark.parametrize("squatter", ["a link to elsewhere", "another user's folder"])
def test_a_short_folder_someone_else_made_is_never_used(
    tmp_path: Path, private_temp: Path, squatter: str
) -> None:
    claimed = private_temp / f"mnc-{os.geteuid()}"
    if squatter == "a link to elsewhere":
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir(mode=0o700)
        claimed.symlink_to(elsewhere)
    else:
        if os.geteuid() != 0:
            pytest.skip("making a folder another user owns needs root")
        claimed.mkdir(mode=0o777)
        os.chown(claimed, NOBODY, NOBODY)
    assert server_address(_long_data_dir(tmp_path)) is None


def _rogue_server(path: Path) -> socket.socket:
    """A listening socket at `path` that belongs to another user ("nobody")."""
    rogue = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    rogue.bind(str(path))
    rogue.listen(5)
    rogue.setblocking(False)
    os.chown(path, NOBODY, NOBODY)
    return rogue


def _was_contacted(rogue: socket.socket) -> bool:
    try:
        rogue.accept()[0].close()
    except BlockingIOError:
        return False
    return True


@root_only
def test_a_socket_at_our_address_owned_by_another_user_is_never_talked_to(
    data_dir: Path,
) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST  # holds the lock but has not listened yet
    rogue = _rogue_server(data_dir / SOCKET_NAME)
    try:
        assert SingleInstance(data_dir).acquire(wait_ms=500) is Outcome.NO_ANSWER
        assert not _was_contacted(rogue)
    finally:
        rogue.close()
        first.release()


@root_only
def test_the_old_predictable_name_in_the_temp_folder_is_not_used(
    qtbot: QtBot, data_dir: Path
) -> None:
    # Before: QLocalServer named "microneedling-companion-<hash of the path>" in /tmp, which
    # any local user could create first and so receive (or answer) the second copy's call.
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    old = Path(tempfile.gettempdir()) / f"{APP_ID}-{digest}"
    rogue = _rogue_server(old)
    first = SingleInstance(data_dir)
    try:
        assert first.acquire() is Outcome.FIRST
        first.listen()
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            assert _second_copy(data_dir, qtbot) == "forwarded\n"
        assert not _was_contacted(rogue)
    finally:
        first.release()
        rogue.close()
        old.unlink()


@root_only
def test_another_user_can_neither_reach_nor_replace_the_socket(data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire() is Outcome.FIRST
    first.listen()
    address = str(server_address(data_dir))
    try:
        child = os.fork()
        if child == 0:  # as "nobody": every step must be refused
            code = 0
            try:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
                for attempt in (
                    lambda: socket.socket(socket.AF_UNIX).connect(address),
                    lambda: Path(address).unlink(),
                    lambda: socket.socket(socket.AF_UNIX).bind(address + ".x"),
                ):
                    try:
                        attempt()
                        code |= 1
                    except PermissionError:
                        pass
            except BaseException:
                code |= 2
            os._exit(code)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        first.release()


def _driver(data: Path, listen_after_ms: int, wait_ms: int | None = None) -> subprocess.Popen[str]:
    command = [sys.executable, str(DRIVER), str(data), str(listen_after_ms)]
    if wait_ms is not None:
        command.append(str(wait_ms))
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_a_second_copy_takes_over_when_the_first_dies_while_it_waits(data_dir: Path) -> None:
    stuck = _driver(data_dir, -1)  # holds the lock, never listens
    assert stuck.stdout is not None and stuck.stdout.readline() == "first\n"
    waiting = _driver(data_dir, 0)
    try:
        time.sleep(1.0)  # the second copy is waiting for an answer now
        assert waiting.poll() is None
        stuck.kill()
        stuck.wait(timeout=10)
        assert waiting.stdout is not None and waiting.stdout.readline() == "first\n"
    finally:
        waiting.kill()
        waiting.wait(timeout=10)
        stuck.kill()


@pytest.mark.slow
def test_racing_double_launches_always_end_with_one_copy_brought_forward(
    tmp_path: Path,
) -> None:
    pairs, batch = 50, 10
    results: list[tuple[str, str]] = []
    started = time.monotonic()
    for first_pair in range(0, pairs, batch):
        launched = []
        for index in range(first_pair, first_pair + batch):
            data = tmp_path / f"pair{index}"
            data.mkdir(mode=0o700)
            # The copy that wins starts listening 0 to 1.8 s later: slow starts included.
            delay = (index * 370) % 1800
            launched.append((_driver(data, delay), _driver(data, delay)))
        for pair in launched:
            said = sorted(copy.communicate(timeout=30)[0] for copy in pair)
            results.append((said[0], said[1]))
    elapsed = time.monotonic() - started
    for said_by_pair in results:
        assert said_by_pair == ("first\nbrought forward\n", "forwarded\n")
    assert elapsed < 60, f"{pairs} pairs took {elapsed:.1f} s"


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
