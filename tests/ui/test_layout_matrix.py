"""The layout matrix: every area and every My recovery tab of the home window, at three window
sizes, four text sizes and three themes, with nothing cut off and nothing scrolling sideways;
and the colour pairs of each theme at WCAG AA. One window per theme and text size, resized for
each size, keeps the matrix to a few seconds a theme.

Set MNC_LAYOUT_SHOTS=/some/folder to also save a screenshot of each area at 800 x 600 with the
largest text and at 1280 x 800 with the normal text (tests/layout_check.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window
from app.ui.contrast import contrast_ratio
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.theme import PALETTES, TEXT_STEPS, THEMES
from tests.layout_check import layout_problems, save_shot
from tests.ui.test_theme import PAIRS

SIZES = ((800, 600), (1280, 800), (1920, 1080))
AREAS = ("learn", "recovery", "warning", "settings", "about")
NOW = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)  # day 3 of a recovery: every tab has content
# Pairs drawn only as large text or as parts of controls (borders, rings, ticks): 3:1 (WCAG
# 1.4.3 large text, 1.4.11 non-text contrast).
LARGE_OR_UI_PAIRS = [
    ("primary", "surface"),
    ("border", "background"),
    ("border", "surface"),
    ("focus", "background"),
    ("focus", "surface"),
]


def _window(
    qtbot: QtBot,
    content: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    theme: str,
    step: int,
    treated: bool,
) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs = Preferences(store)
    prefs.set_welcome_seen()
    prefs.set_theme(theme)
    prefs.set_text_step(step)
    if treated:
        store.add_treatment(NOW - timedelta(days=2), "America/New_York")
    session = RecoverySession(store, content, ManualClock(NOW))
    window = build_home_window(app, prefs, content, data_dir, None, qsettings, session)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.choose_start is None)  # it goes to today's area first
    return window


def _every_page(window: MainWindow, size: tuple[int, int], shot: str | None) -> list[str]:
    """Show each area (and each tab of a tabbed one) at `size`; the problems found, named."""
    window.resize(*size)
    found: list[str] = []
    for key in AREAS:
        window.go_to(key)
        area = window.area_widget(key)
        tabs = area.findChildren(QTabWidget)
        pages: list[tuple[str, QTabWidget | None, int]] = [(key, None, 0)]
        if tabs and tabs[0].isVisibleTo(window):
            pages = [(f"{key}/{tabs[0].tabText(i)}", tabs[0], i) for i in range(tabs[0].count())]
        if key == "learn":  # the first screen, the last (its longer Next), the contents
            pages += [("learn/last", None, -1), ("learn/contents", None, 1)]
        for name, tab_widget, index in pages:
            if tab_widget is not None:
                tab_widget.setCurrentIndex(index)
            if key == "learn":
                area.go_to_index(index if index <= 0 else 0)  # type: ignore[attr-defined]
                if index == -1:
                    area.go_to_index(len(area._screens()) - 1)  # type: ignore[attr-defined]
                area.pages.setCurrentIndex(max(index, 0))  # type: ignore[attr-defined]
            for _ in range(3):  # a word-wrapped label's height settles a pass after its width
                QApplication.processEvents()
            found += [f"{size[0]}x{size[1]} {name}: {line}" for line in layout_problems(window)]
            if shot is not None:
                save_shot(window, f"{shot}-{name.replace('/', '-').replace(' ', '_')}")
    return found


@pytest.mark.parametrize("step", range(len(TEXT_STEPS)))
@pytest.mark.parametrize("theme", THEMES)
def test_no_area_or_tab_is_cut_off_or_scrolls_sideways(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
    theme: str,
    step: int,
) -> None:
    window = _window(qtbot, loaded_content, store, data_dir, qsettings, theme, step, True)
    found: list[str] = []
    for size in SIZES:
        shot = None
        if (size == (800, 600) and step == len(TEXT_STEPS) - 1) or (
            size == (1280, 800) and step == 0
        ):
            shot = f"{theme}-{size[0]}x{size[1]}-text{step}"
        found += _every_page(window, size, shot)
    assert not found, "\n".join(found[:40])


@pytest.mark.parametrize("step", range(len(TEXT_STEPS)))
def test_no_area_is_cut_off_before_any_treatment_is_entered(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
    step: int,
) -> None:
    window = _window(qtbot, loaded_content, store, data_dir, qsettings, "light", step, False)
    found: list[str] = []
    for size in SIZES:
        found += _every_page(window, size, None)
    assert not found, "\n".join(found[:40])


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_pair_is_readable(theme: str) -> None:
    palette = PALETTES[theme]
    low = [
        f"{fg} on {bg}: {ratio:.2f}:1"
        for fg, bg in PAIRS
        if (ratio := contrast_ratio(getattr(palette, fg), getattr(palette, bg))) < 4.5
    ]
    low += [
        f"{fg} on {bg}: {ratio:.2f}:1"
        for fg, bg in LARGE_OR_UI_PAIRS
        if (ratio := contrast_ratio(getattr(palette, fg), getattr(palette, bg))) < 3
    ]
    assert not low, f"{theme}: " + ", ".join(low)


def test_a_chosen_tab_has_room_for_its_bold_name(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
) -> None:
    """The stylesheet makes the chosen tab bold, which no size hint sees by itself: a tab
    sized for its plain words cut its bold ones ("Timelin")."""
    step = len(TEXT_STEPS) - 1
    window = _window(qtbot, loaded_content, store, data_dir, qsettings, "light", step, True)
    window.resize(800, 600)
    window.go_to("recovery")
    row = window.area_widget("recovery").tab_row  # type: ignore[attr-defined]
    for button in row.buttons:
        button.click()
        QApplication.processEvents()
        bold = QFont(button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        need = QFontMetrics(bold).horizontalAdvance(button.text()) + 2 * 16  # padding
        assert button.width() >= need, button.text()


def test_learn_paragraphs_are_apart_and_list_items_closer(
    qtbot: QtBot, loaded_content: ContentProvider, app_style: QApplication
) -> None:
    """A blank line in the Markdown shows as space between paragraphs (Qt's reader spaced
    them by a point size the theme's pixel-sized font does not have: no gap at all)."""
    from app.ui.screens.learn import LearnArea

    area = LearnArea(loaded_content)
    qtbot.addWidget(area)
    area.resize(1000, 700)
    area.go_to_index(0)
    document = area.view.document()
    px = area.view.fontInfo().pixelSize()
    paragraphs, items = [], []
    block = document.begin()
    while block.isValid():
        listed = block.textList()
        if listed is not None and listed.itemNumber(block) < listed.count() - 1:
            items.append(block.blockFormat().bottomMargin())
        elif block.text().strip("\ufffc ") and not block.blockFormat().headingLevel():
            paragraphs.append(block.blockFormat().bottomMargin())
        block = block.next()
    assert paragraphs and min(paragraphs) >= px / 2, (px, paragraphs)
    assert items and 0 < max(items) < min(paragraphs)


def test_a_session_line_stays_on_one_line_beside_its_buttons_in_a_wide_window(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
) -> None:
    window = _window(qtbot, loaded_content, store, data_dir, qsettings, "light", 0, True)
    window.resize(1280, 800)
    window.go_to("recovery")
    area = window.area_widget("recovery")
    area.tabs.setCurrentWidget(area.treatments)  # type: ignore[attr-defined]
    for _ in range(3):
        QApplication.processEvents()
    label = area.treatments.findChildren(QLabel)  # type: ignore[attr-defined]
    line = next(w for w in label if w.text().startswith("Session 1:"))
    assert line.heightForWidth(line.width()) < line.fontMetrics().height() * 1.5, line.text()
