"""Clinic setup in the home window: Settings → "Clinic setup" opens the form in its own window,
scrolling, with Close; where the clinic config lives, and a way to open it from Settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.clinic_location import default_clinic_config_path
from app.render.content_provider import ContentProvider
from app.ui.screens.clinic_setup import ClinicSetupForm
from app.ui.screens.clinic_setup_editors import tr
from app.ui.screens.page import add_label


def config_path_for_setup(content: ContentProvider) -> Path:
    """The file the app loaded the clinic config from, else where it would look for one."""
    loaded = getattr(content, "clinic_config_path", None)
    if isinstance(loaded, Path):
        return loaded
    try:
        home = Path.home()
    except RuntimeError:  # no home folder known: only Windows has a path without one
        home = Path()
    return default_clinic_config_path(sys.platform, os.environ, home)


class ClinicSetupDialog(QDialog):
    """The form in a window of its own. `saved(path)` after each save."""

    saved = Signal(object)

    def __init__(self, content: ContentProvider, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Clinic setup"))
        self.setAccessibleName(tr("Clinic setup"))
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
        add_label(column, tr("Clinic setup"), "h1")
        add_label(
            column,
            tr(
                "For clinic staff: what patients see of your clinic, your aftercare timings and "
                "the kiosk. Each field is checked as you type; Save keeps the file's comments."
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
        close.setText(tr("Close"))
        close.setAccessibleName(tr("Close the clinic setup"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout()
        box.setContentsMargins(24, 8, 24, 16)
        box.addWidget(buttons)
        outer.addLayout(box)
        self.resize(760, 640)
