"""Changing the theme or the text size does not make the window grow. Qt's pixmap cache kept
the pictures drawn under the old palette (icons, drawn controls), which nothing could use
again, and so grew with each change up to its 10 MB limit: the home soak's slope
(build_scripts/home_soak.py changes one or the other every 100 screens)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.theme import TEXT_STEPS, THEMES
from tests.malloc_in_use import malloc_in_use


def _restyle(window: MainWindow, prefs: Preferences, turn: int) -> None:
    if turn % 2:
        prefs.set_theme(THEMES[(turn // 2) % len(THEMES)])
    else:
        prefs.set_text_step((turn // 2) % len(TEXT_STEPS))
    window.repaint()
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.no_qt_log
@pytest.mark.skipif(malloc_in_use() is None, reason="counts bytes with glibc's mallinfo2")
def test_theme_and_text_size_changes_leave_no_old_pictures_behind(
    window: MainWindow, prefs: Preferences, app_style: QApplication
) -> None:
    for turn in range(8):  # every theme and text size once: first-use caches filled
        _restyle(window, prefs, turn)
    gc.collect()
    before = malloc_in_use()
    for turn in range(8, 28):
        _restyle(window, prefs, turn)
    gc.collect()
    after = malloc_in_use()
    assert before is not None and after is not None
    per_change = (after - before) / 20
    # About 7 KB a change before (icons of this small window); nothing now.
    assert per_change < 2048, f"{per_change:.0f} bytes a change"
