"""Clinic setup in the home window: Settings → "Open clinic setup" opens the form in its own
window, scrolling, with Close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.render.content_provider import ContentProvider
from app.ui.screens.clinic_setup import ClinicSetupForm
from app.ui.screens.page import add_label


class ClinicSetupDialog(QDialog):
    """The form in a window of its own. `saved(path)` after each save."""

    saved = Signal(object)

    def __init__(self, content: ContentProvider, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ClinicSetup", "Clinic setup"))
        self.setAccessibleName(QCoreApplication.translate("ClinicSetup", "Clinic setup"))
        self.setObjectName("clinicSetup")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("page")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(8)
        add_label(column, QCoreApplication.translate("ClinicSetup", "Clinic setup"), "h1")
        add_label(
            column,
            QCoreApplication.translate(
                "ClinicSetup",
                "For clinic staff: what patients see of your clinic, your aftercare timings and "
                "the kiosk. Each field is checked as you type; Save keeps the file's comments.",
            ),
            "secondary",
        )
        self.form = ClinicSetupForm(content, path)
        self.form.saved.connect(self.saved)
        column.addWidget(self.form)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(QCoreApplication.translate("ClinicSetup", "Close"))
        close.setAccessibleName(QCoreApplication.translate("ClinicSetup", "Close the clinic setup"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout()
        box.setContentsMargins(24, 8, 24, 16)
        box.addWidget(buttons)
        outer.addLayout(box)
        self.resize(760, 640)
