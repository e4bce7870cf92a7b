"""Enter or change when a treatment is or was: a date and a typed time, on the clock of a zone
said in words ("this computer's time", "New York time").

What is wrong shows as the fields change and goes as soon as it is fixed: a date more than a
year ahead or ago, a time the clocks skipped. A time that cannot be read yet ("15:0" while it
is typed) is told only when the patient moves on or saves.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.series import EntryProblem, check_entry
from app.render.formatting import system_zone_name
from app.store import TreatmentRecord
from app.ui.screens.page import add_callout, add_label
from app.ui.screens.time_field import TimeField
from app.ui.zone_words import zone_words


def _local_now(now: datetime, zone: str) -> datetime:
    try:
        return now.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return now


class TreatmentForm(QWidget):
    """Emits `saved(local wall time, zone name)` once the time passes every check."""

    saved = Signal(datetime, str)
    cancelled = Signal()

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = system_zone_name()
        self._told_unreadable = False  # the time could not be read when the patient moved on
        self._editing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.heading = add_label(layout, "", "h2")
        self.intro = add_label(layout, "", "secondary")
        form = QFormLayout()
        form.setSpacing(12)
        # A field goes under its label when both do not fit side by side (large text).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        local_now = _local_now(now, self._zone)
        self.date_edit = QDateEdit(QDate(local_now.year, local_now.month, local_now.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Treatment date"))
        self.time_edit = TimeField(QTime(local_now.hour, local_now.minute))
        self.time_edit.setAccessibleName(self.tr("Treatment time"))
        date_label = QLabel(self.tr("Date"))
        date_label.setBuddy(self.date_edit)
        time_label = QLabel(self.tr("Time"))
        time_label.setBuddy(self.time_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(time_label, self.time_edit)
        layout.addLayout(form)
        self.error = add_callout(layout, "", "caution")
        error_box = self.error.parentWidget()
        assert error_box is not None
        self.error_box = error_box
        self.error_box.hide()
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save treatment time"))
        self.save_button.clicked.connect(self._save)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.date_edit.dateChanged.connect(self._check_live)
        self.time_edit.time_changed.connect(self._check_live)
        self.time_edit.editingFinished.connect(self._time_left)
        self._show_words()

    # the zone ---------------------------------------------------------------------------------

    @property
    def zone(self) -> str:
        """The IANA zone the typed wall time is in."""
        return self._zone

    @zone.setter
    def zone(self, name: str) -> None:
        self._zone = name
        self._show_words()
        self._check_live()

    def _show_words(self) -> None:
        if self._editing:
            heading = self.tr("Change the treatment time")
        else:
            heading = self.tr("When is your treatment?")
        self.heading.setText(heading)
        self.heading.setAccessibleName(heading)
        intro = self.tr(
            "Pick the day and the time your treatment ended, or the time it is booked for. "
            "Times are in {zone}."
        ).format(zone=zone_words(self._zone))
        self.intro.setText(intro)
        self.intro.setAccessibleName(intro)

    # filling the form -------------------------------------------------------------------------

    def start_new(self, now: datetime) -> None:
        """An empty form for a new session: now, on this computer's clock."""
        self._now = now
        self._zone = system_zone_name()
        self._fill(_local_now(now, self._zone), editing=False)

    def edit(self, record: TreatmentRecord) -> None:
        """Fill the form with a saved treatment, in the zone it was entered in."""
        self._zone = record.zone
        self._fill(_local_now(record.treated_at, record.zone), editing=True)

    def _fill(self, local: datetime, editing: bool) -> None:
        self._editing = editing
        self._show_words()
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        self._told_unreadable = False
        self.hide_message()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if not self.error_box.isHidden():
            self._check_live()  # "more than a year ahead" may have become fine

    def wall_time(self) -> datetime | None:
        """The typed date and time, naive; None while the time cannot be read."""
        d, t = self.date_edit.date(), self.time_edit.time()
        if t is None:
            return None
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    # checking ---------------------------------------------------------------------------------

    def _problem_text(self) -> str:
        """What is wrong with the fields as they are, in plain words; "" when nothing is."""
        local = self.wall_time()
        if local is None:
            return self.tr("Type the time like {example}.").format(example=self.time_edit.example())
        problem = check_entry(local, self._zone, self._now)
        return "" if problem is None else self.problem_words(problem)

    def _check_live(self) -> None:
        """Errors follow the fields: shown as they are changed, gone once fixed. A time that is
        still being typed is not called wrong until the patient leaves the field."""
        text = self._problem_text()
        if self.wall_time() is None and not self._told_unreadable:
            self.hide_message()
            return
        if text:
            self.show_message(text)
        else:
            self._told_unreadable = False
            self.hide_message()

    def _time_left(self) -> None:
        if self.time_edit.time() is None:
            self._told_unreadable = True
        self._check_live()

    def _save(self) -> None:
        local = self.wall_time()
        text = self._problem_text()
        if local is None or text:
            self._told_unreadable = local is None
            self.show_message(text)
            return
        self.hide_message()
        self.saved.emit(local, self._zone)

    def problem_words(self, problem: EntryProblem) -> str:
        messages = {
            EntryProblem.TOO_FAR_AHEAD: self.tr(
                "That is more than a year ahead. Pick a date within the next year."
            ),
            EntryProblem.TOO_OLD: self.tr(
                "That is more than a year ago. Pick a date within the last year."
            ),
            EntryProblem.NOT_A_TIME: self.tr(
                "The clocks went forward at that time, so it did not exist here. "
                "Pick a time an hour later."
            ),
            EntryProblem.UNKNOWN_ZONE: self.tr(
                "This computer's time zone is not known to the app. Check the computer's "
                "time zone setting."
            ),
        }
        return messages[problem]

    def show_problem(self, problem: EntryProblem) -> None:
        self.show_message(self.problem_words(problem))

    def show_message(self, text: str) -> None:
        """Say what is wrong under the fields (a time that cannot be, a save that failed)."""
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error_box.show()

    def hide_message(self) -> None:
        self.error_box.hide()
