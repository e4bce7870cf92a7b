"""Preview a day: pick day N of a recovery and see what is normal then and that day's checklist.

Read-only: the checklist is a bulleted list, not tick boxes (ticking is the Today screen's job).
Large − and + buttons step through the days (touch targets of at least 48 px for the kiosk);
Left and Right arrows do the same while the preview or one of its buttons has focus.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.clock import as_utc
from app.domain.plan import PhaseSpan, RecoveryPlan, localise, start_of_day
from app.render.formatting import local_day
from app.ui.screens.bullet_list import BulletList
from app.ui.screens.day_navigator import DayNavigator

EXTRA_DAYS = 3  # days after the recovery a preview may look at ("and then?")


def aftercare_finished_parts(plan: RecoveryPlan) -> tuple[str, str]:
    """What every screen says once the last day of aftercare is over, in two sentences:
    ("Aftercare finished on Saturday 21 March.", "Keep using sunscreen every day."). Sun care
    goes on: dark marks are the main lasting risk (content brief, section 6), so the words
    never stop at "finished"."""
    day = plan.last_aftercare_date
    when = local_day(day)
    finished = QCoreApplication.translate("Aftercare", "Aftercare finished on {date}.")
    sunscreen = QCoreApplication.translate("Aftercare", "Keep using sunscreen every day.")
    return finished.format(date=when), sunscreen


def aftercare_finished_text(plan: RecoveryPlan) -> str:
    """ "Aftercare finished on Saturday 21 March. Keep using sunscreen every day." """
    return " ".join(aftercare_finished_parts(plan))


def spans_on(plan: RecoveryPlan, day: date) -> list[PhaseSpan]:
    """The phases that cover some moment of local date `day` (after the treatment), in time
    order: day 1 often holds two ("The first hours", then "Days 1 to 3"). After the last phase
    ends, the last phase holds (RecoveryPlan.span_at); before the treatment there is none."""
    first = max(as_utc(start_of_day(day, plan.zone)), as_utc(plan.treated_at))
    after = as_utc(start_of_day(day + timedelta(days=1), plan.zone))
    spans = [
        span
        for span in plan.phases
        if not span.is_empty and as_utc(span.starts_at) < after and as_utc(span.ends_at) > first
    ]
    if spans or first >= after:
        return spans
    noon = localise(datetime.combine(day, time(12)), plan.zone)
    span = plan.span_at(noon)
    return [span] if span is not None else []


def _label(text: str = "", role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if role:  # before the text: see app.ui.accessible
        label.setProperty("role", role)
    label.setText(text)
    label.setAccessibleName(text)
    return label


def _bullets(layout: QVBoxLayout, lines: list[str] | tuple[str, ...]) -> list[QLabel]:
    """A list of `lines`, each with a bullet and a hanging indent; their labels."""
    bullets = BulletList(lines)
    layout.addWidget(bullets)
    return bullets.labels


class DayPreview(QWidget):
    """Day N of a plan: set_plan(plan, today) then show_day(n); `day_changed` says which."""

    day_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: RecoveryPlan | None = None
        self._today: date | None = None
        self.day = 0  # 0 until a plan is set
        self.setAccessibleName(self.tr("Preview a day"))
        # Clicking anywhere gives the preview focus (for the arrows); Tab stops at the buttons,
        # which show where focus is.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.nav = DayNavigator()
        self.nav.step.connect(lambda step: self.show_day(self.day + step))
        self.heading = self.nav  # − [Day 3 of 14 / date] +, or the buttons under the words
        self.prev_button, self.next_button = self.nav.prev_button, self.nav.next_button
        self.day_label, self.date_label = self.nav.day_label, self.nav.date_label

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(16)
        outer.addWidget(self.heading)
        self._body_holder = QVBoxLayout()
        outer.addLayout(self._body_holder)
        outer.addStretch(1)
        self._body: QWidget | None = None
        self.phase_labels: list[QLabel] = []
        self.normal_labels: list[QLabel] = []
        self.checklist_labels: list[QLabel] = []
        self.empty_label: QLabel | None = None
        self.after_label: QLabel | None = None

    # public ------------------------------------------------------------------------------------

    @property
    def last_day(self) -> int:
        return self._plan.recovery_length_days + EXTRA_DAYS if self._plan is not None else 1

    def set_plan(self, plan: RecoveryPlan, today: date) -> None:
        """Show `plan`, starting at today's day number, or day 1 when today is outside it."""
        self._plan, self._today = plan, today
        n = plan.day_number(today)
        self.day = 0
        self.show_day(n if 1 <= n <= self.last_day else 1)

    def show_day(self, n: int) -> None:
        """Show day `n`, kept within 1 and the last day; emits day_changed when it moves."""
        if self._plan is None:
            return
        n = min(max(n, 1), self.last_day)
        changed = n != self.day
        self.day = n
        self._show(self._plan, n)
        if changed:
            self.day_changed.emit(n)

    def date_of(self, n: int) -> date:
        assert self._plan is not None
        return self._plan.treatment_date + timedelta(days=n - 1)

    # the day -----------------------------------------------------------------------------------

    def _show(self, plan: RecoveryPlan, n: int) -> None:
        total = plan.recovery_length_days
        if n <= total:
            title = self.tr("Day {day} of {total}").format(day=n, total=total)
        else:  # "Day 16 of 15" would read as a mistake
            title = self.tr("Day {day}").format(day=n)
        day = self.date_of(n)
        # Written as Today's checklist writes its day ("Monday 9 March"), with the year: a
        # booked treatment's days can run into the next one.
        long_date = local_day(day, year=True)
        if day == self._today:
            long_date = self.tr("{date} (today)").format(date=long_date)
        self.nav.show_day(title, long_date, n > 1, n < self.last_day)
        self._fill_body(plan, day)

    def _fill_body(self, plan: RecoveryPlan, day: date) -> None:
        if self._body is not None:
            self._body_holder.removeWidget(self._body)
            self._body.hide()
            self._body.deleteLater()
        self._body = QWidget()
        layout = QVBoxLayout(self._body)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.phase_labels, self.normal_labels = [], []
        self.after_label = None
        if self.day > plan.recovery_length_days:
            self.after_label = _label(aftercare_finished_text(plan))
            layout.addWidget(self.after_label)
            layout.addSpacing(8)
        layout.addWidget(_label(self.tr("What's normal"), "h3"))
        for span in spans_on(plan, day):
            name = _label(span.name)
            name.setStyleSheet("font-weight: 600;")
            layout.addWidget(name)
            self.phase_labels.append(name)
            self.normal_labels += _bullets(layout, span.normal)
        layout.addSpacing(16)
        layout.addWidget(_label(self.tr("Your checklist that day"), "h3"))
        self.checklist_labels = _bullets(layout, [entry.text for entry in plan.checklist_for(day)])
        self.empty_label = None
        if not self.checklist_labels:
            self.empty_label = _label(self.tr("Nothing extra to do that day."))
            layout.addWidget(self.empty_label)
        self._body_holder.addWidget(self._body)

    # keyboard ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if step := self.nav.step_for(event.key()):
            self.show_day(self.day + step)
            event.accept()
        else:
            super().keyPressEvent(event)

    @property
    def stacked(self) -> bool | None:
        return self.nav.stacked
