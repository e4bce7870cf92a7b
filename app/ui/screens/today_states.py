"""The words of Today's states that are not "Day N of M": getting ready for a booked treatment,
a clock set before it, and the next session (due around a date until one is entered). Every
state is derived from the clock on each refresh, never stored (ARCHITECTURE: "A treatment has
a before and an after")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.clock import as_utc
from app.domain.plan import ChecklistEntry, RecoveryPlan
from app.domain.series import MAX_AHEAD, SeriesPosition, TreatmentInput
from app.render.formatting import clock_time, local_day, local_moment, short_day


class TodayStates(QObject):
    """Words with a count, in Qt's plural forms (%n): lupdate marks a message as plural only
    for tr() inside a class. Context "TodayStates", as the rest of this module."""

    def days_to_go(self, days: int) -> str:
        return self.tr("Your treatment is in %n days", "", days)


def treatment_countdown(upcoming: TreatmentInput, now: datetime) -> tuple[str, str]:
    """("Your treatment is in 3 days", "Tuesday 10 March, 4:00 PM"), counted in calendar days
    of the treatment's own zone. A treatment further ahead than any that can be entered means
    the computer's clock is wrong (or was set back): say so plainly."""
    zone = ZoneInfo(upcoming.zone)
    treated = as_utc(upcoming.treated_at).astimezone(zone)
    when = local_moment(treated, zone)
    if as_utc(upcoming.treated_at) - as_utc(now, "now") > MAX_AHEAD:
        return QCoreApplication.translate(
            "TodayStates", "Your treatment is more than a year away"
        ), QCoreApplication.translate(
            "TodayStates",
            "Your treatment is on {when}. That is more than a year after this computer's date: "
            "check the computer's clock and date.",
        ).format(when=when)
    days = (treated.date() - as_utc(now, "now").astimezone(zone).date()).days
    if days <= 0:
        title = QCoreApplication.translate("TodayStates", "Your treatment is today")
    elif days == 1:
        title = QCoreApplication.translate("TodayStates", "Your treatment is tomorrow")
    else:
        title = TodayStates().days_to_go(days)
    return title, when


def rule_status(plan: RecoveryPlan, entry: ChecklistEntry, moment: datetime) -> tuple[str, bool]:
    """A rule row at `moment`: (its words, whether the rule has lifted). While in force the
    item's words and until when; after, the milestone's words and since when, "about" a whole
    or half hour as everywhere else."""
    assert entry.rule_id is not None
    milestone = next(m for m in plan.milestones if m.rule_id == entry.rule_id)
    wall = milestone.about.astimezone(plan.zone)
    when = clock_time(wall)
    if wall.date() != as_utc(moment).astimezone(plan.zone).date():
        # Not on the day shown: "17:00" alone would read as today's.
        when = QCoreApplication.translate("TodayStates", "{time} on {date}").format(
            time=when, date=short_day(wall.date())
        )
    if plan.in_force(entry.rule_id, moment) or as_utc(moment) < as_utc(plan.treated_at):
        return QCoreApplication.translate("TodayStates", "{item} (until about {time})").format(
            item=entry.text, time=when
        ), False
    return QCoreApplication.translate("TodayStates", "{milestone} (since about {time})").format(
        milestone=milestone.label, time=when
    ), True


class NextSessionCard(QFrame):
    """ "Session 2 is due around Sat 4 Apr" and an "Add session 2" button until the next
    session is entered; once it is booked, when it is."""

    add_session = Signal(object)  # the date to suggest (datetime.date) or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Add the next session"))
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self._due: object = None
        self.button.clicked.connect(lambda: self.add_session.emit(self._due))

    def show_for(self, position: SeriesPosition, now: datetime) -> None:
        plan = position.plan
        if plan is None:
            self.hide()
            return
        number = position.session_number + 1
        if position.upcoming is not None:
            zone = ZoneInfo(position.upcoming.zone)
            when = local_moment(as_utc(position.upcoming.treated_at).astimezone(zone), zone)
            self.text.setText(
                self.tr("Session {n} is booked for {when}.").format(n=number, when=when)
            )
            self.button.hide()
            self.show()
            return
        due = next((m for m in plan.milestones if m.kind == "next_session"), None)
        if due is None:
            self.hide()
            return
        self._due = due.at.date()
        day = local_day(due.at.date())
        if as_utc(due.at) > as_utc(now, "now"):
            words = self.tr("Session {n} is due around {date}.")
        else:
            words = self.tr("Session {n} was due around {date}. Add it when you have had it.")
        self.text.setText(words.format(n=number, date=day))
        self.button.setText(self.tr("Add session {n}").format(n=number))
        self.button.show()
        self.show()
