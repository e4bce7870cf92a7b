"""The Qt binding itself: a version that loses references crashes a long-running app."""

from __future__ import annotations

import sys
from importlib.metadata import requires

from PySide6.QtGui import QTextCharFormat


def test_qt_calls_that_return_nothing_keep_the_reference_to_none() -> None:
    # PySide6 6.12.0 drops a reference to None on each such call; on Python 3.11 the process
    # aborts once the count runs out (a kiosk would crash during the day). pyproject excludes the
    # whole 6.12 series; to try a 6.12.x whose notes name the fix, lift the exclusion, install
    # it and run this test: it is the canary.
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setFontPointSize(12)
    assert before - sys.getrefcount(None) < 50


def test_the_whole_6_12_series_is_excluded_not_only_6_12_0() -> None:
    # Until a 6.12 release names the fix, a resolver must pick no 6.12.x at all.
    [pin] = [r for r in requires("microneedling-companion") or [] if r.startswith("PySide6")]
    assert "!=6.12.*" in pin.replace(" ", ""), pin
