"""Today: the countdown to the next milestone, the day of recovery, today's checklist, what is
normal now, and the daily skin check-in (app.ui.screens.checkin)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.plan import start_of_day
from app.domain.series import SeriesPosition
from app.render.formatting import local_day, milestone_countdown
from app.store import StoreWriteError
from app.ui.first_paint import FirstPaintWatcher
from app.ui.keyboard import order_tabs_like_layout
from app.ui.recovery_session import RecoverySession
from app.ui.screens.bullet_list import BulletList
from app.ui.screens.checklist_row import ChecklistRow, StatusRow
from app.ui.screens.day_navigator import DayNavigator
from app.ui.screens.day_preview import aftercare_finished_parts, aftercare_finished_text
from app.ui.screens.getting_ready import GettingReadyList
from app.ui.screens.page import Page, RowsBox, add_label, read_in_layout_order
from app.ui.screens.take_home import ChooseFile, choose_save_file
from app.ui.screens.today_states import NextSessionCard, rule_status, treatment_countdown
from app.ui.store_writes import not_saved_text, tell
from app.ui.theme import LIGHT, Palette

if TYPE_CHECKING:
    from app.domain.plan import RecoveryPlan
    from app.ui.screens.checkin import CheckInPanel


def frame_of(inner: QVBoxLayout) -> QWidget:
    """The card frame around a layout made by card()."""
    frame = inner.parentWidget()
    assert frame is not None
    return frame


def card(layout: QVBoxLayout) -> QVBoxLayout:
    frame = QFrame()
    frame.setProperty("role", "card")
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(24, 16, 24, 16)
    inner.setSpacing(12)
    layout.addWidget(frame)
    return inner


class TodayView(Page):
    open_warning_signs = Signal()
    add_session = Signal(object)  # a date to suggest for the next session, or None

    def __init__(
        self,
        session: RecoverySession,
        palette: Callable[[], Palette] = lambda: LIGHT,
        choose_file: ChooseFile = choose_save_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        self.setAccessibleName(self.tr("Today"))
        self._session = session
        self._position: SeriesPosition | None = None
        self._day: date | None = None  # the checklist's day; None means today
        # The countdown is the hero: it takes the page's big title.
        self.countdown = self.title
        self.countdown.setObjectName("countdown")
        self.countdown_detail = add_label(self.column, "", "secondary")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.column.addWidget(self.progress)
        # "getting-ready", "recovering" or "after" (aftercare over): derived on every refresh.
        self.state = ""

        # Before a booked treatment: what to do to get ready (app.ui.screens.getting_ready).
        ready = card(self.column)
        self.ready_card = frame_of(ready)
        self.ready_title = add_label(ready, self.tr("Getting ready"), "h3")
        self.ready_text = add_label(
            ready,
            self.tr(
                "On the day of your treatment this screen turns into your recovery: what to "
                "do each day and when you can wear makeup or work out again."
            ),
            "secondary",
        )
        self.ready_list = GettingReadyList(session)
        ready.addWidget(self.ready_list)

        self.next_session = NextSessionCard()
        self.next_session.add_session.connect(self.add_session)
        self.column.addWidget(self.next_session)

        # Today's checklist, or an earlier day's when looking back.
        checklist = card(self.column)
        self.checklist_card = frame_of(checklist)
        self.checklist_title = add_label(checklist, "", "h3")
        # The same day navigator as "Preview a day": back to earlier days, up to today.
        self.nav = DayNavigator()
        self.nav.step.connect(self._step_day)
        self.earlier_button, self.later_button = self.nav.prev_button, self.nav.next_button
        checklist.addWidget(self.nav)
        self.today_button = QPushButton(self.tr("Back to today"))
        self.today_button.clicked.connect(self._back_to_today)
        checklist.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignLeft)
        items = RowsBox(spacing=4)  # read before the "3 of 7 done" under it
        self.items_box = items.box
        checklist.addWidget(items)
        self.count_label = add_label(checklist, "", "secondary")  # "3 of 7 done"
        self.saved_label = add_label(checklist, "", "secondary")
        self.checkboxes: dict[str, ChecklistRow] = {}
        self.status_rows: dict[str, StatusRow] = {}  # rules that flip at their milestone

        normal = card(self.column)
        self.normal_card = frame_of(normal)
        self.normal_title = add_label(normal, self.tr("What is normal now"), "h3")
        self.normal_list = BulletList()  # a list for a screen reader, not lines in one label
        normal.addWidget(self.normal_list)

        # The check-in comes below "What is normal now", out of sight when the page opens. It
        # is made just after the page's first paint (or when asked for sooner): the countdown
        # and today's checklist appear without waiting for its ~30 widgets (about 60 ms of a
        # start on Today, measured with build_scripts/bench.py).
        self._palette = palette
        self._choose_file = choose_file
        self._checkin: CheckInPanel | None = None
        self._checkin_for: tuple[int, RecoveryPlan, date] | None = None
        self._ready_parts = False  # the getting-ready card shows instead of the recovery parts
        self.column.addStretch(1)
        FirstPaintWatcher(self.countdown).painted.connect(self._make_checkin)

    @property
    def checkin_made(self) -> bool:
        """Whether the check-in exists yet (asking for `checkin` makes it)."""
        return self._checkin is not None

    @property
    def checkin(self) -> CheckInPanel:
        """The daily skin check-in, made now if the page has not been painted yet."""
        return self._checkin or self._make_checkin()

    def _make_checkin(self) -> CheckInPanel:
        if self._checkin is not None:
            return self._checkin
        from app.ui.screens.checkin import CheckInPanel

        panel = CheckInPanel(self._session, self._palette, self._choose_file)
        panel.open_warning_signs.connect(self.open_warning_signs)
        self.column.insertWidget(self.column.indexOf(self.normal_card) + 1, panel)
        # At once: a widget added to a page on screen is otherwise shown from the event loop.
        panel.setVisible(not self._ready_parts)
        self._checkin = panel
        if self._checkin_for is not None:
            panel.refresh(*self._checkin_for)
        column = self.widget()
        if column is not None:
            order_tabs_like_layout(column)  # its answers come after today's checklist
            read_in_layout_order(column)
        return panel

    # refresh ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the clock and redraw. Called every few seconds and after every change, so a
        sleeping computer, a changed clock or a new time zone are right at the next tick."""
        self._refresh()
        # Rows made now (checklist, getting ready) would come last in the Tab chain, after the
        # check-in below them; the next-session card moves. Tab follows the page from the top.
        column = self.widget()
        if column is not None:
            order_tabs_like_layout(column)
            read_in_layout_order(column)  # the next-session card moves between its places

    def _refresh(self) -> None:
        now = self._session.now()
        position = self._session.position(now)
        self._position = position
        plan = position.plan
        self.next_session.show_for(position, now)
        # Under the hero once aftercare is over; at the foot while recovering, where it does
        # not push today's checklist down.
        wanted = 1 if position.plan is None else -1
        plan_now = position.plan
        if plan_now is not None:
            over = plan_now.day_number(plan_now.local_date_of(now)) > plan_now.recovery_length_days
            wanted = self.column.indexOf(self.progress) + 1 if over else -1
        self._place_next_session(wanted)
        if plan is None or position.current is None:
            self._show_getting_ready(position, now)
            return
        today = plan.local_date_of(now)
        day, total = plan.day_number(today), plan.recovery_length_days
        self.state = "recovering" if day <= total else "after"
        self._show_parts(ready=False)
        upcoming = plan.next_milestone(now)
        if upcoming is not None and self.state == "recovering":
            delta = plan.time_until(now, upcoming)
            title, line = milestone_countdown(upcoming, delta, plan.zone)
            self.countdown.setText(title)
            self.countdown_detail.setText(line)
        else:  # "Day 17 of 15" would read as a mistake: aftercare is over, sun care goes on
            finished, sunscreen = aftercare_finished_parts(plan)
            self.countdown.setText(finished)
            self.countdown_detail.setText(sunscreen)
        self.countdown.setAccessibleName(self.countdown.text())
        self.progress.setVisible(self.state == "recovering")
        self.progress.setRange(0, total)
        self.progress.setValue(min(day, total))
        progress_text = self.tr("Day {day} of {total}").format(day=min(day, total), total=total)
        if position.total_sessions > 1:
            progress_text += "  ·  " + self.tr("Session {n} of {total}").format(
                n=position.session_number, total=position.total_sessions
            )
        self.progress.setFormat(progress_text)
        self.progress.setAccessibleName(progress_text)
        span = plan.span_at(now)
        if span is not None:
            self.normal_title.setText(
                self.tr("What is normal now: {phase}").format(phase=span.name)
            )
            self.normal_list.set_lines(span.normal)
        self._show_checklist(today)
        self._checkin_for = (position.current.id, plan, today)
        if self._checkin is not None:
            self._checkin.refresh(*self._checkin_for)

    def _place_next_session(self, index: int) -> None:
        """Move the next-session card to `index` of the column (-1: after the check-in)."""
        if index < 0:
            last = self._checkin if self._checkin is not None else self.normal_card
            index = self.column.indexOf(last) + 1
            if self.column.indexOf(self.next_session) < index:
                index -= 1
        if self.column.indexOf(self.next_session) != index:
            self.column.removeWidget(self.next_session)
            self.column.insertWidget(index, self.next_session)

    def _show_parts(self, ready: bool) -> None:
        self._ready_parts = ready
        self.ready_card.setVisible(ready)
        for part in (self.checklist_card, self.normal_card, self._checkin):
            if part is not None:
                part.setVisible(not ready)

    def _show_getting_ready(self, position: SeriesPosition, now: datetime) -> None:
        """Before the treatment: a countdown to it and what to do to get ready. With no
        treatment at all (the area shows its form then) there is nothing to say."""
        self.state = "getting-ready"
        self._show_parts(ready=True)
        self.progress.hide()
        if position.upcoming is None:
            return
        title, line = treatment_countdown(position.upcoming, now)
        self.countdown.setText(title)
        self.countdown.setAccessibleName(title)
        self.countdown_detail.setText(line)
        ready = self._session.getting_ready()
        self.ready_list.setVisible(ready is not None)
        if ready is not None:
            treated = position.upcoming.treated_at.astimezone(ZoneInfo(position.upcoming.zone))
            self.ready_list.show_list(ready, position.upcoming.id, treated.date())

    def _checklist_day(self, today: date) -> date:
        return self._day if self._day is not None else today

    def _show_checklist(self, today: date) -> None:
        assert self._position is not None and self._position.plan is not None
        now = self._session.now()
        plan = self._position.plan
        day = self._checklist_day(today)
        entries = plan.checklist_for(day)
        if day == today:
            title = self.tr("Today's checklist")
        else:
            title = self.tr("Checklist for day {n}, {date}").format(
                n=plan.day_number(day), date=local_day(day)
            )
        self.checklist_title.setText(title)
        n, total = plan.day_number(day), plan.recovery_length_days
        day_title = (
            self.tr("Day {day} of {total}").format(day=n, total=total)
            if n <= total
            else self.tr("Day {day}").format(day=n)
        )
        self.nav.show_day(day_title, local_day(day), n > 1, day < today)
        self.today_button.setVisible(day != today)
        treatment_id = self._position.current.id if self._position.current else 0
        marks = self._session.marks(treatment_id, day)
        tasks = [e for e in entries if not e.is_rule]
        rules = [e for e in entries if e.is_rule]
        wanted = ([e.id for e in tasks], [e.id for e in rules])
        if wanted != (list(self.checkboxes), list(self.status_rows)) or any(
            self.checkboxes[e.id].text() != e.text for e in tasks
        ):
            for old in [*self.checkboxes.values(), *self.status_rows.values()]:
                self.items_box.removeWidget(old)
                old.deleteLater()
            self.checkboxes, self.status_rows = {}, {}
            for entry in tasks:
                row = ChecklistRow(entry.text)
                row.box.toggled.connect(lambda on, item=entry.id: self._tick(item, on))
                self.items_box.addWidget(row)
                self.checkboxes[entry.id] = row
            for entry in rules:
                self.status_rows[entry.id] = status = StatusRow()
                self.items_box.addWidget(status)
        # A rule's row is read at the end of an earlier day, and now for today.
        moment = now if day == today else start_of_day(day + timedelta(days=1), plan.zone)
        for entry in rules:
            assert entry.rule_id is not None
            text, lifted = rule_status(plan, entry, moment)
            self.status_rows[entry.id].show_state(text, lifted)
        self._set_boxes(marks)
        if not entries and plan.day_number(day) > plan.recovery_length_days:
            self.saved_label.setText(aftercare_finished_text(plan))
        elif not entries:
            self.saved_label.setText(self.tr("Nothing on the list for this day."))

    def _set_boxes(self, marks: set[str]) -> None:
        """Show what is stored, without it counting as a click, and how many are done."""
        for item_id, row in self.checkboxes.items():
            row.box.blockSignals(True)
            row.box.setChecked(item_id in marks)
            row.box.blockSignals(False)
        done = sum(row.isChecked() for row in self.checkboxes.values())
        total = len(self.checkboxes)
        self.count_label.setVisible(total > 0)
        self.count_label.setText(self.tr("{n} of {total} done").format(n=done, total=total))

    def _tick(self, item_id: str, done: bool) -> None:
        position = self._position
        if position is None or position.current is None or position.plan is None:
            return
        day = self._checklist_day(position.plan.local_date_of(self._session.now()))
        try:
            self._session.set_mark(position.current.id, day, item_id, done)
        except StoreWriteError as error:
            # A box that stays ticked would say it was stored: show what the store holds, and
            # why under the item itself (the list can be longer than the window).
            self._set_boxes(self._session.marks(position.current.id, day))
            self._say_not_saved(item_id, not_saved_text(error))
            return
        self._say_not_saved(None, "")
        self._set_boxes(self._session.marks(position.current.id, day))
        for key, row in self.checkboxes.items():
            row.saved.setVisible(key == item_id)
        row = self.checkboxes[item_id]
        tell(row.saved, self.tr("Saved \u2713") if done else self.tr("Saved: not done yet"))

    def _say_not_saved(self, item_id: str | None, text: str) -> None:
        for key, row in self.checkboxes.items():
            if key == item_id:
                tell(row.problem, text, problem=True)
                row.box.setAccessibleDescription(text)
            row.problem.setVisible(key == item_id)
            if key != item_id:
                row.box.setAccessibleDescription("")
            if item_id is not None:
                row.saved.hide()  # no "Saved" left from an earlier tick

    def _step_day(self, step: int) -> None:
        if self._position is None or self._position.plan is None:
            return
        today = self._position.plan.local_date_of(self._session.now())
        self._day = self._checklist_day(today) + timedelta(days=step)
        if self._day >= today:
            self._day = None
        self.saved_label.setText("")
        self.refresh()

    def _back_to_today(self) -> None:
        self._day = None
        self.saved_label.setText("")
        self.refresh()
