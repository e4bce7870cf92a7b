"""Start the home window: data folder, log, one copy only, store, theme, window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon, QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_ID, APP_NAME, ORGANIZATION, paths, version
from app.fleet.startup import StartSetup, start_setup
from app.logs import buffer_startup_logging, start_file_logging
from app.render.content_provider import ContentProvider
from app.render.translation import choose_language, current_language, install_language
from app.ui.areas import home_areas
from app.ui.excepthook import install_excepthook
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.single_instance import LockProblem, Outcome, SingleInstance
from app.ui.start import wire_start
from app.ui.store_open import open_store, tell_about_store
from app.ui.store_writes import QuietCheckpoint
from app.ui.theme import qt_palette, stylesheet

if TYPE_CHECKING:  # pydantic: loaded after the first frame
    from app.domain.clinic import ClinicConfig

log = logging.getLogger(__name__)
BENCH_ENV = "MICRONEEDLING_BENCH_FIRST_PAINT"
EXIT_NOT_ANSWERING = 1  # another copy holds the data folder but does not answer
EXIT_CANNOT_LOCK = 2  # as for a data folder that cannot be used at all
GC_AT_THE_LATEST_MS = 10_000  # the garbage collector is back on by then (see app.cli)


@dataclass(frozen=True)
class ClinicSettings:
    config: ClinicConfig
    path: Path | None  # None: there is no clinic config
    problems: list[str]


@dataclass(frozen=True)
class GuiOptions:
    data_dir: str | None = None
    content_pack: str | None = None
    clinic_config: str | None = None
    kiosk: bool = False  # --kiosk; kiosk.enabled in the clinic config also turns it on
    screen: int | None = None  # the kiosk's screen; None: the primary
    language: str | None = None  # --language; None: the system's (app/ui/translation.py)


def create_application(language: str | None = None) -> QApplication:
    """The QApplication, named, with the translators for `language` (None: the system's)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(version())
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "app.svg"))))
    install_language(choose_language(language))
    return app


def apply_theme(
    app: QApplication, prefs: Preferences, kiosk: bool = False, accent: str | None = None
) -> None:
    icons = paths.resource_path("icons").as_posix()
    app.setPalette(qt_palette(prefs.theme, accent))  # links and locked text: out of QSS's reach
    app.setStyleSheet(stylesheet(prefs.theme, prefs.text_step, kiosk, accent, icons))
    # Qt's pixmap cache files icons and drawn controls under the palette they were drawn with,
    # so after a change nothing in it can be used again; kept, it grew with every theme or text
    # size change up to its 10 MB limit (0.4 MB per 1,000 screens in the home soak).
    QPixmapCache.clear()


def single_instance_refusal(
    outcome: Outcome, problem: LockProblem | None, folder: Path
) -> tuple[str, str]:
    """The title and text to show when this copy cannot start: another copy holds the data
    folder and does not answer, or the folder cannot be written at all."""
    if outcome is Outcome.NO_ANSWER:
        return QCoreApplication.translate(
            "Application", "The app is already open"
        ), QCoreApplication.translate(
            "Application",
            "Another copy of the app is already open with your data, but it is not answering. "
            "Switch to its window. If you cannot find it, wait a minute and start the app "
            "again, or restart the computer.",
        )
    if problem is LockProblem.DISK_FULL:
        return QCoreApplication.translate(
            "Application", "The disk is full"
        ), QCoreApplication.translate(
            "Application",
            "The disk that holds your data ({folder}) is full, so the app cannot start. "
            "Free some space, then start the app again. Nothing was changed.",
        ).format(folder=str(folder))
    if problem is LockProblem.READ_ONLY:
        return QCoreApplication.translate(
            "Application", "The data folder is read-only"
        ), QCoreApplication.translate(
            "Application",
            "The app cannot write in its data folder ({folder}), so it cannot start: the "
            "folder or its disk is read-only, or you may not write there. Make it writable, "
            "or choose another folder with --data-dir, then start the app again. "
            "Nothing was changed.",
        ).format(folder=str(folder))
    return QCoreApplication.translate(
        "Application", "The data folder cannot be used"
    ), QCoreApplication.translate(
        "Application",
        "The app could not create its lock file in its data folder ({folder}), so it cannot "
        "start. Check that the disk is connected and has space, then start the app again. "
        "Nothing was changed.",
    ).format(folder=str(folder))


class _FirstPaintProbe(QObject):
    """For build_scripts/bench.py (mode "paint"): exactly what the bare window does, print the
    wall-clock time of the first paint event and quit before anything deferred runs."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first-paint {time.time():.6f}", flush=True)
            # At once: quit() would still let the work queued for after the first frame run
            # in the same pass of the event loop, and that is not what is being measured.
            os._exit(0)
        return False


class _FirstContent(QObject):
    """Work the patient does not wait for (answering other copies, opening the log file, the
    reminders) runs once the first area (Learn's text, or Today) has been painted, not before.

    Armed by MainWindow.first_painted, after the first area was built: the next paint pass of
    the window (the UpdateRequest Qt sends the window itself) draws that area, and `later` runs
    when that pass is over. Watching only the window, not every object of the application:
    an application-wide filter runs Python for every event of every object, and makes PySide
    build the Python class (and its enums) of each internal Qt object it is handed, about 30 ms
    while Learn's first page is laid out. A window that never paints it (minimised at start)
    runs the work after FALLBACK_MS anyway."""

    FALLBACK_MS = 2000

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._armed = False
        self._work: list[Callable[[], object]] | None = []  # None once run
        window.first_painted.connect(self._arm)  # after the area and the content are in

    def later(self, work: Callable[[], object]) -> None:
        if self._work is None:
            work()
        else:
            self._work.append(work)

    def _arm(self) -> None:
        self._armed = True
        self._window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            self._armed = False
            QTimer.singleShot(0, self, self._run)  # after the paint pass now starting
        return False

    def _run(self) -> None:
        self._window.removeEventFilter(self)
        self._armed = False
        work, self._work = self._work or [], None
        for item in work:
            item()


def _report_content_ready() -> None:
    """For build_scripts/bench.py (mode "content"): the first area has been painted. The peak
    memory so far goes with it (KiB on Linux), so the work that follows is not counted; then
    that work runs, and the app quits."""
    import resource  # POSIX only, like the benchmark

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"content-ready {time.time():.6f} {peak}", flush=True)
    print("content-ready", file=sys.stderr, flush=True)  # splits `python -X importtime`'s list
    QTimer.singleShot(0, QCoreApplication.quit)


def build_home_window(
    app: QApplication,
    prefs: Preferences,
    content: ContentProvider,
    data: Path | None,
    log_file: Path | None,
    settings: QSettings,
    session: RecoverySession,
) -> MainWindow:
    """The home window, themed from the preferences and restyled whenever they change."""
    apply_theme(app, prefs)
    areas = home_areas(content, prefs, data, log_file, session)
    window = MainWindow(areas, settings, prefs.theme)
    choose = wire_start(
        window,
        session,
        prefs,
        window.go_to,
        window.show_page,
        lambda: window.area_widget("recovery"),
    )

    def after_first_frame() -> str | None:
        # Enter on buttons and the screen reader's roles matter from the first area on; the
        # first frame (rail and frame) needs neither, so their modules load after it.
        from app.ui.accessible import install_heading_roles
        from app.ui.keyboard import install_enter_activates_buttons

        install_enter_activates_buttons(app)
        install_heading_roles(app)
        return choose()  # which area fits today: it reads the plan

    window.choose_start = after_first_frame

    def on_preferences_changed() -> None:
        content.region = prefs.region  # the emergency number shown everywhere follows it
        apply_theme(app, prefs, accent=content.clinic_accent)
        window.apply_icons(prefs.theme)
        window.restyled.emit()

    def on_clinic_changed() -> None:
        # The patient's clinic details fill what no clinic config sets; the surfaces that
        # show them (Warning signs, Learn, Today, About) redraw, without a new stylesheet.
        details = prefs.clinic_details()
        content.use_patient_clinic(details.name, details.phone, details.after_hours_phone)
        window.restyled.emit()

    content.region = prefs.region
    details = prefs.clinic_details()
    content.use_patient_clinic(details.name, details.phone, details.after_hours_phone)

    def on_language_changed() -> None:
        # Qt's words, the locale's dates and the pack's language, then every area made anew.
        language = install_language(choose_language(prefs.language))
        content.set_language(language)
        window.replace_areas(home_areas(content, prefs, data, log_file, session))
        if window.current_key() == "settings":
            from app.ui.screens.settings import SettingsScreen  # built by then anyway

            screen = window.area_widget("settings")
            if isinstance(screen, SettingsScreen):
                screen.focus_language()

    window.restyle_requested.connect(on_preferences_changed)
    prefs.language_changed.connect(on_language_changed)
    prefs.changed.connect(window.restyle_requested)
    prefs.clinic_changed.connect(on_clinic_changed)
    # Every write restarts one wait; after a quiet spell the WAL is folded back and emptied.
    checkpoint = QuietCheckpoint(session.store, parent=window)
    session.wrote.connect(checkpoint.wrote)
    prefs.changed.connect(checkpoint.wrote)
    prefs.clinic_changed.connect(checkpoint.wrote)
    return window


def _start_reminders(window: MainWindow, session: RecoverySession) -> None:
    """Check for due reminders now and every 30 s while the app runs; show each through the
    system tray when there is one, else in a banner in the window."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from app.ui.reminders import Reminders

    reminders = Reminders(session, window)
    tray: QSystemTrayIcon | None = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(QApplication.windowIcon(), window)
        tray.setToolTip(APP_NAME)
        tray.activated.connect(window.bring_forward)
        tray.show()

    def notify(title: str, text: str) -> None:
        window.show_banner(title, text)  # always visible in the window too
        if tray is not None:
            tray.showMessage(title, text)

    reminders.reminder.connect(notify)
    timer = QTimer(window)
    timer.setInterval(30_000)
    timer.timeout.connect(reminders.check)
    timer.start()
    reminders.check()


def use_clinic_config(content: ContentProvider, explicit: Path | None) -> ClinicSettings:
    """Read the clinic config (if any) into the content provider: name, phones, colour, logo
    and timings. Every value that was fine is used, the defaults for the rest; `problems` says
    what was wrong, one line each, for staff."""
    from app.domain.clinic import ClinicConfig, load_clinic_config
    from app.domain.clinic_location import find_clinic_config

    path = find_clinic_config(explicit)
    if path is None:
        return ClinicSettings(ClinicConfig.empty(), None, [])
    config, problems = load_clinic_config(path, content.content().protocol.rule_ids)
    content.clinic_config_path = path
    content.clinic_name = config.name or ""
    content.clinic_phone = config.phone or ""
    content.clinic_after_hours_phone = config.after_hours_phone or ""
    content.clinic_region = config.region or ""
    content.clinic_accent = config.accent_colour
    content.clinic_logo = config.logo
    content.clinic_overrides = dict(config.protocol_overrides)
    content.clinic_before_days = dict(config.before_days)
    lines = [str(problem) for problem in problems]
    for line in lines:
        log.warning("clinic config problem: %s", line)
    return ClinicSettings(config, path, lines)


def clinic_problem_text(settings: ClinicSettings) -> str:
    return (
        QCoreApplication.translate(
            "Application",
            "Some clinic settings in {file} could not be used. The app uses its own "
            "defaults for those and carries on. What needs fixing:",
        ).format(file=str(settings.path))
        + "\n"
        + "\n".join(settings.problems)
    )


def apply_clinic_config(
    window: MainWindow,
    content: ContentProvider,
    session: RecoverySession,
    explicit: Path | None,
    tell: Callable[[QWidget, str, str], object] | None = None,
) -> list[str]:
    """Read the clinic config (if any) and put it to use in the home window; say plainly what
    was wrong in it."""
    from app.domain.clinic_location import find_clinic_config

    if find_clinic_config(explicit) is None:  # the usual case: the validator is never imported
        return []
    settings = use_clinic_config(content, explicit)
    session.changed.emit()  # plans and screens use the clinic's timings and words from now on
    window.restyle_requested.emit()
    if settings.problems:
        if tell is None:
            from PySide6.QtWidgets import QMessageBox

            tell = QMessageBox.warning
        tell(
            window,
            QCoreApplication.translate("Application", "The clinic settings have mistakes"),
            clinic_problem_text(settings),
        )
    return settings.problems


def _tell_about_content_problems(parent: QWidget, content: ContentProvider) -> None:
    summary = content.problem_summary()
    if summary and content.content().used_fallback:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            parent, QCoreApplication.translate("Application", "Content could not be used"), summary
        )


def _watch_bundles(setup: StartSetup, window: MainWindow) -> None:
    from app.ui.bundle_watch import BundleWatcher

    BundleWatcher(setup, parent=window)


def kiosk_requested(options: GuiOptions) -> bool:
    """--kiosk, or `[kiosk] enabled = true` in the clinic config (read without the validator)."""
    if options.kiosk:
        return True
    from app.domain.clinic_location import find_clinic_config, kiosk_enabled_in

    path = find_clinic_config(Path(options.clinic_config) if options.clinic_config else None)
    return path is not None and kiosk_enabled_in(path)


def run_gui(options: GuiOptions) -> int:
    """The home window or the kiosk. Started from app.cli with the cyclic garbage collector
    off (see there): the kiosk turns it on at once, the home window once its first area is
    painted."""
    if kiosk_requested(options):
        from app.ui.kiosk.run import run_kiosk

        gc.enable()
        return run_kiosk(options)
    app = create_application(options.language)
    try:
        data = paths.data_dir(options.data_dir)
    except (OSError, RuntimeError) as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            QCoreApplication.translate("Application", "The data folder cannot be used"),
            QCoreApplication.translate(
                "Application", "The app cannot use the folder for your data: {error}"
            ).format(error=error),
        )
        return 2
    log_file = buffer_startup_logging(data)
    try:
        return _run(app, options, data, log_file)
    finally:
        start_file_logging()  # a no-op if the first paint already did it


def _run(app: QApplication, options: GuiOptions, data: Path, log_file: Path) -> int:
    log.info("starting %s %s", APP_NAME, version())

    instance = SingleInstance(data)
    outcome = instance.acquire()
    if outcome is Outcome.FORWARDED:
        return 0
    if outcome is not Outcome.FIRST:
        from PySide6.QtWidgets import QMessageBox

        title, text = single_instance_refusal(outcome, instance.problem, data)
        QMessageBox.critical(None, title, text)
        return EXIT_CANNOT_LOCK if outcome is Outcome.CANNOT_LOCK else EXIT_NOT_ANSWERING
    install_excepthook()

    store = open_store(data)
    if store is None:
        return 3

    prefs = Preferences(store)
    if options.language is None and prefs.language != "system":
        install_language(choose_language(prefs.language))  # the patient's choice in Settings
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME
    )
    # A managed machine starts with the setup bundle in use (docs/fleet.md); nothing is read
    # from the bundle folder before the first frame.
    setup = start_setup(
        Path(options.clinic_config) if options.clinic_config else None,
        Path(options.content_pack) if options.content_pack else None,
    )
    content = ContentProvider(setup.content_pack, current_language())
    session = RecoverySession(store, content)
    window = build_home_window(app, prefs, content, data, log_file, settings, session)
    instance.activation_requested.connect(window.bring_forward)
    explicit = setup.clinic_config

    first_content = _FirstContent(window)
    bench_mode = os.environ.get(BENCH_ENV, "")
    if bench_mode == "paint":
        _FirstPaintProbe(window)
    elif bench_mode == "content":
        first_content.later(_report_content_ready)

    def after_content_loaded() -> None:
        # The clinic's timings first: reminders must never fire on a default the clinic changed.
        apply_clinic_config(window, content, session, explicit)
        _tell_about_content_problems(window, content)
        first_content.later(lambda: _start_reminders(window, session))
        # A newer setup bundle is applied while the app runs and used from its next start.
        first_content.later(lambda: _watch_bundles(setup, window))

    content.loaded.connect(after_content_loaded)
    # After the first frame, in this order: the window builds its first area (loading the
    # content); what the patient does not wait for follows once that area is painted.
    window.first_painted.connect(content.load)
    first_content.later(gc.enable)
    QTimer.singleShot(GC_AT_THE_LATEST_MS, gc.enable)  # a window never painted (minimised)
    first_content.later(instance.listen)
    first_content.later(start_file_logging)
    window.show()
    log.info("window shown")
    QTimer.singleShot(0, lambda: tell_about_store(window, store))
    try:
        return app.exec()
    finally:
        store.close()
        instance.release()
        log.info("stopped")
