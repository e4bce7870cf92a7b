"""Writes to the store as the window sees them: plain words when one fails.

A failed write never reaches the crash dialog: the screen that asked for it catches
StoreWriteError, puts its control back to what is stored, and shows `not_saved_text` beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.store import StoreWriteError


def _tr(text: str) -> str:
    return QCoreApplication.translate("StoreWrites", text)


def not_saved_text(error: StoreWriteError) -> str:
    """What went wrong and what to do next, for a write that did not happen."""
    messages = {
        "disk_full": _tr("Not saved: the disk is full. Free some space, then try again."),
        "read_only": _tr(
            "Not saved: your data file is read-only. Make your data folder writable again, "
            "then try again."
        ),
        "locked": _tr(
            "Not saved: another program is using your data file. Wait a moment, then try again."
        ),
    }
    return messages.get(
        error.kind,
        _tr(
            "Not saved: your data file could not be written. Check the disk, then try again. "
            "If it keeps happening, restart the app."
        ),
    )


def tell(label: QLabel, text: str, *, problem: bool = False) -> None:
    """Put a status line beside a control: quiet grey when all is well, body text (which reads
    more strongly) when something was not saved."""
    label.setText(text)
    label.setAccessibleName(text)
    role = "" if problem else "secondary"
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)
