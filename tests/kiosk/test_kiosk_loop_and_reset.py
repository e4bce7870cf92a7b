"""The attract loop, the start screen, and the idle reset that forgets the visitor."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.ui.application import GuiOptions
from app.ui.kiosk.attract import AttractLoop
from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.run import build_kiosk
from app.ui.kiosk.setup import KioskTimings
from app.ui.kiosk.shell import KioskWindow
from app.ui.screens.learn import LearnArea
from tests.kiosk.conftest import FAST, STEADY, MakeKiosk, window_point


def test_the_kiosk_opens_on_the_attract_loop_with_touch_to_start(kiosk: KioskWindow) -> None:
    assert kiosk.current() == "attract"
    assert kiosk.attract.prompt.isVisible()
    assert "Touch" in kiosk.attract.prompt.text()
    assert kiosk.attract.timer.isActive()
    assert not kiosk.idle._running  # nothing to reset while nobody is there


def test_the_attract_loop_shows_every_highlight_in_turn_and_wraps(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    attract = kiosk.attract
    titles = [slide.title for slide in attract.slides]
    assert len(titles) >= 3
    assert titles[0] == "What is microneedling?"  # from the content pack, not from code
    seen = [attract.title.text()]
    for _ in range(len(titles)):
        before = attract.index
        qtbot.waitUntil(lambda before=before: attract.index != before, timeout=3000)
        seen.append(attract.title.text())
    assert seen[: len(titles)] == titles
    assert attract.index == 0 and seen[-1] == titles[0]


def test_slides_fade_unless_motion_is_reduced(
    make_kiosk: MakeKiosk, qtbot: QtBot, loaded_content: ContentProvider
) -> None:
    slow = KioskTimings(idle_ms=10_000, prompt_ms=1000, slide_ms=60_000, hold_ms=5000)
    moving = make_kiosk(slow).attract
    moving.advance()
    assert moving.fading()  # a soft fade out, then the next slide fades in
    qtbot.waitUntil(lambda: not moving.fading(), timeout=5000)
    assert moving.index == 1 and moving.resting()  # the new slide's still, until the next

    calm = AttractLoop(loaded_content, reduce_motion=True, interval_ms=60_000)
    qtbot.addWidget(calm)
    calm.advance()
    assert not calm.fading() and calm.index == 1  # at once, with no animation


def test_reduced_motion_from_the_clinic_config_reaches_the_loop(
    make_kiosk: MakeKiosk, clinic_config: Path
) -> None:
    text = clinic_config.read_text(encoding="utf-8").replace(
        "reduce_motion = false", "reduce_motion = true"
    )
    clinic_config.write_text(text, encoding="utf-8")
    kiosk = make_kiosk(config=clinic_config)
    assert kiosk.attract.reduce_motion
    kiosk.attract.advance()
    assert not kiosk.attract.fading()


def test_a_touch_on_the_attract_loop_opens_the_start_screen(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert kiosk.current() == "start"
    assert not kiosk.attract.timer.isActive()
    assert kiosk.visit is not None
    assert set(kiosk.visit.tiles) == {"learn", "preview", "warning"}
    for tile in kiosk.visit.tiles.values():
        assert tile.height() >= 48 and tile.width() >= 48
        assert tile.accessibleName()


def _visit_everything(kiosk: KioskWindow, qtbot: QtBot) -> tuple[LearnArea, PreviewArea]:
    """A visitor reads three screens, scrolls, and previews a treatment two days ago."""
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.visit is not None
    qtbot.mouseClick(kiosk.visit.tiles["learn"], Qt.MouseButton.LeftButton)
    learn = kiosk.visit.area("learn")
    assert isinstance(learn, LearnArea)
    qtbot.mouseClick(learn.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(learn.next_button, Qt.MouseButton.LeftButton)
    learn.view.verticalScrollBar().setValue(learn.view.verticalScrollBar().maximum())
    assert learn.current_screen_id() != "what-is-microneedling"
    qtbot.mouseClick(kiosk.home_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.visit.tiles["preview"], Qt.MouseButton.LeftButton)
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    qtbot.mouseClick(preview.picker.day_stepper.less, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.picker.day_stepper.less, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.picker.show_button, Qt.MouseButton.LeftButton)
    assert preview.result is not None
    preview.result.show_view(2)
    return learn, preview


def test_idle_asks_still_there_then_forgets_everything(kiosk: KioskWindow, qtbot: QtBot) -> None:
    learn, preview = _visit_everything(kiosk, qtbot)
    old_visit = kiosk.visit
    qtbot.waitUntil(kiosk.still_there.isVisible, timeout=2000)
    assert "Still there?" in kiosk.still_there.accessibleName()
    assert kiosk.current() == "preview"  # the prompt first; nothing is gone yet

    with qtbot.waitSignal(kiosk.reset_done, timeout=2000):
        pass
    assert kiosk.current() == "attract"
    assert not kiosk.still_there.isVisible()
    assert kiosk.attract.index == 0 and kiosk.attract.timer.isActive()

    # The next visitor gets new screens: first screen, top of the page, no chosen date.
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.visit is not None and kiosk.visit is not old_visit
    assert kiosk.current() == "start"
    fresh_learn = kiosk.visit.area("learn")
    assert isinstance(fresh_learn, LearnArea) and fresh_learn is not learn
    assert fresh_learn.current_screen_id() == "what-is-microneedling"
    assert fresh_learn.view.verticalScrollBar().value() == 0
    fresh_preview = kiosk.visit.area("preview")
    assert isinstance(fresh_preview, PreviewArea) and fresh_preview is not preview
    assert fresh_preview.result is None
    assert fresh_preview.picker.day == fresh_preview.picker.today
    for scroller in kiosk.visit.findChildren(QScrollArea):
        assert scroller.verticalScrollBar().value() == 0


def test_a_touch_during_still_there_keeps_the_visit(kiosk: KioskWindow, qtbot: QtBot) -> None:
    _visit_everything(kiosk, qtbot)
    visit = kiosk.visit
    qtbot.waitUntil(kiosk.still_there.isVisible, timeout=2000)
    qtbot.mouseClick(kiosk.still_there.stay, Qt.MouseButton.LeftButton)
    assert not kiosk.still_there.isVisible()
    qtbot.wait(FAST.prompt_ms + 100)  # past the moment the reset would have come
    assert kiosk.visit is visit and kiosk.current() == "preview"


def test_the_idle_time_comes_from_the_clinic_config(clinic_config: Path) -> None:
    text = clinic_config.read_text(encoding="utf-8")
    clinic_config.write_text(text.replace("idle_seconds = 90", "idle_seconds = 45"), "utf-8")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.styleSheet()
    window, _ = build_kiosk(app, GuiOptions(clinic_config=str(clinic_config)), printer_name="")
    try:
        assert window.idle._idle.interval() == 45_000
        assert window.idle.prompt_ms == 20_000  # WCAG 2.2.1: at least 20 s to answer
        assert window._timings.slide_ms == 10_000  # DESIGN.md: slides change every 8-12 s
    finally:
        window.allow_close()
        window.deleteLater()
        app.setStyleSheet(style)


def test_the_still_there_time_comes_from_the_clinic_config(clinic_config: Path) -> None:
    text = clinic_config.read_text(encoding="utf-8")
    clinic_config.write_text(text.replace("[kiosk]\n", "[kiosk]\nstill_there_seconds = 60\n"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.styleSheet()
    window, notices = build_kiosk(
        app, GuiOptions(clinic_config=str(clinic_config)), printer_name=""
    )
    try:
        assert notices == []
        assert window.idle.prompt_ms == 60_000
        assert window.idle._idle.interval() == 90_000
    finally:
        window.allow_close()
        window.deleteLater()
        app.setStyleSheet(style)


def test_the_countdown_in_the_preview_follows_the_clock(
    kiosk: KioskWindow, qtbot: QtBot, clock: ManualClock
) -> None:
    _, preview = _visit_everything(kiosk, qtbot)
    assert preview.result is not None
    first = preview.result.countdown.text()
    clock.advance(timedelta(hours=1))
    preview.result.refresh()
    assert preview.result.countdown.text() != first


def test_a_bad_clinic_config_is_told_to_staff_and_the_kiosk_runs_on(
    tmp_path: Path, qtbot: QtBot
) -> None:
    from app.ui.kiosk.run import show_notice

    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\naccent_colour = "#FFFF00"\n[kiosk]\nidle_seconds = 5\n', "utf-8")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.styleSheet()
    window, notices = build_kiosk(app, GuiOptions(clinic_config=str(config)), printer_name="")
    try:
        assert len(notices) == 1
        assert str(config) in notices[0]
        assert "clinic.accent_colour" in notices[0] and "kiosk.idle_seconds" in notices[0]
        assert window.idle._idle.interval() == 90_000  # the default for the bad value
        notice = show_notice(window, notices[0])
        assert notice.isVisibleTo(window)
    finally:
        window.allow_close()
        window.deleteLater()
        app.setStyleSheet(style)


def _check_targets_and_text(kiosk: KioskWindow) -> int:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    checked = 0
    for button in kiosk.findChildren(QAbstractButton):
        if button.isVisibleTo(kiosk):
            name = button.accessibleName() or button.text()
            assert button.height() >= 48, f"{name!r} is {button.height()} px high"
            assert name, "every control has a name for screen readers"
            checked += 1
    for label in kiosk.findChildren(QLabel):
        if label.text() and label.isVisibleTo(kiosk):
            size = label.font().pixelSize()
            assert size >= 20, f"{label.text()[:40]!r} is {size} px"
            checked += 1
    return checked


def test_every_kiosk_control_is_a_48px_target_and_text_is_at_least_20px(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(STEADY)
    counts = {"attract": _check_targets_and_text(kiosk)}
    kiosk.begin_visit()
    assert kiosk.visit is not None
    for key in ("start", "learn", "warning", "preview"):
        kiosk.go(key)
        qtbot.wait(10)
        counts[key] = _check_targets_and_text(kiosk)
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    preview.picker.confirm()
    assert preview.result is not None
    for view in range(3):
        preview.result.show_view(view)
        qtbot.wait(10)
        counts[f"view {view}"] = _check_targets_and_text(kiosk)
    kiosk.pin_pad.open()
    counts["pin"] = _check_targets_and_text(kiosk)
    assert all(count >= 3 for count in counts.values()), counts


def test_a_touch_on_the_top_bar_also_starts_but_the_staff_corner_does_not(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    # Through the window, as a finger's touch comes: the kiosk watches the window's input on
    # the bare loop (app.ui.kiosk.filters).
    window = kiosk.windowHandle()
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(window, left, pos=window_point(kiosk, kiosk.corner))
    qtbot.wait(20)
    assert kiosk.current() == "attract"  # staff holding the corner is not a visitor
    qtbot.mouseRelease(window, left, pos=window_point(kiosk, kiosk.corner))
    bar = kiosk.corner.parentWidget()
    assert bar is not None
    qtbot.mouseClick(window, left, pos=window_point(kiosk, bar, QPoint(bar.width() // 2, 10)))
    qtbot.waitUntil(lambda: kiosk.current() == "start", timeout=1000)
