"""Screenshots of every surface that shows the warning signs, for looking at (not committed):
Learn's "Is this normal?" and "When should I get help?", the Warning signs area, About and the
Settings region choice in every theme at the normal and the largest text size; the kiosk's
warning screen; and both pages of the handout (A4 and Letter, with and without a clinic phone),
drawn from the PDF with pdftoppm.

Usage: QT_QPA_PLATFORM=offscreen python build_scripts/warning_screenshots.py [OUT_FOLDER]
Files: OUT/<theme>-<text step>-<surface>.png (the window) and ...-<surface>-full.png (the
window made tall enough for the whole screen), OUT/kiosk-warning.png, OUT/handout-*-N.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QLocale, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.clock import ManualClock  # noqa: E402
from app.domain.plan import build_plan  # noqa: E402
from app.export.handout import build_handout, write_pdf  # noqa: E402
from app.render.content_provider import ContentProvider  # noqa: E402
from app.store import Store  # noqa: E402
from app.ui.application import GuiOptions, build_home_window, create_application  # noqa: E402
from app.ui.kiosk.run import build_kiosk  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.preferences import Preferences  # noqa: E402
from app.ui.recovery_session import RecoverySession  # noqa: E402
from app.ui.screens.learn import LearnArea  # noqa: E402
from app.ui.theme import TEXT_STEPS, THEMES  # noqa: E402

NOW = datetime(2026, 3, 9, 14, 20, tzinfo=UTC)
TALL = 4000  # px: room for the longest screen at the largest text size


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def grab(window: MainWindow, app: QApplication, out: Path) -> None:
    settle(app)
    window.grab().save(str(out))
    print(out)


def home(app: QApplication, theme: str, step: int, out: Path) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="mnc-warning-shots-"))
    store = Store.open(scratch)
    try:
        prefs = Preferences(store)
        prefs.set_theme(theme)
        prefs.set_text_step(step)
        prefs.set_region("GB")
        content = ContentProvider()
        content.load()
        content.clinic_name = "Riverside Skin Clinic"
        content.clinic_phone = "020 7946 0000"
        content.clinic_after_hours_phone = "020 7946 0999"
        session = RecoverySession(store, content, ManualClock(NOW))
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        window = build_home_window(app, prefs, content, scratch, None, settings, session)
        window.show()
        learn = window.area_widget("learn")
        assert isinstance(learn, LearnArea)
        shots = [
            ("learn-07", "learn", "normal-or-not"),
            ("learn-08", "learn", "warning-signs"),
            ("warning", "warning", ""),
            ("about", "about", ""),
            ("settings", "settings", ""),
        ]
        for name, key, screen in shots:
            for suffix, height in (("", 800), ("-full", TALL)):
                window.resize(1280, height)
                window.go_to(key)
                if screen:
                    learn.open_screen(screen)
                grab(window, app, out / f"{theme}-{step}-{name}{suffix}.png")
        window.close()
    finally:
        store.close()
        shutil.rmtree(scratch, ignore_errors=True)  # the scratch data folder, not the shots


def kiosk(app: QApplication, out: Path) -> None:
    clock = ManualClock(datetime(2026, 11, 24, 15, 40, tzinfo=UTC))
    config = REPO / "resources" / "clinic.example.toml"
    window, _ = build_kiosk(app, GuiOptions(clinic_config=str(config), kiosk=True), clock, None, "")
    window.resize(1280, 800)
    window.show()
    window.begin_visit()
    assert window.visit is not None
    window.visit.open("warning")
    settle(app)
    window.grab().save(str(out / "kiosk-warning.png"))
    window.resize(1280, TALL)
    settle(app)
    window.grab().save(str(out / "kiosk-warning-full.png"))
    print(out / "kiosk-warning.png")
    window.allow_close()
    window.close()


def handouts(out: Path) -> None:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): no handout pictures")
        return
    for country, paper in (
        (QLocale.Country.UnitedKingdom, "a4"),
        (QLocale.Country.UnitedStates, "letter"),
    ):
        QLocale.setDefault(QLocale(QLocale.Language.English, country))
        for phone in ("", "020 7946 0000"):
            content = ContentProvider()
            content.load()
            content.clinic_phone = phone
            content.clinic_after_hours_phone = "020 7946 0999" if phone else ""
            shipped = content.content()
            plan = build_plan(NOW, ZoneInfo("Europe/London"), shipped.protocol, shipped.text)
            name = f"handout-{paper}-{'phone' if phone else 'no-phone'}"
            pdf = out / f"{name}.pdf"
            write_pdf(build_handout(plan, content, clinic_phone=phone), pdf)
            subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / name)], check=True)
            print(pdf)


def main() -> int:
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")):
        print(__doc__, file=sys.stderr)  # an option is not a folder to fill with pictures
        return 2
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/warning-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    for theme in THEMES:
        for step in (0, len(TEXT_STEPS) - 1):
            home(app, theme, step, out)
    kiosk(app, out)
    handouts(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
