"""PySide6's per-import source scan is skipped on the way to the window (app.ui.pyside_startup).

Each check runs in a fresh interpreter: the scan happens once per module per process."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import linecache, sys
import PySide6.QtCore
if {skip}:
    from app.ui.pyside_startup import skip_feature_scan
    assert skip_feature_scan(), "PySide6's feature module is not as known"
from app.domain.plan import RecoveryPlan  # an import statement: the hook scans its module
print(any(name.endswith("plan.py") and "domain" in name for name in linecache.cache))
"""


def _source_read(skip: bool) -> bool:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(skip=skip)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return out.strip() == "True"


def test_pyside_reads_each_new_modules_source_unless_told_not_to() -> None:
    # If the first half fails, PySide6 no longer scans sources: app.ui.pyside_startup can go.
    assert _source_read(skip=False)
    assert not _source_read(skip=True)
