"""Today paints its countdown and checklist first; the skin check-in below them is made just
after that first paint, or at once when something asks for it, and then looks and works as if
it had always been there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checkin import CheckInPanel
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT

ZONE = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(ZONE))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TREATED.astimezone(UTC) + timedelta(days=2))


@pytest.fixture
def area(
    qtbot: QtBot, store: Store, content: ContentProvider, clock: ManualClock
) -> Iterator[RecoveryArea]:
    """Made, not yet shown (so not yet painted): each test adds its treatment first."""
    widget = RecoveryArea(RecoverySession(store, content, clock), lambda: LIGHT)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    yield widget


def test_the_check_in_is_made_just_after_todays_first_paint(
    qtbot: QtBot, area: RecoveryArea, store: Store
) -> None:
    store.add_treatment(TREATED.astimezone(UTC), ZONE)
    area.refresh()
    today = area.today
    assert not today.checkin_made and area.findChildren(CheckInPanel) == []
    area.show()
    qtbot.waitUntil(lambda: today.checkin_made)
    panel = today.checkin
    assert panel.isVisibleTo(area) and panel.symptoms  # filled in for today, not empty
    column = today.column
    # In its place: under "What is normal now", the next-session card after it.
    assert column.indexOf(panel) == column.indexOf(today.normal_card) + 1
    assert column.indexOf(today.next_session) > column.indexOf(panel)
    # In Tab's order too: the last box of the checklist, then the check-in's first answer.
    last_box = list(today.checkboxes.values())[-1].findChild(QCheckBox)
    first_answer = next(iter(next(iter(panel.symptoms.values())).buttons.values()))
    qtbot.waitUntil(first_answer.isVisible)  # shown from the event loop, as Qt does
    assert last_box is not None and next_tab_stop(last_box) is first_answer


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from `widget`: the next shown, enabled widget that takes Tab."""
    following = widget.nextInFocusChain()
    while following is not widget:
        if (
            following.focusPolicy() & Qt.FocusPolicy.TabFocus
            and following.isVisible()
            and following.isEnabled()
        ):
            return following
        following = following.nextInFocusChain()
    return widget


def test_asking_for_the_check_in_before_the_paint_makes_it_at_once_for_today(
    area: RecoveryArea, store: Store
) -> None:
    store.add_treatment(TREATED.astimezone(UTC), ZONE)
    area.refresh()
    panel = area.today.checkin
    assert area.today.checkin_made and area.findChildren(CheckInPanel) == [panel]
    assert panel.symptoms and not panel.isHidden()


def test_before_the_treatment_the_check_in_is_made_hidden(
    area: RecoveryArea, store: Store, clock: ManualClock
) -> None:
    store.add_treatment((TREATED + timedelta(days=5)).astimezone(UTC), ZONE)  # booked ahead
    area.refresh()
    assert area.today.state == "getting-ready"
    assert area.today.checkin.isHidden() and not area.today.ready_card.isHidden()
    clock.set(TREATED.astimezone(UTC) + timedelta(days=6))  # the day after it
    area.refresh()
    assert not area.today.checkin.isHidden()
