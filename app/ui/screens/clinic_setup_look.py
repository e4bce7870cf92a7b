"""Clinic setup: the accent colour (with a live contrast check and a preview) and the logo (with
a preview and a file chooser).

The logo must lie in the config's folder (app.domain.clinic refuses anything else), so a file
chosen elsewhere is copied next to the config when the setup is saved, under its own name (with
"-2", "-3"... if another file has that name), and the config names it relative to its folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clinic import MIN_TEXT_CONTRAST, MIN_UI_CONTRAST, WHITE
from app.domain.clinic_fields import ConfigField
from app.domain.contrast import contrast_ratio
from app.ui.images import render_svg
from app.ui.screens.clinic_setup_editors import Editor

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
PREVIEW_PX = 64


class ColourEditor(Editor):
    """ "#RRGGBB", with a button and a link drawn in it and the two contrasts measured."""

    def __init__(self, field: ConfigField, name: str) -> None:
        super().__init__(field, name)
        column = QVBoxLayout()
        column.setSpacing(6)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(
            QCoreApplication.translate(
                "ClinicSetup", 'Not set: the app\'s own teal, like "#0B6E74"'
            )
        )
        self.edit.textEdited.connect(self._typed)
        column.addWidget(self.edit)
        self.button_sample = QLabel(QCoreApplication.translate("ClinicSetup", "A button"))
        self.link_sample = QLabel(QCoreApplication.translate("ClinicSetup", "A link"))
        self.button_sample.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "Preview: a button in this colour")
        )
        self.link_sample.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "Preview: a link in this colour")
        )
        for sample in (self.button_sample, self.link_sample):
            sample.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ratios = QLabel()
        self.ratios.setWordWrap(True)
        self.ratios.setProperty("role", "secondary")
        column.addWidget(self.button_sample, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.link_sample, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.ratios)
        self.row.addLayout(column, 1)
        self._preview()

    def _typed(self) -> None:
        self._preview()
        self.edited.emit()

    def _preview(self) -> None:
        colour = self.edit.text().strip()
        shown = bool(_COLOUR.fullmatch(colour))
        for widget in (self.button_sample, self.link_sample, self.ratios):
            widget.setVisible(shown)
        if not shown:
            return
        # Exact colours on purpose: this is what the theme will draw with them.
        self.button_sample.setStyleSheet(
            f"background: {colour}; color: {WHITE}; border-radius: 6px; padding: 8px 16px;"
        )
        self.link_sample.setStyleSheet(
            f"background: {WHITE}; color: {colour}; text-decoration: underline; padding: 8px;"
        )
        text_on_it = contrast_ratio(WHITE, colour)
        on_white = contrast_ratio(colour, WHITE)
        words = QCoreApplication.translate(
            "ClinicSetup",
            "White text on it: {a}:1 (needs {need_a}:1). On the white background: {b}:1 "
            "(needs {need_b}:1).",
        ).format(
            a=f"{int(text_on_it * 100) / 100:.2f}",
            need_a=f"{MIN_TEXT_CONTRAST:g}",
            b=f"{int(on_white * 100) / 100:.2f}",
            need_b=f"{MIN_UI_CONTRAST:g}",
        )
        self.ratios.setText(words)
        self.ratios.setAccessibleName(words)

    def show_value(self, value: object | None) -> None:
        self.edit.setText("" if value is None else str(value))
        self._preview()

    def value(self) -> object | None:
        return self.edit.text().strip() or None

    def focus_widget(self) -> QWidget:
        return self.edit


class LogoEditor(Editor):
    """The logo's path relative to the config's folder, a preview, "Choose a file..." (where a
    dialog may open: not in the kiosk) and "No logo"."""

    def __init__(self, field: ConfigField, name: str, folder: Path, can_browse: bool) -> None:
        super().__init__(field, name)
        self.folder = folder
        self.pending: Path | None = None  # chosen outside the folder: copied in on saving
        column = QVBoxLayout()
        column.setSpacing(6)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(
            QCoreApplication.translate(
                "ClinicSetup", 'Not set, or a file in the config\'s folder: "logo.svg"'
            )
        )
        self.edit.textEdited.connect(self._typed)
        column.addWidget(self.edit)
        self.preview = QLabel()
        self.preview.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "Preview of the logo")
        )
        self.preview.setMinimumHeight(PREVIEW_PX)
        column.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignLeft)
        self.choose = QPushButton(QCoreApplication.translate("ClinicSetup", "Choose a file…"))
        self.choose.setAccessibleName(
            QCoreApplication.translate("ClinicSetup", "Choose the logo file")
        )
        self.choose.clicked.connect(self._browse)
        self.choose.setVisible(can_browse)
        self.clear = QPushButton(QCoreApplication.translate("ClinicSetup", "No logo"))
        self.clear.setAccessibleName(QCoreApplication.translate("ClinicSetup", "No logo"))
        self.clear.clicked.connect(self._no_logo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.row.addLayout(column, 1)

    def _typed(self) -> None:
        self.pending = None
        self.show_preview(None)
        self.edited.emit()

    def _no_logo(self) -> None:
        self.edit.clear()
        self._typed()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ClinicSetup", "Choose the clinic's logo"),
            str(self.folder),
            QCoreApplication.translate("ClinicSetup", "Logo (*.svg *.png)"),
        )
        if chosen:
            self.use_file(Path(chosen))

    def use_file(self, path: Path) -> None:
        """Use the image at `path`: named relative to the folder when inside it, else copied
        there on saving."""
        folder = self.folder.resolve()
        try:
            relative = path.resolve().relative_to(folder)
        except (ValueError, OSError):
            self.pending = path
            self.edit.setText(path.name)
        else:
            self.pending = None
            self.edit.setText(relative.as_posix())
        self.show_preview(None)
        self.edited.emit()

    def source_file(self) -> Path | None:
        """The file the value names: the chosen one until it is copied, else in the folder."""
        text = self.edit.text().strip()
        if not text:
            return None
        return self.pending or self.folder.joinpath(*Path(text.replace("\\", "/")).parts)

    def show_preview(self, path: Path | None) -> None:
        """Draw `path` (already checked by the loader's rules), or nothing."""
        pixmap = QPixmap()
        if path is not None and path.suffix.lower() == ".svg":
            image = render_svg(path, height=PREVIEW_PX)
            pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        elif path is not None:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                pixmap = pixmap.scaledToHeight(
                    PREVIEW_PX, Qt.TransformationMode.SmoothTransformation
                )
        if not pixmap.isNull() and pixmap.width() > 4 * PREVIEW_PX:
            pixmap = pixmap.scaledToWidth(
                4 * PREVIEW_PX, Qt.TransformationMode.SmoothTransformation
            )
        self.preview.setPixmap(pixmap)
        self.preview.setVisible(not pixmap.isNull())

    def show_value(self, value: object | None) -> None:
        self.pending = None
        self.edit.setText("" if value is None else str(value))

    def value(self) -> object | None:
        return self.edit.text().strip() or None

    def focus_widget(self) -> QWidget:
        return self.edit


def free_name(folder: Path, name: str, data: bytes) -> str:
    """A file name in `folder` for a copy of `data` called `name`: the name itself when free
    or already holding the same bytes, else name-2, name-3, ..."""
    base = Path(name)
    for number in range(1, 1000):
        candidate = base.name if number == 1 else f"{base.stem}-{number}{base.suffix}"
        target = folder / candidate
        try:
            if not target.exists() or target.read_bytes() == data:
                return candidate
        except OSError:
            continue
    raise OSError(f"no free file name for {name} in {folder}")
