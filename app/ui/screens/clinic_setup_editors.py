"""Clinic setup: one editor per kind of clinic config value. Each shows a value as the file
has it (`show_value`), gives the value to write (`value`, None: not set, the key is removed) and
emits `edited` when staff change it. The form (clinic_setup.py) adds the label, help and the
problem line around each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.clinic_fields import DURATION_MAX, ConfigField
from app.ui.wrap_buttons import WrapCheckBox


def unit_words(unit: str) -> str:
    return {
        "seconds": QCoreApplication.translate("ClinicSetup", "seconds"),
        "hours": QCoreApplication.translate("ClinicSetup", "hours"),
        "days": QCoreApplication.translate("ClinicSetup", "days"),
    }.get(unit, unit)


class Editor(QWidget):
    """The common shape: a row of controls for one value."""

    edited = Signal()

    def __init__(self, field: ConfigField, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.name = name  # the field's label, for accessible names
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)

    def show_value(self, value: object | None) -> None:
        raise NotImplementedError

    def value(self) -> object | None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The control a label's mnemonic and the problem line lead to."""
        return self


class TextEditor(Editor):
    """One line of text; empty means "not set"."""

    def __init__(self, field: ConfigField, name: str, placeholder: str = "") -> None:
        super().__init__(field, name)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.row.addWidget(self.edit, 1)

    def show_value(self, value: object | None) -> None:
        self.edit.setText("" if value is None else str(value))

    def value(self) -> object | None:
        return self.edit.text().strip() or None

    def focus_widget(self) -> QWidget:
        return self.edit


class BoolEditor(Editor):
    def __init__(self, field: ConfigField, name: str, words: str) -> None:
        super().__init__(field, name)
        self.box = WrapCheckBox(words)
        self.box.setAccessibleName(name)
        self.box.toggled.connect(lambda _on: self.edited.emit())
        self.row.addWidget(self.box, 1)

    def show_value(self, value: object | None) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(value is True or (value is None and self.field.default is True))
        self.box.blockSignals(False)

    def value(self) -> object | None:
        return self.box.isChecked()

    def focus_widget(self) -> QWidget:
        return self.box


class IntEditor(Editor):
    """A whole number within the field's range, with its unit."""

    def __init__(self, field: ConfigField, name: str) -> None:
        super().__init__(field, name)
        self.spin = QSpinBox()
        self.spin.setRange(field.minimum, field.maximum)
        if field.unit:
            self.spin.setSuffix(" " + unit_words(field.unit))
        self.spin.setAccessibleName(name)
        self.spin.valueChanged.connect(lambda _v: self.edited.emit())
        self.row.addWidget(self.spin)
        self.row.addStretch(1)

    def show_value(self, value: object | None) -> None:
        shown = value if type(value) is int else self.field.default
        self.spin.blockSignals(True)
        self.spin.setValue(shown if isinstance(shown, int) else self.field.minimum)
        self.spin.blockSignals(False)

    def value(self) -> object | None:
        return self.spin.value()

    def focus_widget(self) -> QWidget:
        return self.spin


def own_timing_box(name: str) -> WrapCheckBox:
    """ "Use the clinic's own timing": ticked, the field's value is the clinic's; not ticked,
    the content pack's default stays in force."""
    box = WrapCheckBox(QCoreApplication.translate("ClinicSetup", "Use the clinic's own timing"))
    box.setAccessibleName(
        QCoreApplication.translate("ClinicSetup", "{field}: use the clinic's own timing").format(
            field=name
        )
    )
    return box


class DurationEditor(Editor):
    """A timing: the pack's default, or the clinic's own amount in hours or days."""

    def __init__(self, field: ConfigField, name: str) -> None:
        super().__init__(field, name)
        column = QVBoxLayout()
        column.setSpacing(4)
        self.own = own_timing_box(name)
        column.addWidget(self.own)
        line = QHBoxLayout()
        self.amount = QSpinBox()
        self.amount.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "{field}: amount").format(field=name)
        )
        self.unit = QComboBox()
        self.unit.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "{field}: unit").format(field=name)
        )
        for unit in DURATION_MAX:
            self.unit.addItem(unit_words(unit), unit)
        line.addWidget(self.amount)
        line.addWidget(self.unit)
        line.addStretch(1)
        column.addLayout(line)
        self.row.addLayout(column, 1)
        self.own.toggled.connect(self._own_toggled)
        self.amount.valueChanged.connect(lambda _v: self.edited.emit())
        self.unit.currentIndexChanged.connect(self._unit_changed)

    def _unit_changed(self) -> None:
        self.amount.setMaximum(DURATION_MAX[self.unit.currentData()])
        self.edited.emit()

    def _own_toggled(self, on: bool) -> None:
        self.amount.setEnabled(on)
        self.unit.setEnabled(on)
        if not on:  # back to the pack's value, shown greyed
            self._show_amount(self.field.default)
        self.edited.emit()

    def _show_amount(self, value: object | None) -> None:
        for widget in (self.amount, self.unit):
            widget.blockSignals(True)
        amount, unit = 1, self.field.unit
        if isinstance(value, dict):
            raw_amount, raw_unit = value.get("amount"), value.get("unit")
            amount = raw_amount if type(raw_amount) is int else amount
            unit = raw_unit if raw_unit in DURATION_MAX else unit
        self.unit.setCurrentIndex(max(self.unit.findData(unit), 0))
        self.amount.setRange(1, DURATION_MAX[self.unit.currentData()])
        self.amount.setValue(amount)
        for widget in (self.amount, self.unit):
            widget.blockSignals(False)

    def show_value(self, value: object | None) -> None:
        self.own.blockSignals(True)
        self.own.setChecked(value is not None)
        self.own.blockSignals(False)
        self.amount.setEnabled(value is not None)
        self.unit.setEnabled(value is not None)
        self._show_amount(value if value is not None else self.field.default)

    def value(self) -> object | None:
        if not self.own.isChecked():
            return None
        return {"amount": self.amount.value(), "unit": self.unit.currentData()}

    def focus_widget(self) -> QWidget:
        return self.own


class OptionalIntEditor(Editor):
    """Whole days (a getting-ready timing): the pack's, or the clinic's own."""

    def __init__(self, field: ConfigField, name: str) -> None:
        super().__init__(field, name)
        column = QVBoxLayout()
        column.setSpacing(4)
        self.own = own_timing_box(name)
        self.spin = QSpinBox()
        self.spin.setRange(field.minimum, field.maximum)
        self.spin.setSuffix(" " + QCoreApplication.translate("ClinicSetup", "days before"))
        self.spin.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "{field}: days before").format(field=name)
        )
        column.addWidget(self.own)
        column.addWidget(self.spin, 0, Qt.AlignmentFlag.AlignLeft)
        self.row.addLayout(column, 1)
        self.own.toggled.connect(self._own_toggled)
        self.spin.valueChanged.connect(lambda _v: self.edited.emit())

    def _own_toggled(self, on: bool) -> None:
        self.spin.setEnabled(on)
        if not on:
            self._show_days(self.field.default)
        self.edited.emit()

    def _show_days(self, value: object | None) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value if type(value) is int else 0)
        self.spin.blockSignals(False)

    def show_value(self, value: object | None) -> None:
        self.own.blockSignals(True)
        self.own.setChecked(value is not None)
        self.own.blockSignals(False)
        self.spin.setEnabled(value is not None)
        self._show_days(value if value is not None else self.field.default)

    def value(self) -> object | None:
        return self.spin.value() if self.own.isChecked() else None

    def focus_widget(self) -> QWidget:
        return self.own


class RegionEditor(Editor):
    """A region the pack knows an emergency number for, or none (the computer's)."""

    def __init__(self, field: ConfigField, name: str, regions: list[tuple[str, str]]) -> None:
        super().__init__(field, name)
        self.choice = QComboBox()
        self.choice.setAccessibleName(name)
        self.choice.addItem(
            QCoreApplication.translate("ClinicSetup", "Not set: use the computer's region"), None
        )
        for code, words in regions:
            self.choice.addItem(f"{words} ({code})", code)
        self.choice.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.row.addWidget(self.choice, 1)

    def show_value(self, value: object | None) -> None:
        self.choice.blockSignals(True)
        index = self.choice.findData(value) if isinstance(value, str) else 0
        if index < 0:  # a code the pack has no number for: still shown, as the file has it
            self.choice.addItem(str(value), value)
            index = self.choice.count() - 1
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)

    def value(self) -> object | None:
        data = self.choice.currentData()
        return data if isinstance(data, str) else None

    def focus_widget(self) -> QWidget:
        return self.choice
