"""What lets the kiosk run for months: no gesture type per visit, each drawing rendered once per
size, and a fade that draws one still instead of re-rendering the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QScroller
from pytestqt.qtbot import QtBot

from app.render.content_provider import ContentProvider
from app.ui.kiosk import attract as attract_module
from app.ui.kiosk.attract import AttractLoop
from app.ui.kiosk.shell import KioskWindow
from app.ui.kiosk.touch_scroll import flick_gesture
from tests.kiosk.conftest import MakeKiosk


def _next_gesture_type() -> int:
    """The type Qt gives the next registered recognizer (it never gives one back)."""
    probe = QObject()
    try:
        return QScroller.grabGesture(probe, QScroller.ScrollerGestureType.TouchGesture).value
    finally:
        QScroller.ungrabGesture(probe)


def _visit_every_screen(kiosk: KioskWindow) -> None:
    kiosk.begin_visit()
    for key in ("learn", "warning", "preview", "start"):
        kiosk.go(key)
    kiosk.reset()


def test_visits_register_no_new_gesture_types(kiosk: KioskWindow) -> None:
    _visit_every_screen(kiosk)  # the first visit may register the one flick gesture
    before = _next_gesture_type()
    for _ in range(3):
        _visit_every_screen(kiosk)
    # Before: three gesture types per visit, each kept by Qt for good (about 12 KiB a visit).
    assert _next_gesture_type() == before + 1


def test_every_page_of_a_visit_scrolls_by_finger(kiosk: KioskWindow) -> None:
    kiosk.begin_visit()
    assert kiosk.visit is not None
    for key in ("learn", "warning", "preview"):
        kiosk.go(key)
    areas = kiosk.visit.findChildren(QAbstractScrollArea)
    assert len(areas) >= 3
    for area in areas:
        assert QScroller.hasScroller(area.viewport()), area.objectName()
    # The same gesture type for every page and every visit.
    assert flick_gesture() == flick_gesture()


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every drawing the attract loop renders from now on, in order."""
    paths: list[Path] = []
    real = attract_module.render_svg

    def counting(path: Path, **size: int) -> QImage | None:
        paths.append(path)
        return real(path, **size)

    monkeypatch.setattr(attract_module, "render_svg", counting)
    return paths


def test_each_drawing_is_rendered_once_per_size(
    qtbot: QtBot, loaded_content: ContentProvider, rendered: list[Path]
) -> None:
    loop = AttractLoop(loaded_content, reduce_motion=True, interval_ms=60_000)
    qtbot.addWidget(loop)
    loop.resize(1280, 720)
    loop.show()
    qtbot.waitExposed(loop)
    qtbot.wait(20)  # the drawing for the new size, after the layout settled
    drawings = {s.illustration for s in loop.slides if s.illustration is not None}
    for _ in range(len(loop.slides)):  # once round the loop: each drawing for this size
        loop.advance()
    assert set(rendered) == drawings
    assert len(rendered) <= 2 * len(drawings)  # once, or once more to fit the height
    rendered.clear()
    for _ in range(2 * len(loop.slides)):  # twice more: nothing rendered again
        loop.advance()
    assert rendered == []
    assert loop.picture.pixmap() is not None and not loop.picture.pixmap().isNull()

    rendered.clear()
    loop.resize(1000, 700)  # another size: drawn anew, for that size
    qtbot.wait(20)
    for _ in range(len(loop.slides)):
        loop.advance()
    assert set(rendered) == drawings


@pytest.mark.parametrize("reduce_motion", [False, True], ids=["fade", "reduced motion"])
def test_every_drawing_is_rendered_before_its_slide_comes_round(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    monkeypatch: pytest.MonkeyPatch,
    reduce_motion: bool,
    rendered: list[Path],
) -> None:
    monkeypatch.setattr(attract_module, "PREPARE_MS", 50)
    loop = AttractLoop(loaded_content, reduce_motion=reduce_motion, interval_ms=200)
    qtbot.addWidget(loop)
    loop.resize(1280, 720)
    loop.show()
    qtbot.waitExposed(loop)
    loop.start()
    qtbot.waitUntil(lambda: loop.prepared(), timeout=5000)
    drawings = {s.illustration for s in loop.slides if s.illustration is not None}
    assert set(rendered) == drawings  # all of them, before their slides came
    rendered.clear()
    shown = {loop.index}
    qtbot.waitUntil(lambda: shown.add(loop.index) or len(shown) == len(loop.slides), timeout=10_000)
    assert rendered == []  # a whole round of slide changes, and no drawing rendered


def test_a_slide_change_cross_fades_two_stills_over_the_card(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    from app.ui.kiosk.setup import KioskTimings

    slow = KioskTimings(idle_ms=10_000, prompt_ms=1000, slide_ms=60_000, hold_ms=5000)
    loop = make_kiosk(slow).attract
    before = loop.card.grab().toImage()
    loop.advance()
    assert loop.card.graphicsEffect() is None  # no effect re-rendering the card every frame
    assert loop.fader.isVisible() and loop.fader.geometry() == loop.card.geometry()
    # The still on top is the slide going, the one under it the slide coming (the card's now).
    assert loop.fader.opacity == 1.0
    assert loop.fader.still.toImage().pixel(10, 10) == before.pixel(10, 10)
    assert loop.fader.under.size() == loop.fader.still.size()
    card = QRegion(QRect(QPoint(0, 0), loop.card.size()))
    assert not loop.fader.ink.isEmpty() and card.contains(loop.fader.ink.boundingRect())
    qtbot.waitUntil(lambda: 0.0 < loop.fader.opacity < 1.0, timeout=5000)  # half way
    qtbot.waitUntil(lambda: not loop.fading(), timeout=5000)
    # Over: the still of the slide now showing rests over the card (the same pixels; taking it
    # away would repaint the whole card), and the slide gone is not kept.
    assert loop.resting() and loop.fader.still.isNull() and loop.index == 1
    showing = loop.fader.under
    rgb = QImage.Format.Format_RGB32
    with_still = loop.grab(loop.card.geometry()).toImage().convertToFormat(rgb)
    loop.fader.hide()
    assert loop.grab(loop.card.geometry()).toImage().convertToFormat(rgb) == with_still
    loop.fader.show()
    loop.advance()  # the next change fades from that still: the card is not drawn for it again
    assert loop.fading() and loop.fader.still.cacheKey() == showing.cacheKey()
    loop.stop()  # a visit: the card itself shows again
    assert not loop.fader.isVisible() and loop.fader.under.isNull()


def test_a_still_resting_over_the_card_goes_when_the_loop_changes_size_or_motion(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    from app.ui.kiosk.setup import KioskTimings

    slow = KioskTimings(idle_ms=10_000, prompt_ms=1000, slide_ms=60_000, hold_ms=5000)
    loop = make_kiosk(slow).attract
    loop.fade_ms = 40
    loop.advance()
    qtbot.waitUntil(loop.resting, timeout=5000)
    loop.resize(loop.width() - 100, loop.height())  # the still would no longer fit
    assert not loop.fader.isVisible()
    loop.advance()
    qtbot.waitUntil(loop.resting, timeout=5000)
    loop.reduce_motion = True
    loop.advance()  # no fade: the card itself changes, so it must show
    assert not loop.fader.isVisible() and loop.index == 3


EXIT_AFTER_A_VISIT = """
import sys
from app.ui.application import GuiOptions, create_application
from app.ui.kiosk.run import build_kiosk
from app.domain.clock import ManualClock
from datetime import UTC, datetime
app = create_application()
kiosk, _ = build_kiosk(app, GuiOptions(), ManualClock(datetime(2026, 11, 24, 15, tzinfo=UTC)))
kiosk.begin_visit()
kiosk.go("learn")
kiosk.reset()
kiosk.allow_close()
"""


@pytest.mark.slow
def test_the_kiosk_process_exits_cleanly_after_visits(tmp_path: Path) -> None:
    # The one gesture recognizer is let go before Qt's clean-up: as a child of the application
    # it outlived Qt's gesture manager and the exit crashed (SIGSEGV).
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", EXIT_AFTER_A_VISIT], env=env, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0


def test_a_numbered_drawing_shows_what_its_numbers_stand_for(kiosk: KioskWindow) -> None:
    # The drawings carry numbers, not words: on the highlights (which show no Learn text) the
    # words for the numbers go under the drawing, in the kiosk's language.
    attract = kiosk.attract
    captioned = [i for i, slide in enumerate(attract.slides) if slide.caption]
    assert captioned, "the test pack has numbered drawings with captions"
    attract._show(captioned[0])
    assert attract.caption.isVisibleTo(attract)
    assert attract.caption.text().startswith("In the drawing: 1 is")
    assert "*" not in attract.caption.text()
    plain = [i for i, slide in enumerate(attract.slides) if not slide.caption]
    if plain:
        attract._show(plain[0])
        assert not attract.caption.isVisibleTo(attract)
