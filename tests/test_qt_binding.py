"""The Qt binding itself: a version that loses references crashes a long-running app."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat


def test_qt_calls_that_return_nothing_keep_the_reference_to_none() -> None:
    # PySide6 6.12.0 drops a reference to None on each such call; on Python 3.11 the process
    # aborts once the count runs out (a kiosk would crash during the day). pyproject excludes it.
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setFontPointSize(12)
    assert before - sys.getrefcount(None) < 50
