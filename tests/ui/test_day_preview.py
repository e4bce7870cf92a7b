from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.plan import RecoveryPlan
from app.ui.screens.day_preview import EXTRA_DAYS, DayPreview, aftercare_finished_text, spans_on
from app.ui.theme import stylesheet

DAY_3 = date(2026, 3, 9)


def _preview(qtbot: QtBot, plan: RecoveryPlan, today: date = DAY_3) -> DayPreview:
    preview = DayPreview()
    qtbot.addWidget(preview)
    preview.set_plan(plan, today)
    return preview


def test_starts_on_today_with_day_n_of_total(qtbot: QtBot, plan: RecoveryPlan) -> None:
    preview = _preview(qtbot, plan)
    total = plan.recovery_length_days
    assert preview.day == 3
    assert preview.day_label.text() == f"Day 3 of {total}"
    assert preview.day_label.accessibleName() == f"Day 3 of {total}"
    # Day and year in the words Today's checklist uses for its day: "Monday 9 March 2026".
    assert preview.date_label.text() == "Monday 9 March 2026 (today)"
    preview.show_day(4)
    assert "(today)" not in preview.date_label.text()


@pytest.mark.parametrize("today", [date(2026, 3, 6), date(2026, 6, 1)])
def test_starts_on_day_1_when_today_is_outside_the_recovery(
    qtbot: QtBot, plan: RecoveryPlan, today: date
) -> None:
    assert _preview(qtbot, plan, today).day == 1


def test_each_day_shows_exactly_its_checklist(qtbot: QtBot, plan: RecoveryPlan) -> None:
    preview = _preview(qtbot, plan)
    for n in range(1, plan.recovery_length_days + EXTRA_DAYS + 1):
        preview.show_day(n)
        day = plan.treatment_date + timedelta(days=n - 1)
        expected = [entry.text for entry in plan.checklist_for(day)]
        assert [label.text() for label in preview.checklist_labels] == expected, n
        assert (preview.empty_label is not None) is (not expected), n


def test_phase_and_what_is_normal(qtbot: QtBot, plan: RecoveryPlan) -> None:
    preview = _preview(qtbot, plan)
    early_days = plan.phases[1]  # the test pack's second phase, to the end of day 4
    assert [label.text() for label in preview.phase_labels] == [early_days.name]
    assert [label.text() for label in preview.normal_labels] == list(early_days.normal)
    # Day 1 holds the first phase (from 16:00, 5 hours) and then the second (from 21:00).
    preview.show_day(1)
    right_after = plan.phases[0]
    assert [label.text() for label in preview.phase_labels] == [right_after.name, early_days.name]
    assert [label.text() for label in preview.normal_labels] == [
        *right_after.normal,
        *early_days.normal,
    ]
    # After the last restriction, the phase in force at noon holds.
    preview.show_day(preview.last_day)
    noon_span = spans_on(plan, preview.date_of(preview.last_day))
    assert [label.text() for label in preview.phase_labels] == [s.name for s in noon_span]
    assert preview.day_label.text() == f"Day {preview.last_day}"
    assert preview.after_label is not None
    # Aftercare is finished; sun care is not.
    assert preview.after_label.text() == aftercare_finished_text(plan)
    assert preview.after_label.text().endswith(". Keep using sunscreen every day.")


def test_buttons_step_and_stop_at_the_ends(qtbot: QtBot, plan: RecoveryPlan) -> None:
    preview = _preview(qtbot, plan)
    preview.show()
    assert preview.prev_button.accessibleName() == "Previous day"
    assert preview.next_button.accessibleName() == "Next day"
    with qtbot.waitSignal(preview.day_changed) as blocker:
        qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [4]
    assert preview.day_label.text().startswith("Day 4 of")
    qtbot.mouseClick(preview.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.prev_button, Qt.MouseButton.LeftButton)
    assert preview.day == 1
    assert not preview.prev_button.isEnabled()
    with qtbot.assertNotEmitted(preview.day_changed):
        preview.show_day(0)
        qtbot.mouseClick(preview.prev_button, Qt.MouseButton.LeftButton)
    assert preview.day == 1
    preview.show_day(preview.last_day)
    assert preview.last_day == plan.recovery_length_days + EXTRA_DAYS
    assert not preview.next_button.isEnabled()
    preview.show_day(preview.last_day + 5)
    assert preview.day == preview.last_day


def test_arrow_keys_step_and_stop_at_the_ends(qtbot: QtBot, plan: RecoveryPlan) -> None:
    preview = _preview(qtbot, plan)
    preview.show()
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    assert preview.day == 4
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    assert preview.day == 2
    # On a focused button the arrows move days too, not focus.
    qtbot.keyClick(preview.next_button, Qt.Key.Key_Left)
    qtbot.keyClick(preview.next_button, Qt.Key.Key_Left)
    qtbot.keyClick(preview.next_button, Qt.Key.Key_Left)
    assert preview.day == 1
    preview.show_day(preview.last_day - 1)
    qtbot.keyClick(preview.prev_button, Qt.Key.Key_Right)
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    assert preview.day == preview.last_day


def test_buttons_are_tab_stops_and_touch_sized(
    qtbot: QtBot, plan: RecoveryPlan, app_style: QApplication
) -> None:
    app_style.setStyleSheet(stylesheet("light", 0))
    preview = _preview(qtbot, plan)
    preview.resize(900, 600)
    preview.show()
    qtbot.waitExposed(preview)
    for button in (preview.prev_button, preview.next_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.height() >= 48 and button.width() >= 48


@pytest.mark.parametrize(("step", "width", "stacked"), [(0, 900, False), (3, 360, True)])
def test_nothing_clips(
    qtbot: QtBot,
    plan: RecoveryPlan,
    app_style: QApplication,
    step: int,
    width: int,
    stacked: bool,
) -> None:
    app_style.setStyleSheet(stylesheet("light", step))
    preview = _preview(qtbot, plan)
    preview.show_day(1)  # the longest day
    preview.resize(width, 300)
    preview.show()
    qtbot.waitExposed(preview)
    preview.resize(width, preview.heightForWidth(width))
    QApplication.processEvents()
    assert preview.stacked is stacked
    labels = [
        preview.day_label,
        preview.date_label,
        *preview.phase_labels,
        *preview.normal_labels,
        *preview.checklist_labels,
    ]
    for label in labels:
        assert label.isVisible()
        assert label.height() >= label.heightForWidth(label.width()), label.text()
        top_left = label.mapTo(preview, label.rect().topLeft())
        assert top_left.x() >= 0 and top_left.x() + label.width() <= preview.width()
        assert top_left.y() + label.height() <= preview.height(), label.text()
    for button in (preview.prev_button, preview.next_button):
        assert button.width() >= button.sizeHint().width()
        assert button.height() >= 48
