"""Clinic setup: changing the kiosk's staff PIN. Two fields (the PIN, then the same again),
checked by app.domain.kiosk_pin's rules for a new PIN; stored only as the scrypt hash."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.clinic_fields import ConfigField
from app.domain.kiosk_pin import PIN_MAX_DIGITS, PinError, check_new_pin, hash_new_pin
from app.ui.screens.clinic_setup_editors import Editor


class PinEditor(Editor):
    """Both fields empty: the PIN stays as it is. `value()` is the hash to store (None: keep
    what the file has); `problem()` says what is wrong with what was typed."""

    def __init__(self, field: ConfigField, name: str) -> None:
        super().__init__(field, name)
        column = QVBoxLayout()
        column.setSpacing(6)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setProperty("role", "secondary")
        column.addWidget(self.state)
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX_DIGITS}}}"))
        self.first = QLineEdit()
        self.first.setAccessibleName(QCoreApplication.translate("ClinicSetup", "New staff PIN"))
        self.first.setPlaceholderText(
            QCoreApplication.translate("ClinicSetup", "New PIN: 6 to 12 digits")
        )
        self.again = QLineEdit()
        self.again.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "The new staff PIN again")
        )
        self.again.setPlaceholderText(
            QCoreApplication.translate("ClinicSetup", "The same PIN again")
        )
        for edit in (self.first, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setValidator(digits)
            edit.textEdited.connect(lambda _text: self.edited.emit())
            column.addWidget(edit)
        self.row.addLayout(column, 1)
        self._has_pin = False

    def show_value(self, value: object | None) -> None:
        self.first.clear()
        self.again.clear()
        self._has_pin = value is not None
        text = (
            QCoreApplication.translate(
                "ClinicSetup", "A staff PIN is set. Type a new one twice to change it."
            )
            if self._has_pin
            else QCoreApplication.translate(
                "ClinicSetup", "No staff PIN yet: the kiosk cannot be closed from its screen."
            )
        )
        self.state.setText(text)
        self.state.setAccessibleName(text)

    def typed(self) -> bool:
        return bool(self.first.text() or self.again.text())

    def problem(self, finished: bool) -> str | None:
        """What is wrong with the new PIN; with `finished` False (still typing) a second field
        that is only shorter so far is not yet a mistake."""
        if not self.typed():
            return None
        try:
            check_new_pin(self.first.text())
        except PinError as error:
            return str(error)
        second = self.again.text()
        if not second and finished:
            return QCoreApplication.translate(
                "ClinicSetup", "Type the same PIN again in the second field."
            )
        if second != self.first.text() and (finished or not self.first.text().startswith(second)):
            return QCoreApplication.translate(
                "ClinicSetup", "The two PINs are different: type the same PIN in both fields."
            )
        return None

    def value(self) -> object | None:
        """The hash to store: call only when problem(True) is None (~50 ms of scrypt)."""
        if not self.typed():
            return None
        return hash_new_pin(self.first.text())

    def focus_widget(self) -> QWidget:
        return self.first
