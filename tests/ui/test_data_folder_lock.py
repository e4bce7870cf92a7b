"""A data folder where the lock file cannot be made (read-only, full disk) is told apart from
one another copy holds: at once, with a plain message and a non-zero exit, never silence."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui.application import single_instance_refusal
from app.ui.single_instance import LockProblem, Outcome, SingleInstance
from tests.conftest import REPO


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A small file system of our own, to make read-only or fill up (needs root and mount)."""
    folder = tmp_path / "mnt"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a file system of our own needs root and mount")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"mount refused: {made.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@pytest.fixture
def read_only_folder(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A data folder nothing can be written in: mode 0500 for a normal user; for root, who
    may write anyway, a read-only file system."""
    if os.name == "posix" and os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o700)
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    folder = request.getfixturevalue("tmpfs")
    folder.chmod(0o755)  # too loose, and it cannot be tightened now: that alone must not stop it
    _remount_read_only(folder)
    yield folder


def test_a_read_only_folder_is_told_apart_from_a_held_lock(read_only_folder: Path) -> None:
    instance = SingleInstance(read_only_folder)
    started = time.monotonic()
    assert instance.acquire() is Outcome.CANNOT_LOCK
    assert time.monotonic() - started < 1  # at once, not after waiting for another copy
    assert instance.problem is LockProblem.READ_ONLY


@pytest.fixture
def full_folder(tmpfs: Path) -> Path:
    with (tmpfs / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 4096)
    return tmpfs


def test_a_full_disk_is_told_apart_from_a_held_lock(full_folder: Path) -> None:
    instance = SingleInstance(full_folder)
    assert instance.acquire() is Outcome.CANNOT_LOCK
    assert instance.problem is LockProblem.DISK_FULL


def test_each_refusal_says_what_is_wrong_and_what_to_do(tmp_path: Path) -> None:
    texts = {
        problem: single_instance_refusal(Outcome.CANNOT_LOCK, problem, tmp_path)
        for problem in LockProblem
    }
    assert "Free some space" in texts[LockProblem.DISK_FULL][1]
    assert "read-only" in texts[LockProblem.READ_ONLY][1]
    assert "writable" in texts[LockProblem.READ_ONLY][1]
    for _title, text in texts.values():
        assert str(tmp_path) in text and "start the app again" in text
    title, text = single_instance_refusal(Outcome.NO_ANSWER, None, tmp_path)
    assert "already open" in title and "Switch to its window" in text


_SHOW_DIALOGS_ON_STDOUT = (
    "import sys; from PySide6.QtWidgets import QMessageBox; "
    "QMessageBox.critical = lambda parent, title, text: print('DIALOG', title, '|', text); "
    "from app.cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "title"),
    [("read_only_folder", "The data folder is read-only"), ("full_folder", "The disk is full")],
)
def test_the_app_says_what_is_wrong_with_its_folder_and_exits_non_zero(
    folder: str, title: str, request: pytest.FixtureRequest
) -> None:
    data = request.getfixturevalue(folder)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _SHOW_DIALOGS_ON_STDOUT, "--data-dir", str(data)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert f"DIALOG {title} |" in result.stdout
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 10  # no waiting for a copy that is not there
