"""The dialog for an unhandled exception: what happened, and a report the user can copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ErrorDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAccessibleName(self.tr("Something went wrong"))
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "The app ran into a problem it did not expect. Your saved data is safe. "
                "You can keep using the app. If this keeps happening, copy the report below "
                "and send it to the people who support the app."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Problem report"))
        layout.addWidget(self.report)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setAccessibleName(self.tr("Copy report"))
        self.copy_button.clicked.connect(self._copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
