"""Render every screen offscreen to docs/screenshots/*.png at 1280x800.

Each area of the home window, then every screen of the built-in content pack, at the normal
text size; with --largest also at the largest text size into docs/screenshots/largest/ (not
committed: for looking at, to catch clipped or overlapping text).
With --language es the window and the content are in Spanish (the .qm files `make` builds);
--out puts the pictures elsewhere (those are for looking at, not for the README).
Usage: QT_QPA_PLATFORM=offscreen python build_scripts/screenshots.py [--largest] [--size WxH]
       [--language en|es] [--out FOLDER]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from datetime import UTC, datetime  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.clock import ManualClock  # noqa: E402
from app.render.content_provider import ContentProvider  # noqa: E402
from app.render.translation import current_language  # noqa: E402
from app.store import Store  # noqa: E402
from app.ui.application import build_home_window, create_application  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.preferences import Preferences  # noqa: E402
from app.ui.recovery_session import RecoverySession  # noqa: E402
from app.ui.screens.learn import LearnArea  # noqa: E402
from app.ui.screens.recovery import RecoveryArea  # noqa: E402
from app.ui.theme import TEXT_STEPS  # noqa: E402

SHOT_TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo("America/New_York"))
SHOT_NOW = datetime(2026, 3, 9, 14, 20, tzinfo=UTC)  # day 3, 10:20 in New York


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(window: MainWindow, app: QApplication, out: Path) -> None:
    settle(app)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)


def render_all(app: QApplication, text_step: int, size: tuple[int, int], folder: Path) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="mnc-shots-"))
    store = Store.open(scratch)
    try:
        prefs = Preferences(store)
        prefs.set_text_step(text_step)
        content = ContentProvider(None, current_language())
        content.load()
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        # A fixed clock: the pictures show the same day whenever they are taken.
        session = RecoverySession(store, content, ManualClock(SHOT_NOW))
        log_file = scratch / "companion.log"
        window = build_home_window(app, prefs, content, scratch, log_file, settings, session)
        window.resize(*size)
        window.show()
        for key in ("learn", "recovery", "warning", "settings", "about"):
            window.go_to(key)
            shoot(window, app, folder / f"{key}.png")
        session.add(SHOT_TREATED, "America/New_York")
        window.go_to("recovery")
        recovery = window.area_widget("recovery")
        assert isinstance(recovery, RecoveryArea)
        for index, name in enumerate(("today", "timeline", "preview", "treatments")):
            recovery.tabs.setCurrentIndex(index)
            shoot(window, app, folder / f"recovery-{name}.png")
        window.go_to("learn")
        learn = window.area_widget("learn")
        assert isinstance(learn, LearnArea)
        learn.show_contents()
        shoot(window, app, folder / "learn-contents.png")
        for number, screen in enumerate(content.content().pack.screens, start=1):
            learn.open_screen(screen.meta.id)
            shoot(window, app, folder / f"learn-{number:02d}-{screen.meta.id}.png")
        window.close()
    finally:
        store.close()
        shutil.rmtree(scratch, ignore_errors=True)  # the scratch data folder, not the shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--largest", action="store_true", help="also at the largest text size")
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1280x800")
    parser.add_argument("--language", default="en", help="en or es")
    parser.add_argument("--out", type=Path, help="folder (default: docs/screenshots)")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    app = create_application(args.language)
    out = args.out.resolve() if args.out else REPO / "docs" / "screenshots"
    render_all(app, 0, (width, height), out)
    if args.largest:
        render_all(app, len(TEXT_STEPS) - 1, (width, height), out / "largest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
