"""Start the kiosk: content and clinic config first, then the fullscreen shell. No data folder,
no store, no settings file and no log file are opened: the kiosk logs to standard error (the
service manager's journal) and writes nothing about anyone who uses it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import APP_NAME, version
from app.domain.clock import Clock, SystemClock
from app.domain.kiosk_pin import PinGate
from app.domain.plan import RecoveryPlan
from app.fleet.startup import StartSetup, start_setup
from app.kiosk_usage import usage_counter
from app.render.content_provider import ContentProvider
from app.render.formatting import system_zone_name
from app.render.translation import current_language
from app.ui.accessible import install_heading_roles
from app.ui.application import (
    GuiOptions,
    apply_theme,
    clinic_problem_text,
    create_application,
    use_clinic_config,
)
from app.ui.excepthook import install_excepthook
from app.ui.keyboard import install_enter_activates_buttons
from app.ui.kiosk.bundles import KioskBundles
from app.ui.kiosk.overlays import Overlay
from app.ui.kiosk.setup import KioskSetup, KioskTimings, desk_phone_words
from app.ui.kiosk.shell import KioskWindow
from app.ui.kiosk.stop_signal import close_on_sigterm
from app.ui.preferences import Preferences
from app.ui.theme import PALETTES

log = logging.getLogger(__name__)
NOTICE_MS = 60_000  # a start-up notice for staff goes away by itself


def log_to_stderr() -> None:
    root = logging.getLogger()
    if not any(getattr(h, "kiosk", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.kiosk = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)


def kiosk_zone() -> ZoneInfo:
    try:
        return ZoneInfo(system_zone_name())
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown system time zone %r; using UTC", system_zone_name())
        return ZoneInfo("UTC")


def print_plan_on_default_printer(content: ContentProvider) -> Callable[[RecoveryPlan], bool]:
    def print_plan(plan: RecoveryPlan) -> bool:
        from app.export.files import handout_document
        from app.export.handout_print import print_on_default_printer

        return print_on_default_printer(handout_document(plan, content, content.clinic_logo))

    return print_plan


def build_kiosk(
    app: QApplication,
    options: GuiOptions,
    clock: Clock | None = None,
    timings: KioskTimings | None = None,
    printer_name: str | None = None,
    print_plan: Callable[[RecoveryPlan], bool] | None = None,
    counts_beside: Path | None = None,
) -> tuple[KioskWindow, list[str]]:
    """The kiosk window, themed, with the clinic's settings; and what staff should be told.
    `counts_beside`: the usage counts' clinic config, when a setup bundle's config is used
    (the counts stay beside the machine's own config, whichever bundle is in use)."""
    install_enter_activates_buttons(app)
    install_heading_roles(app)
    # The pack in the language the kiosk speaks (the pack's first language if it lacks it).
    content = ContentProvider(
        Path(options.content_pack) if options.content_pack else None, current_language()
    )
    content.load()
    settings = use_clinic_config(
        content, Path(options.clinic_config) if options.clinic_config else None
    )
    config = settings.config
    # No Settings on a kiosk: the warning signs send a visitor to the desk for the phone.
    content.missing_phone = desk_phone_words()
    prefs = Preferences(None)  # in memory: a visitor's choices are never kept
    apply_theme(app, prefs, kiosk=True, accent=content.clinic_accent)
    if printer_name is None:
        from app.export.handout_print import default_printer_facts, kiosk_printer_name

        # A default printer that writes files (CUPS-PDF, "Print to File") is no printer here.
        printer_name = kiosk_printer_name(default_printer_facts())
    palette = PALETTES["light"]
    if content.clinic_accent:
        palette = palette._replace(primary=content.clinic_accent)
    zone = kiosk_zone()
    counts_config = counts_beside or settings.path
    usage = usage_counter(counts_config, config.kiosk_usage_counts, clock or SystemClock(), zone)
    setup = KioskSetup(
        clinic_name=content.clinic_name,
        clinic_phone=content.clinic_phone,
        logo=content.clinic_logo,
        reduce_motion=config.kiosk_reduce_motion,
        gate=PinGate(config.kiosk_pin, clock or SystemClock()),
        clock=clock or SystemClock(),
        zone=zone,
        palette=lambda: palette,
        printer_name=printer_name,
        print_plan=usage.counting_prints(print_plan or print_plan_on_default_printer(content)),
        usage=usage,
    )
    timings = timings or KioskTimings(
        idle_ms=config.kiosk_idle_seconds * 1000,
        prompt_ms=config.kiosk_still_there_seconds * 1000,
    )
    window = KioskWindow(content, setup, timings)
    notices = []
    if settings.problems:
        notices.append(clinic_problem_text(settings))
    if content.content().used_fallback:
        notices.append(content.problem_summary())
    return window, notices


def show_notice(window: KioskWindow, text: str) -> Overlay:
    """Tell staff at start-up what was wrong; it goes away on a touch or by itself."""
    from PySide6.QtWidgets import QPushButton

    notice = Overlay(window)
    notice.label(window.tr("For staff: the kiosk started with problems"), "h2")
    notice.label(text)
    ok = QPushButton(window.tr("OK"))
    ok.clicked.connect(notice.hide)
    notice.card_layout.addWidget(ok)
    notice.open()
    QTimer.singleShot(NOTICE_MS, notice, notice.hide)
    return notice


def with_setup(options: GuiOptions, setup: StartSetup) -> GuiOptions:
    """`options` with the content pack and clinic config a setup bundle gives (docs/fleet.md)."""
    pack, config = setup.content_pack, setup.clinic_config
    return replace(
        options,
        content_pack=str(pack) if pack else None,
        clinic_config=str(config) if config else None,
    )


def run_kiosk(options: GuiOptions) -> int:
    log_to_stderr()
    app = create_application(options.language)
    log.info("starting %s %s as a kiosk", APP_NAME, version())
    explicit_config = Path(options.clinic_config) if options.clinic_config else None
    explicit_pack = Path(options.content_pack) if options.content_pack else None
    setup = start_setup(explicit_config, explicit_pack)
    window, notices = build_kiosk(
        app, with_setup(options, setup), counts_beside=setup.machine_config
    )

    def rebuild() -> tuple[KioskWindow, StartSetup]:
        fresh = start_setup(explicit_config, explicit_pack)
        new_window, new_notices = build_kiosk(
            app, with_setup(options, fresh), counts_beside=fresh.machine_config
        )
        new_window.show_on(options.screen)
        for text in new_notices:
            show_notice(new_window, text)
        return new_window, fresh

    bundles = KioskBundles(window, setup, rebuild)
    install_excepthook(show=lambda _report: bundles.window.recover())
    window.show_on(options.screen)
    for text in notices:
        show_notice(window, text)
    # Saves the usage counts; the window may have been replaced by a setup bundle's since.
    stop_handling_sigterm = close_on_sigterm(lambda: bundles.window.allow_close())
    code = app.exec()
    stop_handling_sigterm()
    log.info("kiosk stopped (%d)", code)
    return code
