"""Settings: "Your clinic". The clinic's name, phone and after-hours number as the patient types
them, shown wherever the app names the clinic (Warning signs, Today, the handout, the calendar
file); and the region of the emergency number.

Each field is checked as it is typed and kept a moment after typing stops, or when the patient
moves on; what fails its check is said under the field and not kept. A detail the clinic
config sets is shown, locked, with a line saying so. A write that fails keeps what was typed
on screen and says why: the next change tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.clinic_details import (
    NAME_MAX,
    PHONE_MAX,
    DetailProblem,
    check_name,
    check_phone,
)
from app.fleet.startup import current_status, started_with
from app.render.content_provider import ContentProvider
from app.store import StoreWriteError
from app.ui.bundle_watch import status_text
from app.ui.preferences import Preferences
from app.ui.screens.page import add_label
from app.ui.store_writes import not_saved_text, tell

SAVE_AFTER_MS = 700  # typing has stopped this long: keep the value


@dataclass
class _Field:
    key: str  # "name", "phone", "after_hours_phone"
    edit: QLineEdit
    problem: QLabel  # what is wrong with what was typed
    locked: QLabel  # "Set by your clinic's setup"
    check: Callable[[str], DetailProblem | None]


class ClinicSetting(QWidget):
    def __init__(
        self,
        preferences: Preferences,
        content: ContentProvider,
        region: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._prefs = preferences
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = add_label(layout, self.tr("Your clinic"), "h2")
        add_label(
            layout,
            self.tr(
                "The app shows your clinic's phone numbers with the warning signs, on Today "
                "and in the handout and calendar file you save."
            ),
            "secondary",
        )
        self.fields: dict[str, _Field] = {}
        for key, label, accessible, check in (
            ("name", self.tr("Clinic name"), self.tr("Your clinic's name"), check_name),
            ("phone", self.tr("Phone"), self.tr("Your clinic's phone number"), check_phone),
            (
                "after_hours_phone",
                self.tr("After-hours phone"),
                self.tr("Your clinic's after-hours phone number"),
                check_phone,
            ),
        ):
            self.fields[key] = self._add_field(layout, key, label, accessible, check)
        self.status = add_label(layout, "", "secondary")
        self.status.hide()
        # Read-only: which setup bundle this computer uses, for staff (docs/fleet.md).
        self.bundle_status = add_label(layout, "", "secondary")
        self.bundle_status.hide()
        self.region = region
        if region is not None:
            layout.addSpacing(8)
            layout.addWidget(region)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save_all)
        self.show_stored()

    def _add_field(
        self,
        layout: QVBoxLayout,
        key: str,
        label_text: str,
        accessible: str,
        check: Callable[[str], DetailProblem | None],
    ) -> _Field:
        label = add_label(layout, label_text, "h3")
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        label.setBuddy(edit)
        layout.addWidget(edit)
        problem = add_label(layout, "")
        problem.setProperty("role", "caution-text")
        problem.hide()
        locked = add_label(layout, self.tr("Set by your clinic's setup"), "secondary")
        locked.hide()
        field = _Field(key, edit, problem, locked, check)
        edit.textEdited.connect(lambda _text, f=field: self._edited(f))
        edit.editingFinished.connect(self.save_all)
        return field

    # showing ----------------------------------------------------------------------------------

    def show_stored(self) -> None:
        """Each detail as the clinic config or the database has it; the config's locked."""
        details = self._prefs.clinic_details()
        for key, field in self.fields.items():
            field.edit.setText(getattr(details, key))
            field.problem.hide()
        self._show_locks()

    def _show_locks(self) -> None:
        """A detail the clinic config sets shows its value, locked, and says so."""
        for key, field in self.fields.items():
            from_config = self._content.set_by_clinic_config(key)
            if from_config:
                field.edit.setText(from_config)
                field.problem.hide()
            elif not field.edit.isEnabled():  # was locked: the patient's own again
                field.edit.setText(getattr(self._prefs.clinic_details(), key))
            field.edit.setEnabled(not from_config)
            field.locked.setVisible(bool(from_config))

    def focus_first_open(self) -> None:
        """Put the cursor in the phone field (else the first the patient may change)."""
        order = ("phone", "name", "after_hours_phone")
        for key in order:
            if self.fields[key].edit.isEnabled():
                self.fields[key].edit.setFocus()
                return

    # checking and keeping ---------------------------------------------------------------------

    def _problem_words(self, field: _Field, problem: DetailProblem) -> str:
        if problem is DetailProblem.TOO_LONG:
            most = NAME_MAX if field.key == "name" else PHONE_MAX
            return self.tr("That is too long: use at most %n characters.", "", most)
        if problem is DetailProblem.NOT_PLAIN_TEXT:
            return self.tr("Write the name in plain words, without < or >.")
        if problem is DetailProblem.NOT_ONE_LINE:
            return self.tr("Write it on one line.")
        if problem is DetailProblem.NO_DIGITS:
            return self.tr("A phone number needs some digits.")
        return self.tr("Use digits, spaces and + ( ) - only, like +1 (555) 010-0123.")

    def _checked(self, field: _Field) -> bool:
        """Show what is wrong with the field now, or nothing; True when it can be kept."""
        problem = field.check(field.edit.text())
        if problem is None:
            field.problem.hide()
            return True
        text = self._problem_words(field, problem)
        field.problem.setText(text)
        field.problem.setAccessibleName(text)
        field.problem.show()
        return False

    def _edited(self, field: _Field) -> None:
        self._checked(field)
        self._timer.start()  # keep it once typing stops

    def save_all(self) -> None:
        """Keep every field that passes its check and differs from what is kept."""
        self._timer.stop()
        kept = False
        for field in self.fields.values():
            if not field.edit.isEnabled() or not self._checked(field):
                continue
            try:
                kept = self._prefs.set_clinic_detail(field.key, field.edit.text()) or kept
            except StoreWriteError as error:
                tell(self.status, not_saved_text(error), problem=True)
                self.status.show()
                return
        if kept:
            tell(self.status, self.tr("Saved."))
            self.status.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_locks()  # a clinic config may have arrived since
        self.show_bundle_status()

    def show_bundle_status(self) -> None:
        setup = started_with()
        lines = status_text(current_status(), setup.bundle_version if setup else None)
        self.bundle_status.setText("\n".join(lines))
        self.bundle_status.setVisible(bool(lines))

    def hideEvent(self, event: QHideEvent) -> None:
        if self._timer.isActive():
            self.save_all()  # leaving Settings keeps what was typed
        super().hideEvent(event)
