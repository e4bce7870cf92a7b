"""Opening the saved data at start-up, in the patient's words: why it cannot be opened and
what to do, what a repair did, and a backup that could not be made."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.store import BackupProblem, DatabaseTooNew, Recovery, Store, StoreUnavailable

log = logging.getLogger(__name__)


def open_store(
    data: Path, tell: Callable[[QWidget | None, str, str], object] | None = None
) -> Store | None:
    """Open the saved data, or say plainly why it cannot be opened and what to do (None).

    Every refusal here leaves the files exactly as they were.
    """
    try:
        return Store.open(data)
    except (DatabaseTooNew, StoreUnavailable) as error:
        if tell is None:
            from PySide6.QtWidgets import QMessageBox  # only to refuse: not on the way

            tell = QMessageBox.critical
        _refuse(error, tell)
    return None


def _refuse(
    error: DatabaseTooNew | StoreUnavailable, tell: Callable[[QWidget | None, str, str], object]
) -> None:
    if isinstance(error, DatabaseTooNew):
        log.error("refused a database from a newer version (%s > %s)", error.found, error.supported)
        tell(
            None,
            QCoreApplication.translate("StoreOpen", "Saved data from a newer version"),
            str(error),
        )
        return
    log.error("the database cannot be used right now: %s", error.kind)
    tell(
        None,
        QCoreApplication.translate("StoreOpen", "Your saved data cannot be opened right now"),
        unavailable_message(error),
    )


def tell_about_store(
    parent: QWidget,
    store: Store,
    tell: Callable[[QWidget, str, str], object] | None = None,
) -> None:
    """After the window shows: a repair of the saved data, and a backup that failed."""
    if store.recovery is None and store.backup_problem is None:
        return  # the usual case
    if tell is None:
        from PySide6.QtWidgets import QMessageBox

        tell = QMessageBox.warning
    if store.recovery is not None:
        tell(
            parent,
            QCoreApplication.translate("StoreOpen", "Your saved data was repaired"),
            recovery_message(store.recovery),
        )
        store.acknowledge_recovery()  # told: not again at the next start
    if store.backup_problem is not None:
        tell(
            parent,
            QCoreApplication.translate("StoreOpen", "No backup was made"),
            backup_problem_message(store.backup_problem),
        )


def recovery_message(recovery: Recovery) -> str:
    if recovery.recent_changes_lost:
        return QCoreApplication.translate(
            "StoreOpen",
            "Some of your most recent changes could not be read because part of your saved "
            "data was damaged. Everything saved before them is here. A copy of the damaged "
            "files has been kept, unchanged, as {name} in your data folder.",
        ).format(name=recovery.damaged_copy.name)
    kept = QCoreApplication.translate(
        "StoreOpen",
        "Your saved data could not be read because the file was damaged. "
        "The damaged file has been kept, unchanged, as {name} in your data folder.",
    ).format(name=recovery.damaged_copy.name)
    if recovery.restored_from is None:
        return (
            kept
            + " "
            + QCoreApplication.translate(
                "StoreOpen", "No backup was found, so the app has started with empty data."
            )
        )
    when = recovery.restored_from.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        kept
        + " "
        + QCoreApplication.translate(
            "StoreOpen",
            "Your data was restored from a backup made on {when}. "
            "Anything you changed after that time is missing.",
        ).format(when=when)
    )


def unavailable_message(error: StoreUnavailable) -> str:
    """Why the saved data cannot be used now, and what to do; the data itself is untouched."""
    folder = str(error.folder)
    text = {
        "disk_full": QCoreApplication.translate(
            "StoreOpen", "The disk is full: free some space, then start the app again."
        ),
        "read_only": QCoreApplication.translate(
            "StoreOpen",
            "Your data folder {folder} is read-only, so the app cannot save anything there. "
            "Make it writable, or start the app with --data-dir and another folder.",
        ),
        "no_permission": QCoreApplication.translate(
            "StoreOpen",
            "The app is not allowed to read or write your data folder {folder}. Check that "
            "the folder and the files in it belong to you, then start the app again.",
        ),
        "locked": QCoreApplication.translate(
            "StoreOpen",
            "Your saved data in {folder} is in use by another program. Close it, or wait a "
            "moment, then start the app again.",
        ),
        "io_error": QCoreApplication.translate(
            "StoreOpen",
            "Your saved data in {folder} could not be read because of a problem with the disk. "
            "Check the disk, then start the app again.",
        ),
    }[error.kind].format(folder=folder)
    return (
        text
        + " "
        + QCoreApplication.translate("StoreOpen", "Your saved data has not been changed.")
    )


def backup_problem_message(problem: BackupProblem) -> str:
    why = {
        "disk_full": QCoreApplication.translate("StoreOpen", "the disk is full"),
        "read_only": QCoreApplication.translate("StoreOpen", "the folder is read-only"),
        "no_permission": QCoreApplication.translate(
            "StoreOpen", "the app is not allowed to write there"
        ),
        "locked": QCoreApplication.translate(
            "StoreOpen", "the folder is in use by another program"
        ),
        "io_error": QCoreApplication.translate("StoreOpen", "of a problem with the disk"),
    }[problem.kind]
    return QCoreApplication.translate(
        "StoreOpen",
        "The app could not save a backup of your data in {folder} because {why}. Your data is "
        "safe and the app works as usual, but until this is fixed there is no fresh copy to "
        "go back to if the file is ever damaged.",
    ).format(folder=str(problem.folder), why=why)
