"""The test run itself: it leaves nothing behind in the temporary folder (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def test_a_test_run_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    probe = REPO / "tests" / "fixtures" / "leftovers_probe.py"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
    assert sorted(p.name for p in temp.iterdir()) == []


def test_a_run_that_stops_at_its_command_line_leaves_nothing_either(tmp_path: Path) -> None:
    # pytest reads conftest.py (which makes the sandbox) before it refuses an unknown option,
    # and then ends without the hook that removes the sandbox.
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-such-option"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "no-such-option" in result.stderr
    assert sorted(p.name for p in temp.iterdir()) == []


def test_a_forked_child_leaving_does_not_take_the_sandbox_from_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests import conftest

    monkeypatch.setattr(conftest, "_OWNER", os.getpid() + 1)  # as seen from a forked child
    conftest._remove_sandbox()
    assert conftest._SANDBOX.is_dir()
