"""My recovery: enter a treatment, then Today, the Timeline, a preview of any day, and the
list of treatments in the series."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.series import TreatmentInput, close_session
from app.render.formatting import local_moment
from app.store import StoreWriteError, TreatmentRecord
from app.ui.flow_layout import FlowLayout
from app.ui.recovery_session import RecoverySession
from app.ui.screens.day_preview import DayPreview
from app.ui.screens.page import Page, add_label
from app.ui.screens.questions import Confirm, ask, close_session_question, delete_question
from app.ui.screens.take_home import ChooseFile, TakeHome, choose_save_file
from app.ui.screens.timeline import TimelineView
from app.ui.screens.today import TodayView
from app.ui.screens.treatment_form import TreatmentForm
from app.ui.store_writes import not_saved_text, tell
from app.ui.theme import Palette


def _list_tr(text: str) -> str:
    return QCoreApplication.translate("TreatmentsView", text)  # the list's words, as before


class _SessionRow(QWidget):
    """One session in the list: its words, Change and Delete. Kept while the session exists;
    a change of its time or number rewrites its words, nothing else."""

    def __init__(self, view: TreatmentsView) -> None:
        super().__init__()
        self.record: TreatmentRecord | None = None
        self.number = 0
        # The buttons follow the words, on the next line when the window is narrow.
        line = FlowLayout(self, spacing=12, stretch=False)
        self.label = QLabel()
        self.label.setWordWrap(True)
        line.addWidget(self.label)
        self.change = QPushButton(_list_tr("Change"))
        self.change.clicked.connect(lambda: view._open_form(self.record))
        self.delete = QPushButton(_list_tr("Delete"))
        self.delete.clicked.connect(lambda: self._delete(view))
        line.addWidget(self.change)
        line.addWidget(self.delete)

    def _delete(self, view: TreatmentsView) -> None:
        if self.record is not None:
            view._delete(self.record, self.number)

    def show_record(self, record: TreatmentRecord, number: int) -> None:
        if (record, number) == (self.record, self.number):
            return
        self.record, self.number = record, number
        when = local_moment(record.treated_at.astimezone(ZoneInfo(record.zone)))
        self.label.setText(_list_tr("Session {n}: {when}").format(n=number, when=when))
        self.change.setAccessibleName(_list_tr("Change session {n}").format(n=number))
        self.delete.setAccessibleName(_list_tr("Delete session {n}").format(n=number))


class TreatmentsView(Page):
    """Every session in the series, each with Change and Delete; and Add a session.

    The rows are made when the list is first shown, not with the area (Today, which opens
    first, does not wait for a long series), and after a change only the rows whose session
    was added, changed, removed or renumbered are touched."""

    def __init__(self, session: RecoverySession, confirm: Confirm, parent: QWidget | None = None):
        super().__init__(self.tr("My treatments"), parent)
        self._session = session
        self._confirm = confirm
        self.rows = QVBoxLayout()
        self.column.addLayout(self.rows)
        self.status = add_label(self.column, "")
        self.status.hide()
        self.add_button = QPushButton(self.tr("Add a session"))
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(lambda: self._open_form(None))
        self.column.addWidget(self.add_button)
        self.form = TreatmentForm(session.now())
        self.form.hide()
        self.form.saved.connect(self._save)
        self.form.cancelled.connect(self.form.hide)
        self.column.addWidget(self.form)
        self.column.addStretch(1)
        self._editing: TreatmentRecord | None = None
        self._row_of: dict[int, _SessionRow] = {}  # by treatment id, in list order
        self._stale = True  # the rows do not show the stored sessions yet

    def refresh(self) -> None:
        """After a change: the rows follow now when the list is in view, else when shown."""
        self._stale = True
        if self.isVisible():
            self._sync_rows()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._sync_rows()
        super().showEvent(event)

    def session_rows(self) -> list[_SessionRow]:
        """The rows as they stand, in list order (brought up to date first)."""
        if self._stale:
            self._sync_rows()
        return list(self._row_of.values())

    def _sync_rows(self) -> None:
        self._stale = False
        records = self._session.records()
        wanted = {record.id for record in records}
        for gone in [key for key in self._row_of if key not in wanted]:
            row = self._row_of.pop(gone)
            self.rows.removeWidget(row)
            row.deleteLater()
        ordered: dict[int, _SessionRow] = {}
        for index, record in enumerate(records):
            known = self._row_of.get(record.id)
            row = known if known is not None else _SessionRow(self)
            if known is None:
                self.rows.insertWidget(index, row)
            elif self.rows.indexOf(row) != index:  # an earlier session was added or moved
                self.rows.removeWidget(row)
                self.rows.insertWidget(index, row)
            row.show_record(record, index + 1)
            ordered[record.id] = row
        self._row_of = ordered

    def open_form(self, suggested: date | None = None) -> None:
        """Add a session, the date field set to `suggested` when given."""
        self._open_form(None)
        if suggested is not None:
            self.form.date_edit.setDate(QDate(suggested.year, suggested.month, suggested.day))

    def _open_form(self, record: TreatmentRecord | None) -> None:
        self._editing = record
        self.form.set_now(self._session.now())
        if record is not None:
            self.form.edit(record)
        else:
            self.form.start_new(self._session.now())
        self.form.show()
        self.form.date_edit.setFocus()

    def _save(self, local: datetime, zone: str) -> None:
        instant = local.replace(tzinfo=ZoneInfo(zone))
        if not self._close_session_wanted(instant, zone):
            return  # the form stays open with what was typed
        try:
            if self._editing is None:
                self._session.add(instant, zone)
            else:
                self._session.update(self._editing, instant, zone)
        except StoreWriteError as error:
            self.form.show_message(not_saved_text(error))  # the form keeps what was typed
            return
        self.form.hide()

    def _close_session_wanted(self, instant: datetime, zone: str) -> bool:
        """A session within a week of another is more often a slip than a plan: ask."""
        others = [TreatmentInput(r.id, r.treated_at, r.zone) for r in self._session.records()]
        editing = self._editing.id if self._editing is not None else None
        close = close_session(instant, zone, others, leave_out=editing)
        if close is None:
            return True
        return self._confirm(self, close_session_question(close, editing is not None))

    def _delete(self, record: TreatmentRecord, number: int) -> None:
        if not self._confirm(self, delete_question(number)):
            return
        try:
            self._session.delete(record.id)
        except StoreWriteError as error:
            tell(self.status, not_saved_text(error), problem=True)
            self.status.show()
            return
        self.status.hide()


class RecoveryArea(QWidget):
    open_warning_signs = Signal()

    def __init__(
        self,
        session: RecoverySession,
        palette: Callable[[], Palette],
        confirm: Confirm = ask,
        choose_file: ChooseFile = choose_save_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName(self.tr("My recovery"))
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        # Before any treatment: what this area does, and the form to start it.
        self.welcome = Page(self.tr("My recovery"))
        add_label(
            self.welcome.column,
            self.tr(
                "Tell the app when you had your treatment. It will then show what to do each "
                "day, count down to when you can wear makeup or work out again, and remind you "
                "while it is open."
            ),
        )
        self.first_form = TreatmentForm(session.now())
        self.first_form.cancel_button.hide()
        self.first_form.saved.connect(self._add_first)
        self.welcome.column.addWidget(self.first_form)
        self.welcome.column.addStretch(1)
        self.stack.addWidget(self.welcome)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("My recovery"))
        # All four tabs always in view: in a narrow window at a large text size their words
        # shorten with "…" (the whole name in the tooltip and to a screen reader), rather than
        # hide behind scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.today = TodayView(session, palette, choose_file)
        self.today.open_warning_signs.connect(self.open_warning_signs)
        self.today.add_session.connect(self._add_next_session)
        self.timeline = TimelineView(palette)
        timeline_page = Page(self.tr("Timeline"))
        timeline_page.column.addWidget(self.timeline)
        self.take_home = TakeHome(session, choose_file)
        timeline_page.column.addWidget(self.take_home)
        timeline_page.column.addStretch(1)
        self.preview = DayPreview()
        preview_page = Page(self.tr("Preview a day"))
        preview_page.column.addWidget(self.preview)
        preview_page.column.addStretch(1)
        self.treatments = TreatmentsView(session, confirm)
        self.tabs.addTab(self.today, self.tr("Today"))
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        self.tabs.addTab(preview_page, self.tr("Preview a day"))
        self.tabs.addTab(self.treatments, self.tr("My treatments"))
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, self.tabs.tabText(index))
        self.stack.addWidget(self.tabs)

        self._plan_key: tuple[int, datetime] | None = None
        # The countdown is recomputed from the clock on every tick, never counted down, so
        # sleep, a changed clock or a new time zone are right at the next tick.
        self._tick = QTimer(self)
        self._tick.setInterval(10_000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        session.changed.connect(self.treatments.refresh)
        session.changed.connect(self.refresh)
        self.refresh()

    def _on_tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def start_entry(self, ahead: bool) -> None:
        """From the first-run welcome: the form, its date a week ahead for a booked treatment
        (a guess to change), today for one already had."""
        self.refresh()
        if self.stack.currentWidget() is not self.welcome:
            return
        form = self.first_form
        form.set_now(self._session.now())
        local = self._session.now().astimezone()
        day = local.date() + timedelta(days=7 if ahead else 0)
        form.date_edit.setDate(QDate(day.year, day.month, day.day))
        form.heading.setText(
            self.tr("When is your treatment?") if ahead else self.tr("When was your treatment?")
        )
        form.date_edit.setFocus()

    def _add_first(self, local: datetime, zone: str) -> None:
        try:
            self._session.add(local.replace(tzinfo=ZoneInfo(zone)), zone)
        except StoreWriteError as error:
            self.first_form.show_message(not_saved_text(error))

    def refresh(self) -> None:
        """Called on every tick and after every change."""
        if not self._session.records():
            self.first_form.set_now(self._session.now())
            self.stack.setCurrentWidget(self.welcome)
            return
        self.stack.setCurrentWidget(self.tabs)
        self.today.refresh()
        now = self._session.now()
        position = self._session.position(now)
        # Before the treatment its plan is shown ahead of time: the same record, no re-entry.
        plan, treatment = position.plan, position.current
        if plan is None or treatment is None:
            plan, treatment = position.upcoming_plan, position.upcoming
        if plan is None or treatment is None:
            return
        self.timeline.set_plan(plan, now)
        key = (treatment.id, treatment.treated_at)
        if key != self._plan_key:  # keep the day a visitor chose while the plan is the same
            self._plan_key = key
            self.preview.set_plan(plan, max(plan.local_date_of(now), plan.treatment_date))

    def _add_next_session(self, due: object) -> None:
        """ "Add session 2" on Today: the form under My treatments, on the day it is due."""
        self.tabs.setCurrentWidget(self.treatments)
        self.treatments.open_form(due if isinstance(due, date) else None)
