"""The recipes that start the kiosk at boot and restart it if it fails."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from app.ui.kiosk.shell import EXIT_TOO_MANY_ERRORS

KIOSK = Path(__file__).resolve().parents[2] / "build_scripts" / "kiosk"
UNIT = KIOSK / "microneedling-kiosk.service"


def test_the_systemd_unit_starts_the_kiosk_and_restarts_it_only_on_failure() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read_string(UNIT.read_text(encoding="utf-8"))
    assert unit["Service"]["ExecStart"].split()[1:] == ["--kiosk"]
    assert unit["Service"]["Restart"] == "on-failure"
    # The kiosk's own way out after repeated errors is a failure, so it is restarted; the
    # staff PIN exits with 0, so it is not.
    assert EXIT_TOO_MANY_ERRORS != 0
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # The command itself is not installed here; verify checks that ExecStart exists.
    unit = tmp_path / UNIT.name
    unit.write_text(
        UNIT.read_text(encoding="utf-8").replace("/usr/bin/microneedling-companion", "/bin/true")
    )
    result = subprocess.run(
        [analyze, "verify", str(unit)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_windows_task_restarts_on_error_and_stops_after_a_staff_exit() -> None:
    script = (KIOSK / "register-kiosk-task.ps1").read_text(encoding="utf-8")
    assert "--kiosk" in script
    assert "while (`$p.ExitCode -ne 0)" in script
    assert "-AtLogOn" in script
