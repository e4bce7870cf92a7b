"""A kiosk visit, once thrown away, leaves nothing behind: the short, exact version of
build_scripts/kiosk_soak.py (whose slope over 20,000 screen changes moves with the allocator).

What these pin grew the kiosk by a few kilobytes a visit: each visit's choice buttons kept alive
by accessibility interfaces, a weak reference per visit on the long-lived usage counter, and
Qt's style-sheet caches keeping an entry for every scroll area's viewport (app.ui.style_caches).
"""

from __future__ import annotations

import gc
import sys
import weakref
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QPixmapCache

from app.ui.kiosk.setup import KioskTimings
from app.ui.kiosk.shell import KioskWindow
from tests.conftest import REPO
from tests.kiosk.conftest import MakeKiosk
from tests.malloc_in_use import malloc_in_use

sys.path.insert(0, str(REPO / "build_scripts"))

import kiosk_soak

# No idle reset and no slide change by the clock in the middle of a count.
STILL = KioskTimings(idle_ms=3_600_000, prompt_ms=20_000, slide_ms=3_600_000, hold_ms=250)


def _settle() -> None:
    kiosk_soak.settle()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kiosk_soak.settle()


def _visits(kiosk: KioskWindow, count: int) -> None:
    """`count` visits as the soak makes them, without its two attract-loop slide changes (their
    pictures come and go by the hundred kilobytes, which a count of bytes would take for growth
    or for its absence)."""
    steps = kiosk_soak.visit_steps(kiosk)[2:]
    for _ in range(count):
        for step in steps:
            step()
            _settle()


def _python_objects() -> Counter[str]:
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())


# pytest-qt would keep each of Qt's messages (the offscreen platform's "does not support
# propagateSizeHints()", a few a visit) for the report.
@pytest.mark.no_qt_log
@pytest.mark.skipif(malloc_in_use() is None, reason="counts bytes with glibc's mallinfo2")
def test_thrown_away_visits_leave_nothing_behind(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(STILL)
    kiosk.attract.reduce_motion = True
    _visits(kiosk, 5)  # first-use caches filled
    _python_objects()  # the first count makes a few objects of its own
    objects = _python_objects()
    usage_refs = weakref.getweakrefcount(kiosk._setup.usage)
    # Qt's pixmap cache takes up to 10 MB (each visit's icons and pictures, about 750 KB a
    # visit here, until it starts evicting): bounded, and emptied before each count.
    QPixmapCache.clear()
    malloc_before = malloc_in_use()
    _visits(kiosk, 4)
    gc.collect()
    QPixmapCache.clear()
    malloc_after = malloc_in_use()  # before counting objects, which takes memory of its own
    grown = {kind: n - objects[kind] for kind, n in _python_objects().items()}
    assert {kind: n for kind, n in grown.items() if n >= 4} == {}  # one or more a visit
    assert weakref.getweakrefcount(kiosk._setup.usage) == usage_refs
    # Qt's style caches kept about 14 KB a visit; up to a couple of KB either way are noise.
    assert malloc_before is not None and malloc_after is not None
    per_visit = (malloc_after - malloc_before) / 4
    assert per_visit < 4096, f"{per_visit:.0f} bytes a visit"
