from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.plan import RecoveryPlan, build_plan
from app.render.content_provider import ContentProvider
from app.ui.screens.timeline import TimelineView
from app.ui.theme import DARK, LIGHT, Palette, stylesheet
from tests.fixtures.testpack import PROTOCOL, TEXT
from tests.ui.conftest import NEW_YORK, TREATED


@pytest.fixture
def us_english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def _plain(text: str) -> str:
    """CLDR puts a narrow no-break space before AM/PM; compare with ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def _timeline(
    qtbot: QtBot, plan: RecoveryPlan, now: datetime, theme: Palette = LIGHT
) -> TimelineView:
    view = TimelineView(lambda: theme)
    qtbot.addWidget(view)
    view.set_plan(plan, now)
    return view


def test_every_milestone_shows_its_label_and_from_about_its_local_time(
    qtbot: QtBot, plan: RecoveryPlan, us_english: None
) -> None:
    view = _timeline(qtbot, plan, TREATED + timedelta(hours=30))
    assert [row.key for row in view.rows] == ["treatment"] + [m.rule_id for m in plan.milestones]
    assert view.rows[0].title.text() == "Your treatment"
    assert _plain(view.rows[0].date_text) == "Sat 7 Mar, 4:00 PM"
    for row, milestone in zip(view.rows[1:], plan.milestones, strict=True):
        assert row.title.text() == milestone.label
        assert row.at == milestone.at
    by_key = {row.key: row for row in view.rows}
    # The test pack's 30 hours after 16:00 EST is 23:00 EDT: the clocks went forward that night.
    assert _plain(by_key["makeup"].date_text) == "From about 11:00 PM on Sun 8 Mar"
    assert "From about 11:00 PM on Sun 8 Mar" in _plain(by_key["makeup"].when.text())
    # Rules in days keep the wall-clock time: sun care 10 days. The next session (35 days) is
    # no appointment: a date, no time.
    assert _plain(by_key["sun"].date_text) == "From about 4:00 PM on Tue 17 Mar"
    assert _plain(by_key["next_session"].date_text) == "Due around Sat 11 Apr"


def test_a_time_off_the_half_hour_is_shown_from_about_the_next_one(
    qtbot: QtBot, us_english: None
) -> None:
    plan = build_plan(TREATED + timedelta(minutes=7), NEW_YORK, PROTOCOL, TEXT)
    view = _timeline(qtbot, plan, TREATED)
    by_key = {row.key: row for row in view.rows}
    assert _plain(by_key["treatment"].date_text) == "Sat 7 Mar, 4:07 PM"  # the real time
    assert _plain(by_key["makeup"].date_text) == "From about 11:30 PM on Sun 8 Mar"


def test_dates_follow_the_locale_and_the_plan_zone_not_the_machine(
    qtbot: QtBot, plan: RecoveryPlan
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        view = _timeline(qtbot, plan, TREATED)
    finally:
        QLocale.setDefault(before)
    by_key = {row.key: row for row in view.rows}
    assert by_key["treatment"].date_text == "Sat 7 Mar, 16:00"
    assert _plain(by_key["makeup"].date_text) == "From about 23:00 on Sun 8 Mar"


def test_passed_and_ahead_follow_now(qtbot: QtBot, plan: RecoveryPlan) -> None:
    view = _timeline(qtbot, plan, TREATED - timedelta(hours=1))
    assert not any(row.done for row in view.rows)
    assert view.now_index == 0
    assert view.describe().splitlines()[0] == "Now"

    makeup = next(m for m in plan.milestones if m.rule_id == "makeup")
    view.set_plan(plan, makeup.at)  # due exactly now counts as passed
    assert [row.done for row in view.rows] == [True, True] + [False] * (len(view.rows) - 2)
    assert view.now_index == 2
    assert view.describe().splitlines()[2] == "Now"
    for row in view.rows:
        assert ("Done" in row.when.text()) is row.done
        assert row.plain.endswith("Done") is row.done

    view.set_plan(plan, TREATED + timedelta(days=60))
    # Every milestone has passed, but the next session is not "Done" until it is entered.
    assert [row.done for row in view.rows] == [True] * (len(view.rows) - 1) + [False]
    assert view.rows[-1].key == "next_session"
    assert view.now_index == len(view.rows)
    assert view.describe().splitlines()[-1] == "Now"


def test_same_plan_updates_in_place_and_a_new_plan_replaces_the_rows(
    qtbot: QtBot, plan: RecoveryPlan, content: ContentProvider
) -> None:
    view = _timeline(qtbot, plan, TREATED)
    view.show()
    first = [row.title for row in view.rows]
    view.set_plan(plan, TREATED + timedelta(days=3))  # the recovery screen's 10 s tick
    assert [row.title for row in view.rows] == first
    assert view.now_index == 3

    c = content.content()
    later = build_plan(TREATED + timedelta(days=1), NEW_YORK, c.protocol, c.text)
    view.set_plan(later, TREATED + timedelta(days=3))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # let deleteLater run
    titles = [w for w in view.findChildren(QLabel) if w.text() == "Your treatment"]
    assert len(titles) == 1
    assert len(view.rows) == 1 + len(later.milestones)
    assert view.rows[0].at == later.treated_at
    qtbot.waitUntil(lambda: all(row.title.isVisible() for row in view.rows))


def test_accessible_name_and_every_row_in_the_description(qtbot: QtBot, plan: RecoveryPlan) -> None:
    view = _timeline(qtbot, plan, TREATED + timedelta(days=2))
    assert view.accessibleName() == "Recovery timeline"
    description = view.accessibleDescription()
    for row in view.rows:
        assert row.title.text() in description
        assert row.date_text in description
        assert row.title.accessibleName() == row.title.text()
        assert row.date_text in row.when.accessibleName()
    assert "Now" in description.splitlines()


def test_done_colour_follows_the_palette(qtbot: QtBot, plan: RecoveryPlan) -> None:
    theme = [LIGHT]
    view = TimelineView(lambda: theme[0])
    qtbot.addWidget(view)
    view.set_plan(plan, TREATED + timedelta(days=2))
    assert LIGHT.success in view.rows[0].when.text()
    theme[0] = DARK
    view.refresh()
    assert DARK.success in view.rows[0].when.text()


@pytest.mark.parametrize(("step", "width"), [(0, 900), (3, 420), (3, 360)])
def test_rows_never_clip(
    qtbot: QtBot, plan: RecoveryPlan, app_style: QApplication, step: int, width: int
) -> None:
    app_style.setStyleSheet(stylesheet("light", step))
    view = _timeline(qtbot, plan, TREATED + timedelta(days=2))
    view.resize(width, 200)
    view.show()
    qtbot.waitExposed(view)
    assert view.hasHeightForWidth()
    view.resize(width, view.heightForWidth(width))
    QApplication.processEvents()
    labels = [label for row in view.rows for label in (row.title, row.when)]
    labels.insert(view.now_index * 2, view.now_label)
    for label in labels:
        assert label.isVisible()
        assert label.height() >= label.heightForWidth(label.width()), label.text()
        assert label.geometry().right() < view.width(), label.text()
        assert label.geometry().bottom() < view.height(), label.text()
    for upper, lower in pairwise(labels):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.text(), lower.text())
    # The text sits right of the rail, which grows with the font.
    assert min(label.x() for label in labels) >= 48
