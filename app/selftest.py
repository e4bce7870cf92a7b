"""`--self-test`: check that this copy of the app works, print what was checked, exit 0 or 1.

For an installed or bundled copy: it finds its resources, loads the content pack and the clinic
config, opens and closes a store, and draws every screen, all as the app does. The user's data
and settings are never touched: the store, the settings file and the handout live in a temporary
folder that is deleted afterwards. Qt's offscreen platform is used unless the caller chose a
platform (QT_QPA_PLATFORM=xcb on a virtual X screen checks the bundle's X11 support too).

Each check is a function in CHECKS: it returns one line saying what it saw, or raises
CheckFailed (or anything else) with the reason. One line is printed per check:
    ok   content pack: 17 screens, en (microneedling-acne-scars)
    FAIL store: OperationalError: unable to open database file
Problems in a clinic config are reported ("warn") but are not a failure: the app runs with its
defaults for the values that were wrong, and says so to staff.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from app import APP_NAME, version

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from app.domain.plan import RecoveryPlan
    from app.render.content_provider import ContentProvider
    from app.store import Store
    from app.ui.main_window import MainWindow
    from app.ui.recovery_session import RecoverySession

# A fixed treatment: 16:00 in New York on the Saturday before the clocks go forward, the case the
# time rules were written for; "now" is two days and two hours later, day 3 of the recovery.
ZONE = "America/New_York"
TREATED_AT = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(ZONE))
NOW = TREATED_AT + timedelta(days=2, hours=2)
EXPECTED_DAY = 3
WINDOW_SIZE = (1280, 800)
PAINT_TIMEOUT_MS = 10_000
EXIT_OK, EXIT_FAILED = 0, 1


class CheckFailed(Exception):
    """The reason a check failed, in plain words."""


@dataclass
class Context:
    """What the checks share: the options, the scratch folder, and what earlier checks made."""

    args: argparse.Namespace
    scratch: Path
    out: TextIO
    app: QApplication | None = None
    content: ContentProvider | None = None
    store: Store | None = None
    window: MainWindow | None = None
    session: RecoverySession | None = None
    plan: RecoveryPlan | None = None
    clinic_path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # for checks added later (the kiosk)

    def need(self, name: str) -> Any:
        """What an earlier check made; a clear failure when that check failed."""
        value = getattr(self, name)
        if value is None:
            raise CheckFailed(f"not checked: needs the {name.replace('_', ' ')}, which failed")
        return value


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Context], str]  # returns what was seen; raises CheckFailed with the reason


# --- pictures ----------------------------------------------------------------------------------


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def check_picture(widget: QWidget, what: str) -> QPixmap:
    """Draw `widget` and make sure something was drawn: not empty, not one flat colour."""
    from PySide6.QtGui import QImage

    pixmap = widget.grab()
    if pixmap.isNull() or pixmap.width() == 0 or pixmap.height() == 0:
        raise CheckFailed(f"{what}: drawing it gave no picture")
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())  # 4 bytes a pixel, rows without padding
    if data == data[:4] * (len(data) // 4):
        raise CheckFailed(
            f"{what}: the picture is one flat colour ({image.pixelColor(0, 0).name()})"
        )
    return pixmap


# --- the checks -----------------------------------------------------------------------------------


def check_qt(ctx: Context) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication, QImageReader

    from app.ui.application import create_application

    ctx.app = create_application()
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:  # every icon and illustration is SVG
        raise CheckFailed(f"Qt cannot read SVG images (image formats: {sorted(formats)})")
    return (
        f"Qt {qVersion()} (PySide6 {pyside_version}) on the "
        f"{QGuiApplication.platformName()} platform, SVG images readable"
    )


def check_resources(ctx: Context) -> str:
    from app import paths

    root = paths.resources_root()
    missing = [p for p in ("icons/app.svg", "content") if not (root / p).exists()]
    if missing:
        raise CheckFailed(f"{root} lacks {', '.join(missing)}")
    return str(root)


def check_translations(ctx: Context) -> str:
    """The Spanish words: the app's own (.qm built from resources/translations) and Qt's for
    its standard buttons (qtbase_es.qm), each found where this copy looks for it."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.render.translation import current_language, install_language, translations_folder

    before, default = current_language(), QLocale()
    qt_context = "QPlatformTheme"
    try:
        install_language("es")
        own = QCoreApplication.translate("Areas", "Learn")
        # Qt's own context, through a name: lupdate takes literal contexts into the app's .ts.
        qt = QCoreApplication.translate(qt_context, "Cancel")
    finally:
        install_language(before)
        QLocale.setDefault(default)
    if own == "Learn":
        raise CheckFailed(f"no Spanish translation of the app in {translations_folder()}")
    if qt == "Cancel":
        raise CheckFailed("no Spanish translation of Qt's own buttons (qtbase_es.qm)")
    return f'Spanish: "Learn" is "{own}", Qt\'s "Cancel" is "{qt}"'


def check_staff_pin(ctx: Context) -> str:
    """libsodium, through PyNaCl: the kiosk PIN's hash (scrypt), made and checked right and
    wrong, and a setup bundle's signature (Ed25519, minisign format), made and checked."""
    from app.domain.kiosk_pin import hash_pin, parse_pin_hash
    from app.fleet.minisign_format import SecretKey

    stored = parse_pin_hash(hash_pin("582913"))
    if not stored.matches("582913") or stored.matches("582914"):
        raise CheckFailed("the staff PIN's scrypt hash does not check as it should")
    key = SecretKey.generate()
    key.public_key.verify(b"self-test", key.sign(b"self-test", "version 1", "self-test"))
    return f"PIN hash (scrypt n={stored.n}) and a bundle signature made and checked"


def check_content_pack(ctx: Context) -> str:
    from app.render.content_provider import ContentProvider

    preferred = Path(ctx.args.content_pack) if ctx.args.content_pack else None
    content = ContentProvider(preferred)
    content.load()
    ctx.content = content
    loaded = content.content()
    if loaded.problems:
        head = (
            f"{preferred} could not be used (the app would show its built-in pack)"
            if loaded.used_fallback
            else f"{len(loaded.problems)} problem(s), screens left out"
        )
        raise CheckFailed(head + "".join(f"\n       {p}" for p in loaded.problems))
    pack = loaded.pack
    return f"{len(pack.screens)} screens, {pack.language} ({pack.folder})"


def check_store(ctx: Context) -> str:
    from app.store import Store

    folder = ctx.scratch / "data"
    store = Store.open(folder)
    ctx.store = store
    store.set_setting("selftest.written", "yes")
    if store.get_setting("selftest.written") != "yes":
        raise CheckFailed("a setting written to the store did not read back")
    return f"opened a temporary store in {folder}, a setting written and read back"


def check_home_window(ctx: Context) -> str:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from app.domain.clock import ManualClock
    from app.ui.application import build_home_window
    from app.ui.preferences import Preferences
    from app.ui.recovery_session import RecoverySession

    app, content, store = ctx.need("app"), ctx.need("content"), ctx.need("store")
    settings = QSettings(str(ctx.scratch / "settings.ini"), QSettings.Format.IniFormat)
    ctx.session = RecoverySession(store, content, ManualClock(NOW))
    log_file = ctx.scratch / "data" / "logs" / "companion.log"
    window = build_home_window(
        app, Preferences(store), content, ctx.scratch / "data", log_file, settings, ctx.session
    )
    ctx.window = window
    painted: list[float] = []
    loop = QEventLoop()
    window.first_painted.connect(lambda: painted.append(time.perf_counter()))
    window.first_painted.connect(loop.quit)
    QTimer.singleShot(PAINT_TIMEOUT_MS, loop.quit)
    started = time.perf_counter()
    window.resize(*WINDOW_SIZE)
    window.show()
    loop.exec()
    if not painted:
        raise CheckFailed(f"the window was not painted within {PAINT_TIMEOUT_MS / 1000:.0f} s")
    settle(app)
    check_picture(window, "the home window")
    return f"painted {(painted[0] - started) * 1000:.0f} ms after show, {window.rail.count()} areas"


def check_clinic_config(ctx: Context) -> str:
    from app.ui.application import apply_clinic_config

    window, content, session = ctx.need("window"), ctx.need("content"), ctx.need("session")
    # Resolved before the environment is sandboxed (see _sandboxed_environment), so the usual
    # place is the user's, as the app would read it.
    path = ctx.clinic_path
    if path is None:
        return "none given and none in the usual place: the app's own defaults"
    problems = apply_clinic_config(window, content, session, path, tell=lambda *_: None)
    settle(ctx.need("app"))
    if problems:
        ctx.extra["clinic_warning"] = True
        raise _Warning(
            f"{path}: {len(problems)} problem(s), not fatal: the app uses its own defaults "
            "for those values and carries on" + "".join(f"\n       {p}" for p in problems)
        )
    named = content.clinic_name or "no clinic name"
    return f"{path}: read without problems ({named})"


def check_areas(ctx: Context) -> str:
    window, app = ctx.need("window"), ctx.need("app")
    drawn = []
    for index in range(window.rail.count()):
        window.go_to(index)
        settle(app)
        key = window.current_key()
        check_picture(window.area_widget(key), f"area {key!r}")
        drawn.append(key)
    return f"{len(drawn)} drawn: {', '.join(drawn)}"


def check_learn_screens(ctx: Context) -> str:
    from app.ui.screens.learn import LearnArea

    window, app, content = ctx.need("window"), ctx.need("app"), ctx.need("content")
    window.go_to("learn")
    learn = window.area_widget("learn")
    if not isinstance(learn, LearnArea):
        raise CheckFailed(f"the learn area is a {type(learn).__name__}")
    screens = content.content().pack.screens
    for screen in screens:
        learn.open_screen(screen.meta.id)
        settle(app)
        if learn.current_screen_id() != screen.meta.id:
            raise CheckFailed(f"screen {screen.meta.id!r} did not open")
        if not learn.view.toPlainText().strip():
            raise CheckFailed(f"screen {screen.meta.id!r} shows no text")
        check_picture(learn.view, f"screen {screen.meta.id!r}")
    learn.show_contents()
    settle(app)
    if learn.contents_list.count() != len(screens):
        raise CheckFailed(f"the contents list has {learn.contents_list.count()} of {len(screens)}")
    check_picture(learn.contents, "the contents list")
    return f"{len(screens)} screens and the contents list drawn"


def check_recovery_plan(ctx: Context) -> str:
    session = ctx.need("session")
    session.add(TREATED_AT, ZONE)
    position = session.position()
    plan = position.plan
    if plan is None:
        raise CheckFailed("no plan for the treatment just added")
    ctx.plan = plan
    day = plan.day_number(plan.local_date_of(session.now()))
    if day != EXPECTED_DAY:
        raise CheckFailed(f"two days after the treatment the plan says day {day}")
    if not plan.milestones or plan.next_milestone(session.now()) is None:
        raise CheckFailed("the plan has no milestone still to come on day 3")
    return (
        f"treated {TREATED_AT:%Y-%m-%d %H:%M} {ZONE}: "
        f"{len(plan.milestones)} milestones, day {day} of {plan.recovery_length_days}"
    )


def check_recovery_screens(ctx: Context) -> str:
    from app.ui.screens.recovery import RecoveryArea

    window, app = ctx.need("window"), ctx.need("app")
    ctx.need("plan")
    window.go_to("recovery")
    area = window.area_widget("recovery")
    if not isinstance(area, RecoveryArea):
        raise CheckFailed(f"the recovery area is a {type(area).__name__}")
    area.refresh()
    settle(app)
    if area.stack.currentWidget() is not area.tabbed:
        raise CheckFailed("with a treatment saved, My recovery still shows the first form")
    if not area.today.countdown.text().strip():
        raise CheckFailed("Today shows no countdown")
    if not area.timeline.rows:
        raise CheckFailed("the Timeline shows no milestone")
    if area.preview.day != EXPECTED_DAY:
        raise CheckFailed(f"the day preview opened on day {area.preview.day}, not on today's")
    names = []
    for index in range(area.tabs.count()):
        area.tabs.setCurrentIndex(index)
        settle(app)
        name = area.tabs.tabText(index)
        check_picture(area.tabs.currentWidget(), f"My recovery → {name}")
        names.append(name)
    return (
        f"{', '.join(names)} drawn; Today says {area.today.countdown.text()!r}, "
        f"the Timeline has {len(area.timeline.rows)} rows, the preview shows day {area.preview.day}"
    )


def check_handout(ctx: Context) -> str:
    import re

    from app.export.files import save_handout

    content, plan = ctx.need("content"), ctx.need("plan")
    out = ctx.scratch / "handout.pdf"
    save_handout(plan, content, out, content.clinic_logo)
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailed(f"{out.name} is not a complete PDF ({len(data)} bytes)")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if pages < 1:
        raise CheckFailed(f"{out.name} has no pages")
    return f"PDF handout written: {pages} page(s), {len(data) // 1024} KB"


def check_store_closes(ctx: Context) -> str:
    from app.store import Store

    store = ctx.need("store")
    ctx.store = None
    store.close()
    again = Store.open(ctx.scratch / "data")  # what was written must be there, intact
    try:
        saved = len(again.treatments())
        kept = again.get_setting("selftest.written")
    finally:
        again.close()
    if kept != "yes" or saved != (1 if ctx.plan is not None else 0):
        raise CheckFailed(f"after closing, the store had {saved} treatment(s), setting {kept!r}")
    return f"closed, reopened: {saved} treatment and the setting still there, closed again"


class _Warning(CheckFailed):
    """Not a failure: printed as "warn" (a clinic config's mistakes)."""


def check_kiosk(ctx: Context) -> str:
    """The kiosk shell in the same executable: every screen drawn, a preview with its QR code
    (segno is imported lazily, so this is where a bundle without it would fail), the exit
    refused. It opens nothing and writes nothing."""
    from app.ui.application import GuiOptions
    from app.ui.kiosk.preview import PreviewArea
    from app.ui.kiosk.run import build_kiosk

    app = ctx.need("app")
    ctx.need("content")
    style = app.styleSheet()
    options = GuiOptions(
        content_pack=ctx.args.content_pack,
        clinic_config=str(ctx.clinic_path) if ctx.clinic_path else None,
        kiosk=True,
    )
    kiosk, _notices = build_kiosk(app, options, printer_name="", print_plan=lambda _plan: False)
    try:
        kiosk.resize(1280, 800)
        kiosk.show()
        settle(app)
        check_picture(kiosk, "kiosk attract loop")
        kiosk.begin_visit()
        drawn = []
        for key in ("start", "learn", "warning", "preview"):
            kiosk.go(key)
            settle(app)
            check_picture(kiosk, f"kiosk {key}")
            drawn.append(key)
        assert kiosk.visit is not None
        preview = kiosk.visit.area("preview")
        if not isinstance(preview, PreviewArea):
            raise CheckFailed(f"the kiosk preview is a {type(preview).__name__}")
        preview.picker.confirm()
        if preview.result is None:
            raise CheckFailed("the kiosk preview showed no plan")
        preview.result.show_view(2)
        settle(app)
        check_picture(preview.result.take_home.code, "kiosk QR code")
        lines = len(preview.result.take_home.text.splitlines())
        if kiosk.close():
            raise CheckFailed("the kiosk closed on a plain close request")
        kiosk.reset()  # throws the visit, and the preview with it, away
        if kiosk.current() != "attract":
            raise CheckFailed("the kiosk did not go back to the attract loop")
    finally:
        kiosk.allow_close()
        kiosk.deleteLater()
        settle(app)
        app.setStyleSheet(style)
    return (
        f"{len(kiosk.attract.slides)} highlights, {', '.join(drawn)} drawn; a preview's QR code "
        f"({lines} lines) drawn; a close request refused; reset to the attract loop"
    )


def check_setup_bundles(ctx: Context) -> str:
    """What docs/fleet.md's bundles did on this machine, read before the sandbox (below)."""
    from app.fleet.status import status_lines

    status = ctx.extra["bundle_status"]
    lines = status_lines(status)
    if status.last_problem is not None or status.folder_problem:
        raise _Warning("; ".join(lines))
    return "; ".join(lines)


CHECKS: list[Check] = [
    Check("Qt", check_qt),
    Check("resources", check_resources),
    Check("translations", check_translations),
    Check("PIN hash and signatures", check_staff_pin),
    Check("content pack", check_content_pack),
    Check("store", check_store),
    Check("home window", check_home_window),
    Check("clinic config", check_clinic_config),
    Check("areas", check_areas),
    Check("learn screens", check_learn_screens),
    Check("recovery plan", check_recovery_plan),
    Check("recovery screens", check_recovery_screens),
    Check("handout", check_handout),
    Check("store closes", check_store_closes),
    Check("kiosk", check_kiosk),
    Check("setup bundles", check_setup_bundles),
]


# --- running -------------------------------------------------------------------------------------


@contextmanager
def _sandboxed_environment(scratch: Path) -> Iterator[None]:
    """Qt's offscreen platform unless the caller chose one; Qt's per-user folders (settings,
    data, state) pointed into the scratch folder, in case anything would write there. The
    environment is put back afterwards (the tests run this in their own process)."""
    saved = dict(os.environ)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(scratch / name.lower())
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _close_window(ctx: Context) -> None:
    if ctx.window is not None:
        ctx.window.close()
        ctx.window.deleteLater()
        ctx.window = None
    if ctx.app is not None:
        settle(ctx.app)


def run_checks(ctx: Context, checks: list[Check]) -> int:
    failed = 0
    for check in checks:
        try:
            seen = check.run(ctx)
        except _Warning as warning:
            print(f"warn {check.name}: {warning}", file=ctx.out, flush=True)
        except CheckFailed as failure:
            failed += 1
            print(f"FAIL {check.name}: {failure}", file=ctx.out, flush=True)
        except Exception as error:  # a bug or a broken bundle: say where
            failed += 1
            where = traceback.extract_tb(error.__traceback__)[-1]
            print(
                f"FAIL {check.name}: {type(error).__name__}: {error} "
                f"({Path(where.filename).name}:{where.lineno})",
                file=ctx.out,
                flush=True,
            )
        else:
            print(f"ok   {check.name}: {seen}", file=ctx.out, flush=True)
    return failed


def run_self_test(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run every check in CHECKS; 0 when all passed, 1 when any failed (each says why)."""
    out = out or sys.stdout
    from app.domain.clinic_location import find_clinic_config

    explicit = Path(args.clinic_config) if getattr(args, "clinic_config", None) else None
    clinic_path = find_clinic_config(explicit)  # before the sandbox moves XDG_CONFIG_HOME
    from app.fleet.startup import peek

    bundle_status, bundle = peek(explicit)  # and XDG_STATE_HOME
    if bundle is not None:  # a managed machine: check the setup bundle it starts with
        clinic_path = bundle.clinic_config
        if not getattr(args, "content_pack", None):
            args = argparse.Namespace(**{**vars(args), "content_pack": str(bundle.pack)})
    started = time.perf_counter()
    print(
        f"{APP_NAME} {version()} self-test (in a temporary folder; "
        "your data and settings are not touched)",
        file=out,
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="mnc-selftest-") as folder:
        scratch = Path(folder)
        ctx = Context(args=args, scratch=scratch, out=out, clinic_path=clinic_path)
        ctx.extra["bundle_status"] = bundle_status
        with _sandboxed_environment(scratch):
            stylesheet = None
            try:
                from PySide6.QtWidgets import QApplication

                existing = QApplication.instance()
                stylesheet = existing.styleSheet() if isinstance(existing, QApplication) else None
                failed = run_checks(ctx, list(CHECKS))
            finally:
                _close_window(ctx)
                if ctx.store is not None:  # a check failed before closing it
                    ctx.store.close()
                if ctx.app is not None and stylesheet is not None:
                    ctx.app.setStyleSheet(stylesheet)  # in-process callers keep their look
    took = time.perf_counter() - started
    total = len(CHECKS)
    if failed:
        print(f"self-test FAILED: {failed} of {total} checks failed ({took:.1f} s)", file=out)
        return EXIT_FAILED
    print(f"self-test passed: {total} checks ({took:.1f} s)", file=out)
    return EXIT_OK
