"""Enter or change when a treatment happened: date and time, in this computer's time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.series import EntryProblem, check_entry
from app.render.formatting import system_zone_name
from app.store import TreatmentRecord
from app.ui.screens.page import add_callout, add_label


class TreatmentForm(QWidget):
    """Emits `saved(local wall time, zone name)` once the time passes every check."""

    saved = Signal(datetime, str)
    cancelled = Signal()

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self.zone = system_zone_name()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.heading = add_label(layout, self.tr("When was your treatment?"), "h2")
        add_label(
            layout,
            self.tr("Pick the day and the time your treatment ended. Times are in {zone}.").format(
                zone=self.zone
            ),
            "secondary",
        )
        form = QFormLayout()
        form.setSpacing(12)
        local_now = now.astimezone(ZoneInfo(self.zone)) if self.zone else now
        self.date_edit = QDateEdit(QDate(local_now.year, local_now.month, local_now.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Treatment date"))
        self.time_edit = QTimeEdit(QTime(local_now.hour, local_now.minute))
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

    def edit(self, record: TreatmentRecord) -> None:
        """Fill the form with a saved treatment, in the zone it was entered in."""
        self.zone = record.zone
        local = record.treated_at.astimezone(ZoneInfo(record.zone))
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        self.heading.setText(self.tr("Change the treatment time"))

    def set_now(self, now: datetime) -> None:
        self._now = now

    def wall_time(self) -> datetime:
        d, t = self.date_edit.date(), self.time_edit.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def _save(self) -> None:
        local = self.wall_time()
        problem = check_entry(local, self.zone, self._now)
        if problem is not None:
            self.show_problem(problem)
            return
        self.error_box.hide()
        self.saved.emit(local, self.zone)

    def show_problem(self, problem: EntryProblem) -> None:
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
        self.show_message(messages[problem])

    def show_message(self, text: str) -> None:
        """Say what is wrong under the fields (a time that cannot be, a save that failed)."""
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error_box.show()
