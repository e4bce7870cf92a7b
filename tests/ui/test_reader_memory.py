"""The Learn reader frees each screen's document when the next one shows: a window that stays
open all day must not grow with every screen read (it once kept every document, about 1 MB
each with its picture)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.render.content_provider import ContentProvider
from app.ui.screens.learn import LearnArea
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))

import home_soak

linux_only = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads resident memory from /proc"
)


def _settle() -> None:
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _live_documents() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, QTextDocument) and shiboken6.isValid(o))


@linux_only
def test_two_hundred_screens_leave_one_document_and_flat_memory(
    qtbot: QtBot, content: ContentProvider
) -> None:
    area = LearnArea(content)
    qtbot.addWidget(area)
    area.resize(1280, 800)
    area.show()
    total = len(content.content().pack.screens)
    for n in range(total):  # warm-up: every screen once, caches filled
        area.go_to_index(n)
        _settle()
    gc.collect()
    documents_before = _live_documents()
    rss_before = home_soak.rss_mb()
    for n in range(200):
        area.go_to_index(n % total)
        _settle()
    gc.collect()
    assert len(area.view.findChildren(QTextDocument)) == 1
    assert _live_documents() <= documents_before
    # Before the fix: about +230 MB over these 200 screens.
    assert home_soak.rss_mb() - rss_before < 25


@linux_only
def test_a_short_home_window_soak_stays_flat(app_style: QApplication) -> None:
    soak = home_soak.run(transitions=300, warm_up=100, read_every=20)
    assert len(soak.readings) == 11
    assert soak.fitted_drift < 15, soak.readings
