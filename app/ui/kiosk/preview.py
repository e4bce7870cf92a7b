"""Preview my recovery, at the kiosk: pick when, then see the plan. In memory only.

The plan is built from the pack and the clinic's timings exactly as the home window builds it,
and shown with the home window's own day preview and timeline. Nothing is stored: the choice
lives in these widgets, which the shell throws away when it returns to the start.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.domain.plan import RecoveryPlan
from app.domain.series import EntryProblem, TreatmentInput, check_entry, plan_for
from app.render.content_provider import ContentProvider
from app.render.formatting import local_day, local_moment, milestone_countdown
from app.ui.keyboard import mark_selected
from app.ui.kiosk.setup import KioskSetup
from app.ui.kiosk.take_home import TakeHomeCode, VisitPrints
from app.ui.screens.day_preview import DayPreview, aftercare_finished_parts
from app.ui.screens.page import Page, add_label
from app.ui.screens.timeline import TimelineView

DAYS_BACK, DAYS_AHEAD = 30, 90  # a visitor treated last month, or booked for later
STEP_MINUTES = 30


def _wall_label(day: date, today: date) -> str:
    long_date = local_day(day)
    named = {
        0: QCoreApplication.translate("KioskPreview", "Today, {date}"),
        -1: QCoreApplication.translate("KioskPreview", "Yesterday, {date}"),
        1: QCoreApplication.translate("KioskPreview", "Tomorrow, {date}"),
    }
    pattern = named.get((day - today).days)
    return pattern.format(date=long_date) if pattern else long_date


class Stepper(QWidget):
    """[−]  value  [+]: a value changed by big buttons, no keyboard or hover needed."""

    def __init__(self, less: str, more: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.less = QPushButton("−")
        self.less.setAccessibleName(less)
        self.more = QPushButton("+")
        self.more.setAccessibleName(more)
        for button in (self.less, self.more):
            button.setProperty("role", "stepper")
            button.setMinimumSize(96, 72)
        self.value = QLabel()
        self.value.setProperty("role", "kiosk-value")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value.setWordWrap(True)
        row.addWidget(self.less)
        row.addWidget(self.value, 1)
        row.addWidget(self.more)

    def show_value(self, text: str) -> None:
        self.value.setText(text)
        self.value.setAccessibleName(text)


class PreviewPicker(Page):
    """When is (or was) your treatment? A day and a time, each moved by big buttons."""

    # An aware datetime in the kiosk's zone (object: PySide would turn datetime into QDateTime).
    chosen = Signal(object)

    def __init__(self, clock: Clock, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("When is your treatment?"), parent)
        self._clock = clock
        self._zone = zone
        now = clock.now().astimezone(zone)
        self.today = now.date()
        self.day = self.today
        # Start at the last half hour: "today, a little earlier" is the common visitor.
        self.minutes = (now.hour * 60 + now.minute) // STEP_MINUTES * STEP_MINUTES
        add_label(
            self.column,
            self.tr(
                "Pick the day and time of your treatment, past or coming. You will see what "
                "to do each day and when each step ends. Nothing you pick is kept."
            ),
        )
        add_label(self.column, self.tr("Day"), "h3")
        self.day_stepper = Stepper(self.tr("One day earlier"), self.tr("One day later"))
        self.day_stepper.less.clicked.connect(lambda: self.step_day(-1))
        self.day_stepper.more.clicked.connect(lambda: self.step_day(1))
        self.column.addWidget(self.day_stepper)
        add_label(self.column, self.tr("Time"), "h3")
        self.time_stepper = Stepper(self.tr("Half an hour earlier"), self.tr("Half an hour later"))
        self.time_stepper.less.clicked.connect(lambda: self.step_time(-STEP_MINUTES))
        self.time_stepper.more.clicked.connect(lambda: self.step_time(STEP_MINUTES))
        self.column.addWidget(self.time_stepper)
        self.problem = add_label(self.column, "", "caution-text")
        self.problem.hide()
        self.show_button = QPushButton(self.tr("Show my recovery"))
        self.show_button.setProperty("role", "primary")
        self.show_button.clicked.connect(self.confirm)
        self.column.addWidget(self.show_button)
        self.column.addStretch(1)
        self._update()

    def step_day(self, step: int) -> None:
        low, high = (self.today + timedelta(days=d) for d in (-DAYS_BACK, DAYS_AHEAD))
        self.day = min(max(self.day + timedelta(days=step), low), high)
        self._update()

    def step_time(self, minutes: int) -> None:
        self.minutes = (self.minutes + minutes) % (24 * 60)
        self._update()

    def local(self) -> datetime:
        """The chosen wall-clock time, naive."""
        return datetime.combine(self.day, time(self.minutes // 60, self.minutes % 60))

    def _update(self) -> None:
        self.day_stepper.show_value(_wall_label(self.day, self.today))
        clock = QLocale().toString(
            QTime(self.minutes // 60, self.minutes % 60), QLocale.FormatType.ShortFormat
        )
        self.time_stepper.show_value(clock)
        self.day_stepper.less.setEnabled(self.day > self.today - timedelta(days=DAYS_BACK))
        self.day_stepper.more.setEnabled(self.day < self.today + timedelta(days=DAYS_AHEAD))
        self.problem.hide()

    def confirm(self) -> None:
        problem = check_entry(self.local(), self._zone.key, self._clock.now())
        if problem is EntryProblem.NOT_A_TIME:
            self.problem.setText(
                self.tr("The clocks change at that time, so it does not exist. Pick another time.")
            )
            self.problem.show()
            return
        self.chosen.emit(self.local().replace(tzinfo=self._zone))


class PreviewResult(QWidget):
    """The countdown, a day at a time, all the dates, and take it home."""

    def __init__(
        self,
        plan: RecoveryPlan,
        content: ContentProvider,
        setup: KioskSetup,
        prints: VisitPrints | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self._clock = setup.clock
        self.setAccessibleName(self.tr("Your recovery"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 16)
        outer.setSpacing(16)

        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        self.treated = QLabel()
        self.treated.setWordWrap(True)
        self.treated.setProperty("role", "secondary")
        top.addWidget(self.treated, 1)
        self.change_button = QPushButton(self.tr("Change the time"))
        top.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
        card_layout.addLayout(top)
        self.countdown = add_label(card_layout, "", "h2")
        self.countdown_detail = add_label(card_layout, "")
        outer.addWidget(card)

        # Three views, switched by big buttons (tabs are too small to touch).
        switch = QHBoxLayout()
        switch.setSpacing(8)
        self.views = QStackedWidget()
        self.view_buttons = QButtonGroup(self)
        self.view_buttons.setExclusive(True)
        self.day_preview = DayPreview()
        self.timeline = TimelineView(setup.palette)
        self.take_home = TakeHomeCode(plan, content, setup.printer_name, setup.print_plan, prints)
        self._usage = setup.usage
        views = (
            (self.tr("Day by day"), self.day_preview),
            (self.tr("All the dates"), self.timeline),
            (self.tr("Take it home"), self.take_home),
        )
        for index, (label, widget) in enumerate(views):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setProperty("role", "segment")
            mark_selected(button)
            self.view_buttons.addButton(button, index)
            switch.addWidget(button)
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(8, 8, 8, 8)
            holder_layout.addWidget(widget)
            holder_layout.addStretch(1)
            scroller.setWidget(holder)
            self.views.addWidget(scroller)
            if widget is self.take_home:
                self._take_home_page = scroller
        switch.addStretch(1)
        outer.addLayout(switch)
        outer.addWidget(self.views, 1)
        # toggled, not clicked: the accessibility action of a checkable button is "toggle".
        self.view_buttons.idToggled.connect(self._view_toggled)
        self.view_buttons.button(0).setChecked(True)

        now = self._clock.now()
        # The clock's own date is "today" (a treatment in two days opens on its day 1, and
        # that day is not called today).
        self.day_preview.set_plan(plan, plan.local_date_of(now))
        self.timeline.set_plan(plan, now)
        self.ticker = QTimer(self)
        self.ticker.setInterval(15_000)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        self.refresh()

    def _view_toggled(self, index: int, on: bool) -> None:
        if on:
            self.show_view(index)

    def show_view(self, index: int) -> None:
        taking_home = self.views.widget(index) is self._take_home_page
        if taking_home and index != self.views.currentIndex():
            self._usage.qr_shown()  # each time the QR code comes into view
        self.views.setCurrentIndex(index)
        # The QR code needs the height: on a 1366x768 screen it was cut off under the countdown
        # (a code a phone cannot see whole cannot be read).
        self.countdown.setVisible(not taking_home)
        self.countdown_detail.setVisible(not taking_home)
        button = self.view_buttons.button(index)
        if button is not None:
            button.setChecked(True)

    def refresh(self) -> None:
        """Recomputed from the clock each tick, like the home window's countdown."""
        now = self._clock.now()
        plan = self.plan
        when = local_moment(plan.treated_at, plan.zone)
        if now < plan.treated_at:
            self.treated.setText(self.tr("If your treatment is on {when}").format(when=when))
        else:
            self.treated.setText(self.tr("If you were treated on {when}").format(when=when))
        upcoming = plan.next_milestone(now)
        if upcoming is not None:
            delta = plan.time_until(now, upcoming)
            title, line = milestone_countdown(upcoming, delta, plan.zone)
            self.countdown.setText(title)
            self.countdown_detail.setText(line)
        else:
            finished, sunscreen = aftercare_finished_parts(plan)
            self.countdown.setText(finished)
            self.countdown_detail.setText(sunscreen)
        for label in (self.treated, self.countdown, self.countdown_detail):
            label.setAccessibleName(label.text())
        self.timeline.set_plan(plan, now)


class PreviewArea(QWidget):
    """The picker, then the result; `reset` goes back to the picker, forgetting the choice."""

    def __init__(
        self, content: ContentProvider, setup: KioskSetup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._setup = setup
        self._zone = setup.zone
        self.setAccessibleName(self.tr("Preview my recovery"))
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.picker = PreviewPicker(setup.clock, setup.zone)
        self.picker.chosen.connect(self.show_plan)
        self._layout.addWidget(self.picker, 0, 0)
        self.result: PreviewResult | None = None
        self.prints = VisitPrints()  # one copy a visit, whichever time was picked

    def plan_for(self, treated_at: datetime) -> RecoveryPlan:
        content = self._content.content()
        treatment = TreatmentInput(0, treated_at, self._zone.key, {})
        return plan_for(treatment, content.protocol, content.text, self._content.clinic_overrides)

    def show_plan(self, treated_at: datetime) -> None:
        self._drop_result()
        self.result = PreviewResult(
            self.plan_for(treated_at), self._content, self._setup, self.prints
        )
        self._setup.usage.preview_made()
        self.result.change_button.clicked.connect(self.change_time)
        self._layout.addWidget(self.result, 0, 0)
        self.picker.hide()
        self.result.show()

    def change_time(self) -> None:
        self._drop_result()
        self.picker.show()

    def _drop_result(self) -> None:
        if self.result is not None:
            self.result.ticker.stop()
            self.result.hide()
            self._layout.removeWidget(self.result)
            self.result.deleteLater()
            self.result = None
