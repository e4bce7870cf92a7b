"""My treatments: costs that do not grow with the history. Today opens as fast with 200 saved
treatments as with one (the list is made when first shown), and a change touches one row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.recovery_session import RecoverySession
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT

NOW = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
ZONE = "Europe/London"


def _area(qtbot: QtBot, store: Store, content: ContentProvider, treatments: int) -> RecoveryArea:
    """The area over ``treatments`` saved sessions, the latest two days ago, the others every
    six weeks before it."""
    for n in range(treatments):
        store.add_treatment(NOW - timedelta(days=2, weeks=6 * n), ZONE)
    session = RecoverySession(store, content, ManualClock(NOW))
    area = RecoveryArea(session, lambda: LIGHT, lambda _parent, _question: True)
    qtbot.addWidget(area)
    area.resize(1000, 800)
    area.show()
    return area


def _widgets(area: RecoveryArea) -> int:
    return len(area.findChildren(QWidget))


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Fresh stores, each in its own folder, closed at the end."""
    opened: list[Store] = []

    def open_one() -> Store:
        folder = tmp_path / f"data{len(opened)}"
        folder.mkdir(mode=0o700)
        opened.append(Store.open(folder))
        return opened[-1]

    yield open_one
    for store in opened:
        store.close()


def test_today_is_built_with_as_many_widgets_for_200_sessions_as_for_one(
    qtbot: QtBot, stores: Callable[[], Store], content: ContentProvider
) -> None:
    one = _area(qtbot, stores(), content, 1)
    many = _area(qtbot, stores(), content, 200)
    for area in (one, many):
        assert area.tabs.currentWidget() is area.today
        assert area.treatments.rows.count() == 0  # not made until My treatments is shown
    assert _widgets(many) == _widgets(one)
    many.tabs.setCurrentWidget(many.treatments)
    assert many.treatments.rows.count() == 200


def _rows(area: RecoveryArea) -> list[tuple[QWidget, str]]:
    return [(row, row.label.text()) for row in area.treatments.session_rows()]


def test_adding_changing_and_deleting_a_session_touch_one_row(
    qtbot: QtBot, stores: Callable[[], Store], content: ContentProvider
) -> None:
    area = _area(qtbot, stores(), content, 3)
    area.tabs.setCurrentWidget(area.treatments)
    before = _rows(area)
    assert [text.split(":")[0] for _, text in before] == ["Session 1", "Session 2", "Session 3"]
    session = area.treatments._session
    last = session.records()[-1]

    session.update(last, last.treated_at + timedelta(hours=1), ZONE)  # a later time, same day
    after = _rows(area)
    assert [row for row, _ in after] == [row for row, _ in before]  # the same widgets
    assert [text for _, text in after][:2] == [text for _, text in before][:2]
    assert after[2][1] != before[2][1]

    session.add(NOW - timedelta(weeks=30), ZONE)  # before all others: becomes session 1
    added = _rows(area)
    assert len(added) == 4 and added[0][0] not in {row for row, _ in before}
    assert [row for row, _ in added[1:]] == [row for row, _ in before]  # kept, renumbered
    assert added[1][1].startswith("Session 2")

    session.delete(session.records()[0].id)
    assert [row for row, _ in _rows(area)] == [row for row, _ in before]
    assert _rows(area)[0][1].startswith("Session 1")


def test_a_change_while_the_list_is_hidden_shows_when_it_is_opened(
    qtbot: QtBot, stores: Callable[[], Store], content: ContentProvider
) -> None:
    area = _area(qtbot, stores(), content, 2)
    area.tabs.setCurrentWidget(area.treatments)
    area.tabs.setCurrentWidget(area.today)
    area.treatments._session.add(NOW - timedelta(days=1), ZONE)
    assert area.treatments.rows.count() == 2  # hidden: nothing made yet
    area.tabs.setCurrentWidget(area.treatments)
    assert area.treatments.rows.count() == 3
