"""Getting ready on Today: a booked treatment's before-treatment list, its ticks and its
reminders, turning into recovery at the treatment time (test pack: stop actives 7 days before,
no tanning 21, medicines list 3, clean skin and a note on the day)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.recovery_session import RecoverySession
from app.ui.reminders import Reminders
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT

NEW_YORK = "America/New_York"
BOOKED = datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo(NEW_YORK))  # a Tuesday


@pytest.fixture
def us_english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 5, 15, 0, tzinfo=UTC))  # 10:00 in New York, Thu 5 Mar


@pytest.fixture
def session(store: Store, content: ContentProvider, clock: ManualClock) -> RecoverySession:
    session = RecoverySession(store, content, clock)
    session.add(BOOKED, NEW_YORK)
    return session


@pytest.fixture
def area(qtbot: QtBot, session: RecoverySession) -> Iterator[RecoveryArea]:
    widget = RecoveryArea(session, lambda: LIGHT, lambda _p, _q: True)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    yield widget


def test_the_list_is_shown_by_when_each_item_applies_and_a_tick_is_kept(
    us_english: None, area: RecoveryArea, session: RecoverySession
) -> None:
    today = area.today
    assert today.countdown.text() == "Your treatment is in 5 days"
    headings = [label.text().replace("\xa0", " ") for label in today.ready_list.headings]
    assert headings == [
        "From Tue 17 Feb (21 days before)",
        "From Tue 3 Mar (7 days before)",
        "From Sat 7 Mar (3 days before)",
        "On the day",
    ]
    assert list(today.ready_list.rows) == [
        "no-tanning",
        "stop-actives",
        "medicines-list",
        "clean-skin",
    ]  # the reschedule line is a note, not a box
    today.ready_list.rows["stop-actives"].click()
    treatment = session.records()[0]
    assert "before:stop-actives" in session.marks(treatment.id, BOOKED.date())
    area.refresh()
    assert today.ready_list.rows["stop-actives"].isChecked()


def test_the_checklist_turns_into_recovery_at_the_treatment_time(
    area: RecoveryArea, clock: ManualClock
) -> None:
    today = area.today
    clock.set(BOOKED.astimezone(UTC) - timedelta(seconds=1))
    area.refresh()
    assert today.state == "getting-ready" and today.ready_card.isVisibleTo(area)
    clock.set(BOOKED.astimezone(UTC))
    area.refresh()
    assert today.state == "recovering"
    assert not today.ready_card.isVisibleTo(area)
    assert today.checkboxes  # the day-1 checklist, from the same record


def test_each_getting_ready_reminder_shows_once_from_its_start_date(
    session: RecoverySession, clock: ManualClock
) -> None:
    fired: list[str] = []
    reminders = Reminders(session)
    reminders.reminder.connect(lambda _title, text: fired.append(text))
    reminders.check()
    reminders.check()
    # Thu 5 Mar: no tanning (from 17 Feb) and stop actives (from 3 Mar) apply; the rest later.
    assert len(fired) == 2 and all(text.startswith("Test:") for text in fired)
    clock.set(datetime(2026, 3, 7, 15, 0, tzinfo=UTC))  # Sat 7 Mar, 10:00
    reminders.check()
    assert len(fired) == 3 and "medicines" in fired[-1]
