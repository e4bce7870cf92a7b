"""My recovery: enter a treatment, then Today, the Timeline, a preview of any day, and the
list of treatments in the series.

Only what is on screen is made at first: Today (or, before any treatment, the form to enter
one). The Timeline, Preview a day and My treatments are made when first opened (or first asked
for), so the patient who opens the app to see today does not wait for the other three tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from app.store import StoreWriteError
from app.ui.recovery_session import RecoverySession
from app.ui.screens.page import Page, add_label
from app.ui.screens.questions import Confirm, ask
from app.ui.screens.tab_row import TabRow
from app.ui.screens.take_home import ChooseFile, choose_save_file
from app.ui.screens.today import TodayView
from app.ui.store_writes import not_saved_text
from app.ui.theme import Palette

if TYPE_CHECKING:
    from app.domain.plan import RecoveryPlan
    from app.ui.screens.day_preview import DayPreview
    from app.ui.screens.take_home import TakeHome
    from app.ui.screens.timeline import TimelineView
    from app.ui.screens.treatment_form import TreatmentForm
    from app.ui.screens.treatments_list import TreatmentsView

TIMELINE_TAB, PREVIEW_TAB, TREATMENTS_TAB = 1, 2, 3


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
        self._palette = palette
        self._confirm = confirm
        self._choose_file = choose_file
        self.setAccessibleName(self.tr("My recovery"))
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        # Before any treatment: what this area does, and the form to start it (made when needed).
        self._welcome: Page | None = None
        self._first_form: TreatmentForm | None = None

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("My recovery"))
        self.today = TodayView(session, palette, choose_file)
        self.today.open_warning_signs.connect(self.open_warning_signs)
        self.today.add_session.connect(self._add_next_session)
        self.tabs.addTab(self.today, self.tr("Today"))
        # Stand-ins, each replaced by its page when that tab is first opened (_made_page).
        for title in (self.tr("Timeline"), self.tr("Preview a day"), self.tr("My treatments")):
            self.tabs.addTab(QWidget(), title)
        self._timeline: TimelineView | None = None
        self._take_home: TakeHome | None = None
        self._preview: DayPreview | None = None
        self._treatments: TreatmentsView | None = None
        self.tabs.currentChanged.connect(self._made_page)
        # All four tabs always in view with their whole names: in a narrow window at a large
        # text size they wrap onto a second line (a tab bar would cut them to "To…").
        self.tab_row = TabRow(self.tabs)
        self.tab_row.sync_names()
        self.tabbed = QWidget()
        tabbed_layout = QVBoxLayout(self.tabbed)
        tabbed_layout.setContentsMargins(0, 0, 0, 0)
        tabbed_layout.setSpacing(0)
        tabbed_layout.addWidget(self.tab_row)
        tabbed_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(self.tabbed)

        self._plan_key: tuple[int, datetime] | None = None
        self._shown_plan: tuple[RecoveryPlan, datetime, tuple[int, datetime]] | None = None
        # The countdown is recomputed from the clock on every tick, never counted down, so
        # sleep, a changed clock or a new time zone are right at the next tick.
        self._tick = QTimer(self)
        self._tick.setInterval(10_000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        session.changed.connect(self._treatments_changed)
        session.changed.connect(self.refresh)
        self.refresh()

    # the pages made when first needed -----------------------------------------------------------

    @property
    def welcome(self) -> Page:
        return self._made_welcome()[0]

    @property
    def first_form(self) -> TreatmentForm:
        return self._made_welcome()[1]

    def _made_welcome(self) -> tuple[Page, TreatmentForm]:
        if self._welcome is None or self._first_form is None:
            from app.ui.screens.treatment_form import TreatmentForm

            self._welcome = Page(self.tr("My recovery"))
            add_label(
                self._welcome.column,
                self.tr(
                    "Tell the app when you had your treatment. It will then show what to do "
                    "each day, count down to when you can wear makeup or work out again, and "
                    "remind you while it is open."
                ),
            )
            self._first_form = TreatmentForm(self._session.now())
            self._first_form.cancel_button.hide()
            self._first_form.saved.connect(self._add_first)
            self._welcome.column.addWidget(self._first_form)
            self._welcome.column.addStretch(1)
            self.stack.insertWidget(0, self._welcome)
        return self._welcome, self._first_form

    @property
    def timeline(self) -> TimelineView:
        self._make_page(TIMELINE_TAB)
        assert self._timeline is not None
        return self._timeline

    @property
    def take_home(self) -> TakeHome:
        self._make_page(TIMELINE_TAB)
        assert self._take_home is not None
        return self._take_home

    @property
    def preview(self) -> DayPreview:
        self._make_page(PREVIEW_TAB)
        assert self._preview is not None
        return self._preview

    @property
    def treatments(self) -> TreatmentsView:
        self._make_page(TREATMENTS_TAB)
        assert self._treatments is not None
        return self._treatments

    def _made_page(self, index: int) -> None:
        if index in (TIMELINE_TAB, PREVIEW_TAB, TREATMENTS_TAB):
            self._make_page(index)

    def _make_page(self, index: int) -> None:
        if index == TIMELINE_TAB and self._timeline is None:
            from app.ui.screens.take_home import TakeHome
            from app.ui.screens.timeline import TimelineView

            self._timeline = TimelineView(self._palette)
            page = Page(self.tr("Timeline"))
            page.column.addWidget(self._timeline)
            self._take_home = TakeHome(self._session, self._choose_file)
            page.column.addWidget(self._take_home)
            page.column.addStretch(1)
            self._put_page(index, page)
        elif index == PREVIEW_TAB and self._preview is None:
            from app.ui.screens.day_preview import DayPreview

            self._preview = DayPreview()
            page = Page(self.tr("Preview a day"))
            page.column.addWidget(self._preview)
            page.column.addStretch(1)
            self._put_page(index, page)
        elif index == TREATMENTS_TAB and self._treatments is None:
            from app.ui.screens.treatments_list import TreatmentsView

            self._treatments = TreatmentsView(self._session, self._confirm)
            self._put_page(index, self._treatments)
        else:
            return
        self._show_plan()

    def _put_page(self, index: int, page: QWidget) -> None:
        """`page` in its stand-in's place, under the same name; the tab chosen stays chosen."""
        current, title = self.tabs.currentIndex(), self.tabs.tabText(index)
        stand_in = self.tabs.widget(index)
        blocked = self.tabs.blockSignals(True)  # the tab row already shows the chosen tab
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        if stand_in is not None:
            stand_in.deleteLater()

    def restyle(self) -> None:
        """After a change of text size or theme: the drawn timeline and everything else."""
        if self._timeline is not None:
            self._timeline.refresh()
        self.refresh()

    # ---------------------------------------------------------------------------------------------

    def _on_tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def _treatments_changed(self) -> None:
        if self._treatments is not None:  # else it reads the series when first made
            self._treatments.refresh()

    def start_entry(self, ahead: bool) -> None:
        """From the first-run welcome: the form, its date a week ahead for a booked treatment
        (a guess to change), today for one already had."""
        self.refresh()
        if self.stack.currentWidget() is not self._welcome:
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
        self.stack.setCurrentWidget(self.tabbed)
        self.today.refresh()
        now = self._session.now()
        position = self._session.position(now)
        # Before the treatment its plan is shown ahead of time: the same record, no re-entry.
        plan, treatment = position.plan, position.current
        if plan is None or treatment is None:
            plan, treatment = position.upcoming_plan, position.upcoming
        if plan is None or treatment is None:
            return
        self._shown_plan = (plan, now, (treatment.id, treatment.treated_at))
        self._show_plan()

    def _show_plan(self) -> None:
        """The plan of the last refresh on the Timeline and the preview, where they are made."""
        if self._shown_plan is None:
            return
        plan, now, key = self._shown_plan
        if self._timeline is not None:
            self._timeline.set_plan(plan, now)
        if self._preview is not None and key != self._plan_key:
            # The day a visitor chose is kept while the plan is the same.
            self._plan_key = key
            self._preview.set_plan(plan, max(plan.local_date_of(now), plan.treatment_date))

    def _add_next_session(self, due: object) -> None:
        """ "Add session 2" on Today: the form under My treatments, on the day it is due."""
        self.tabs.setCurrentIndex(TREATMENTS_TAB)
        self.treatments.open_form(due if isinstance(due, date) else None)
