"""`make bench` runs every measurement even when one is over its budget, and then fails."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")

STEPS = ("bench.py", "kiosk_soak.py", "home_soak.py", "attract_cpu.py")


def run_measurements(tmp_path: Path, failing: str | None) -> tuple[int, list[str], str]:
    """`make bench-measure` with a stand-in for the venv's Python that records each script it
    is asked to run and fails for `failing`: (make's exit code, the scripts run, its output)."""
    log = tmp_path / "ran.txt"
    python = tmp_path / "python"
    python.write_text(
        "#!/bin/sh\n"
        f'echo "$1" >> "{log}"\n'
        f'case "$1" in *{failing or "no-such-script"}) exit 1;; esac\n'
        "exit 0\n",
        encoding="utf-8",
    )
    python.chmod(0o700)
    done = subprocess.run(
        ["make", "-s", "-C", str(REPO), "bench-measure", f"PY={python}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    ran = [Path(line).name for line in log.read_text(encoding="utf-8").split()]
    return done.returncode, ran, done.stdout + done.stderr


def test_every_measurement_runs_and_make_succeeds_when_all_are_within_budget(
    tmp_path: Path,
) -> None:
    code, ran, _ = run_measurements(tmp_path, failing=None)
    assert (code, ran) == (0, list(STEPS))


@pytest.mark.parametrize("failing", STEPS)
def test_a_measurement_over_budget_leaves_the_others_running_and_fails_make(
    tmp_path: Path, failing: str
) -> None:
    code, ran, output = run_measurements(tmp_path, failing)
    assert ran == list(STEPS)
    assert code != 0
    assert f"over budget (or failed):\n  build_scripts/{failing}" in output
