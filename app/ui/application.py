"""Start the home window: data folder, log, one copy only, store, theme, window."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_ID, APP_NAME, ORGANIZATION, paths, version
from app.logs import setup_logging
from app.store import DatabaseTooNew, Recovery, Store
from app.ui.areas import home_areas
from app.ui.error_dialog import install_excepthook
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.single_instance import SingleInstance
from app.ui.theme import stylesheet

log = logging.getLogger(__name__)
BENCH_ENV = "MICRONEEDLING_BENCH_FIRST_PAINT"


@dataclass(frozen=True)
class GuiOptions:
    data_dir: str | None = None


def tr(text: str) -> str:
    return QCoreApplication.translate("Application", text)


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(version())
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "app.svg"))))
    return app


def apply_theme(app: QApplication, prefs: Preferences, kiosk: bool = False) -> None:
    app.setStyleSheet(stylesheet(prefs.theme, prefs.text_step, kiosk))


def recovery_message(recovery: Recovery) -> str:
    kept = tr(
        "Your saved data could not be read because the file was damaged. "
        "The damaged file has been kept, unchanged, as {name} in your data folder."
    ).format(name=recovery.damaged_copy.name)
    if recovery.restored_from is None:
        return kept + " " + tr("No backup was found, so the app has started with empty data.")
    when = recovery.restored_from.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        kept
        + " "
        + tr(
            "Your data was restored from a backup made on {when}. "
            "Anything you changed after that time is missing."
        ).format(when=when)
    )


class _FirstPaintProbe(QObject):
    """For build_scripts/bench.py: print the wall-clock time of the first paint, then quit."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def run_gui(options: GuiOptions) -> int:
    app = create_application()
    try:
        data = paths.data_dir(options.data_dir)
    except (OSError, RuntimeError) as error:
        QMessageBox.critical(
            None,
            tr("The data folder cannot be used"),
            tr("The app cannot use the folder for your data: {error}").format(error=error),
        )
        return 2
    log_file = setup_logging(data)
    log.info("starting %s %s", APP_NAME, version())

    instance = SingleInstance(data)
    if not instance.acquire():
        return 0
    install_excepthook()

    try:
        store = Store.open(data)
    except DatabaseTooNew as error:
        log.error("refused a database from a newer version (%s > %s)", error.found, error.supported)
        QMessageBox.critical(None, tr("Saved data from a newer version"), str(error))
        return 3
    except (sqlite3.Error, OSError) as error:
        log.error("could not open the database: %s", type(error).__name__)
        QMessageBox.critical(
            None,
            tr("Saved data could not be opened"),
            tr("The app could not open your saved data in {folder}. Nothing was changed.").format(
                folder=str(data)
            ),
        )
        return 3

    prefs = Preferences(store)
    apply_theme(app, prefs)
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME
    )
    window = MainWindow(home_areas(prefs, data, log_file), settings, prefs.theme)

    def on_preferences_changed() -> None:
        apply_theme(app, prefs)
        window.apply_icons(prefs.theme)

    prefs.changed.connect(on_preferences_changed)
    instance.activation_requested.connect(window.bring_forward)
    if os.environ.get(BENCH_ENV):
        _FirstPaintProbe(window)
    window.show()
    # Listening for later copies can wait until the window is up: it is not needed to paint.
    QTimer.singleShot(0, instance.listen)
    log.info("window shown")
    if store.recovery is not None:
        recovery = store.recovery
        QTimer.singleShot(
            0,
            lambda: QMessageBox.warning(
                window, tr("Your saved data was repaired"), recovery_message(recovery)
            ),
        )
    try:
        return app.exec()
    finally:
        store.close()
        instance.release()
        log.info("stopped")
