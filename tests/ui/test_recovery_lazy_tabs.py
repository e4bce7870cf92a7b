"""My recovery makes only what is on screen: Today (or the first treatment's form), and each
other tab when it is first opened, in its place, under its name, showing the current plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.recovery_session import RecoverySession
from app.ui.screens.day_preview import DayPreview
from app.ui.screens.recovery import PREVIEW_TAB, TIMELINE_TAB, TREATMENTS_TAB, RecoveryArea
from app.ui.screens.timeline import TimelineView
from app.ui.screens.treatment_form import TreatmentForm
from app.ui.screens.treatments_list import TreatmentsView
from app.ui.theme import LIGHT

ZONE = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(ZONE))


@pytest.fixture
def area(qtbot: QtBot, store: Store, content: ContentProvider) -> Iterator[RecoveryArea]:
    store.add_treatment(TREATED.astimezone(UTC), ZONE)
    clock = ManualClock(TREATED.astimezone(UTC) + timedelta(days=2))
    widget = RecoveryArea(RecoverySession(store, content, clock), lambda: LIGHT)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    yield widget


def test_with_a_treatment_only_today_is_made_at_first(area: RecoveryArea) -> None:
    assert area.tabs.currentWidget() is area.today and area.today.isVisible()
    for kind in (TimelineView, DayPreview, TreatmentsView, TreatmentForm):
        assert area.findChildren(kind) == [], kind.__name__
    names = [area.tabs.tabText(i) for i in range(area.tabs.count())]
    assert names == ["Today", "Timeline", "Preview a day", "My treatments"]
    assert [b.text() for b in area.tab_row.buttons] == names


@pytest.mark.parametrize(
    ("index", "kind"),
    [(TIMELINE_TAB, TimelineView), (PREVIEW_TAB, DayPreview), (TREATMENTS_TAB, TreatmentsView)],
)
def test_a_tab_opened_from_the_tab_row_is_made_in_its_place_and_shown(
    qtbot: QtBot, area: RecoveryArea, index: int, kind: type
) -> None:
    area.tab_row.buttons[index].click()
    made = area.findChildren(kind)
    assert len(made) == 1
    page = area.tabs.widget(index)
    assert made[0] is page or page.isAncestorOf(made[0])
    assert area.tabs.currentIndex() == index and made[0].isVisible()
    assert area.tab_row.buttons[index].isChecked()
    assert area.tabs.tabText(index) == area.tab_row.buttons[index].text()
    area.tab_row.buttons[0].click()  # and back: made once, kept
    area.tab_row.buttons[index].click()
    assert len(area.findChildren(kind)) == 1


def test_tabs_made_later_show_the_plan_of_today(area: RecoveryArea) -> None:
    area.tab_row.buttons[TIMELINE_TAB].click()
    assert area.timeline.rows  # the recovery plan's rows
    area.tab_row.buttons[PREVIEW_TAB].click()
    assert area.preview.day == 3  # two days after the treatment: its third day
    area.tab_row.buttons[TREATMENTS_TAB].click()
    assert len(area.treatments.session_rows()) == 1


def test_a_change_reaches_a_tab_made_before_it(area: RecoveryArea, store: Store) -> None:
    area.tab_row.buttons[TREATMENTS_TAB].click()
    area.treatments.open_form()
    area.tab_row.buttons[0].click()
    area._session.add(TREATED.astimezone(UTC) - timedelta(weeks=6), ZONE)
    area.tab_row.buttons[TREATMENTS_TAB].click()
    assert len(area.treatments.session_rows()) == 2
