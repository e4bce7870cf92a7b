"""Writes to the store as the window sees them: plain words when one fails, and the WAL folded
back into the database once writing has been quiet for a while.

A failed write never reaches the crash dialog: the screen that asked for it catches
StoreWriteError, puts its control back to what is stored, and shows `not_saved_text` beside it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel

from app.store import Store, StoreWriteError

log = logging.getLogger(__name__)

QUIET_MS = 5000  # no write for this long: fold the WAL back and empty it


def not_saved_text(error: StoreWriteError) -> str:
    """What went wrong and what to do next, for a write that did not happen."""
    messages = {
        "disk_full": QCoreApplication.translate(
            "StoreWrites", "Not saved: the disk is full. Free some space, then try again."
        ),
        "read_only": QCoreApplication.translate(
            "StoreWrites",
            "Not saved: your data file is read-only. Make your data folder writable again, "
            "then try again.",
        ),
        "locked": QCoreApplication.translate(
            "StoreWrites",
            "Not saved: another program is using your data file. Wait a moment, then try again.",
        ),
    }
    return messages.get(
        error.kind,
        QCoreApplication.translate(
            "StoreWrites",
            "Not saved: your data file could not be written. Check the disk, then try again. "
            "If it keeps happening, restart the app.",
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


class QuietCheckpoint(QObject):
    """Checkpoints the store (TRUNCATE) once no write has happened for `quiet_ms`, so a `-wal`
    file only exists while the app is writing. `wrote()` after every write restarts the wait:
    one single-shot timer, never a checkpoint per tick."""

    def __init__(self, store: Store, quiet_ms: int = QUIET_MS, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self.checkpoint_now)

    def wrote(self) -> None:
        self._timer.start()

    def is_waiting(self) -> bool:
        return self._timer.isActive()

    def checkpoint_now(self) -> None:
        self._timer.stop()
        try:
            self._store.checkpoint()
        except StoreWriteError as error:
            # Nothing is lost: the WAL stays and SQLite folds it back at the next chance.
            log.warning("WAL checkpoint did not complete (%s)", error.kind)
