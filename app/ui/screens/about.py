"""About: the version, where the data lives, and what this app is and is not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app import version
from app.ui.screens.page import Page, add_callout, add_label


class AboutScreen(Page):
    def __init__(self, data_dir: Path | None, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(self.tr("About this app"), parent)
        self.disclaimer = add_callout(
            self.column,
            self.tr(
                "This app gives general information about microneedling for acne scars. "
                "It does not replace your clinic. Always follow the instructions your clinic "
                "gives you. If you have trouble breathing, or your lips, tongue or throat swell, "
                "call emergency services now."
            ),
            "caution",
        )
        add_label(self.column, self.tr("Version"), "h2")
        self.version_label = add_label(self.column, version())
        add_label(self.column, self.tr("Where your data is kept"), "h2")
        if data_dir is None:
            where = self.tr("Nothing is saved on this display. What you enter here is forgotten.")
        else:
            where = self.tr(
                "Your data stays on this computer, in this folder: {folder}. "
                "Nothing is sent over the internet."
            ).format(folder=str(data_dir))
        self.data_label = add_label(self.column, where)
        if log_file is not None:
            add_label(
                self.column,
                self.tr(
                    "A log of what the app did, without anything you typed, is kept in {file}."
                ).format(file=str(log_file)),
                "secondary",
            )
        self.column.addStretch(1)
