"""Rules and tasks told apart on Today, and a reminder banner that moves nothing (test pack:
makeup 30 real hours; treated 16:00 EST on Sat 7 Mar 2026, the night before the clocks go
forward, so makeup is fine from 23:00 EDT on Sun 8 Mar)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPoint
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.main_window import MainWindow
from app.ui.recovery_session import RecoverySession
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT
from tests.fixtures.testpack import TEXT

NEW_YORK = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(NEW_YORK))
MAKEUP_OK = datetime(2026, 3, 8, 23, 0, tzinfo=ZoneInfo(NEW_YORK))  # 30 h later, after DST


@pytest.fixture
def us_english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_a_rule_row_flips_by_itself_at_its_milestone_across_a_clock_change(
    qtbot: QtBot, us_english: None, store: Store, content: ContentProvider
) -> None:
    clock = ManualClock(MAKEUP_OK.astimezone(UTC) - timedelta(minutes=1))
    session = RecoverySession(store, content, clock)
    session.add(TREATED, NEW_YORK)
    area = RecoveryArea(session, lambda: LIGHT)
    qtbot.addWidget(area)
    today = area.today
    assert "no-makeup" not in today.checkboxes  # a rule is no box to tick
    row = today.status_rows["no-makeup"]
    assert not row.lifted
    assert row.label.text().replace("\xa0", " ") == (
        TEXT.item("no-makeup") + " (until about 11:00 PM)"
    )
    clock.set(MAKEUP_OK.astimezone(UTC))
    area.refresh()
    row = today.status_rows["no-makeup"]
    assert row.lifted
    assert row.label.text().replace("\xa0", " ") == (
        TEXT.rule("makeup").milestone + " (since about 11:00 PM)"
    )
    # A rule that lifts on a later day says which day, not a bare time that reads as today's.
    clock.set(TREATED.astimezone(UTC) + timedelta(hours=2))
    area.refresh()
    row = today.status_rows["no-makeup"]
    assert row.label.text().replace("\xa0", " ") == (
        TEXT.item("no-makeup") + " (until about 11:00 PM on Sun 8 Mar)"
    )
    clock.set(MAKEUP_OK.astimezone(UTC))
    area.refresh()
    # The daily tasks stay tick boxes and the list counts them.
    assert "gentle-wash" in today.checkboxes
    assert today.count_label.text() == f"0 of {len(today.checkboxes)} done"


def test_the_reminder_banner_moves_nothing_under_the_pointer(window: MainWindow) -> None:
    window.go_to("settings")
    area = window.area_widget("settings")
    before = area.mapTo(window, QPoint(0, 0))
    window.show_banner("Makeup", "You can wear makeup again")
    assert window.banner.isVisible()
    assert area.mapTo(window, QPoint(0, 0)) == before
    assert area.geometry().height() == window.stack.height()


def test_today_and_the_day_preview_share_one_day_navigator(
    qtbot: QtBot, store: Store, content: ContentProvider
) -> None:
    clock = ManualClock(TREATED.astimezone(UTC) + timedelta(days=2))
    session = RecoverySession(store, content, clock)
    session.add(TREATED, NEW_YORK)
    area = RecoveryArea(session, lambda: LIGHT)
    qtbot.addWidget(area)
    assert type(area.today.nav) is type(area.preview.nav)
    assert area.today.nav.day_label.text() == area.preview.nav.day_label.text()  # day 3
    area.today.nav.prev_button.click()
    assert area.today.nav.day_label.text().startswith("Day 2 of ")
    assert area.today.today_button.isVisibleTo(area)
