"""Home-window soak: thousands of Learn screen changes in one window, and how memory drifts.

The kiosk soak cannot see a leak in a screen that lives as long as the window, because each
kiosk visit is thrown away; the home window never is. This drives the real home window
(offscreen, 1280×800, its own temporary data folder) through the Learn reader: every screen in
turn, the Warning signs screen's emergency box included, with a text-size or theme change (and
the redraw it brings) every 100 changes. Resident memory (VmRSS) is read every 50 changes; the
growth is the slope of a least-squares line through every reading after the warm-up, not two
readings, which the allocator's ups and downs would make noisy (as kiosk_soak.py does).

    python build_scripts/home_soak.py [--transitions 20000] [--budget-mb-per-1000 0.2]

Exits 1 when the slope exceeds the budget (MB per 1,000 screen changes).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk_soak import report, rss_mb, settle, slope_per_1000  # beside this file
from PySide6.QtCore import QSettings

from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window, create_application
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.learn import LearnArea
from app.ui.theme import TEXT_STEPS, THEMES

WARM_UP = 500
READ_EVERY = 50
RESTYLE_EVERY = 100


@dataclass(frozen=True)
class Soak:
    transitions: int
    seconds: float
    readings: list[tuple[int, float]]  # (transitions done, resident MB), after the warm-up
    slope_per_1000: float  # MB per 1,000 transitions, least squares
    fitted_drift: float  # MB over the measured span, on the fitted line


@contextmanager
def home_window() -> Iterator[tuple[MainWindow, Preferences, ContentProvider]]:
    """The home window as the app builds it, on a store in a folder that is removed after."""
    app = create_application()
    with tempfile.TemporaryDirectory(prefix="mnc-home-soak-") as folder:
        store = Store.open(Path(folder))
        try:
            prefs = Preferences(store)
            content = ContentProvider()
            content.load()
            session = RecoverySession(store, content)
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            window = build_home_window(app, prefs, content, None, None, settings, session)
            window.resize(1280, 800)
            window.show()
            settle()
            yield window, prefs, content
            window.close()
            window.deleteLater()
            settle()
        finally:
            store.close()


def restyle(prefs: Preferences, n: int) -> None:
    """Every other time a text size, else a theme: each redraws the shown screen."""
    turn = n // RESTYLE_EVERY
    if turn % 2:
        prefs.set_theme(THEMES[(turn // 2) % len(THEMES)])
    else:
        prefs.set_text_step((turn // 2) % len(TEXT_STEPS))


def run(transitions: int, warm_up: int = WARM_UP, read_every: int = READ_EVERY) -> Soak:
    with home_window() as (window, prefs, content):
        window.go_to("learn")
        learn = window.area_widget("learn")
        assert isinstance(learn, LearnArea)
        total = len(content.content().pack.screens)
        readings: list[tuple[int, float]] = []
        started = time.perf_counter()
        for n in range(1, transitions + 1):
            learn.go_to_index(n % total)  # Next, and from the last screen back to the first
            settle()
            if n % RESTYLE_EVERY == 0:
                restyle(prefs, n)
                settle()
            if n >= warm_up and n % read_every == 0:
                gc.collect()
                settle()
                readings.append((n, rss_mb()))
        seconds = time.perf_counter() - started
    slope = slope_per_1000(readings)
    span = readings[-1][0] - readings[0][0]
    return Soak(transitions, seconds, readings, slope, slope * span / 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transitions", type=int, default=20_000)
    parser.add_argument("--budget-mb-per-1000", type=float, default=0.2)
    args = parser.parse_args()
    if args.transitions < WARM_UP + 2 * READ_EVERY:
        parser.error(f"--transitions must be at least {WARM_UP + 2 * READ_EVERY}")

    soak = run(args.transitions)
    what = (
        f"home soak: {soak.transitions} Learn screen changes (a text size or theme change "
        f"every {RESTYLE_EVERY})"
    )
    within = report(what, soak.readings, soak.seconds, args.budget_mb_per_1000)
    print(f"  fitted growth over the run: {soak.fitted_drift:+.2f} MB")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
