"""Kiosk soak: thousands of screen changes in one process, and how much resident memory grew.

A waiting-room kiosk runs all day; a leak of a few kilobytes per visit adds up. This drives
the real kiosk shell (offscreen) through the screens a visitor uses, in a loop: two slides of
the attract loop, the start screen, three Learn screens, a recovery preview with each of its
views (the QR code too), Warning signs, and the reset that throws the visit away. Each screen
change counts as one transition. Resident memory (VmRSS) is read after a warm-up (caches and
first-use allocations settle) and at the end; the drift between them is what matters.

    python build_scripts/kiosk_soak.py [--transitions 5000] [--budget-mb 10]

Exits 1 when the drift exceeds the budget.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QEvent

from app.domain.clock import ManualClock
from app.ui.application import GuiOptions, create_application
from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.run import build_kiosk
from app.ui.kiosk.setup import KioskTimings
from app.ui.kiosk.shell import KioskWindow
from app.ui.screens.learn import LearnArea

REPO = Path(__file__).resolve().parents[1]
WARM_UP = 500


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def settle() -> None:
    app = QCoreApplication.instance()
    assert app is not None
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def visit_steps(kiosk: KioskWindow) -> list[Callable[[], None]]:
    """One visit as a list of screen changes."""

    def learn_next() -> None:
        assert kiosk.visit is not None
        learn = kiosk.visit.area("learn")
        assert isinstance(learn, LearnArea)
        learn.next()

    def preview() -> PreviewArea:
        assert kiosk.visit is not None
        area = kiosk.visit.area("preview")
        assert isinstance(area, PreviewArea)
        return area

    def show_plan() -> None:
        area = preview()
        area.picker.step_day(-2)
        area.picker.confirm()

    def view(index: int) -> Callable[[], None]:
        def show() -> None:
            result = preview().result
            assert result is not None
            result.show_view(index)

        return show

    return [
        # The attract loop's slide changes are the kiosk's most frequent transition all day.
        kiosk.attract.advance,
        kiosk.attract.advance,
        kiosk.begin_visit,
        lambda: kiosk.go("learn"),
        learn_next,
        learn_next,
        learn_next,
        lambda: kiosk.go("start"),
        lambda: kiosk.go("preview"),
        show_plan,
        view(1),
        view(2),
        view(0),
        lambda: preview().change_time(),
        lambda: kiosk.go("warning"),
        kiosk.reset,
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transitions", type=int, default=5000)
    parser.add_argument("--budget-mb", type=float, default=10.0)
    args = parser.parse_args()

    app = create_application()
    timings = KioskTimings(idle_ms=3_600_000, prompt_ms=10_000, slide_ms=3_600_000)
    clock = ManualClock(datetime(2026, 11, 24, 15, 0, tzinfo=UTC))
    options = GuiOptions(clinic_config=str(REPO / "resources" / "clinic.example.toml"))
    kiosk, _ = build_kiosk(app, options, clock, timings, printer_name="Front desk")
    kiosk.attract.reduce_motion = True  # a slide change at once, without waiting for a fade
    kiosk.resize(1280, 800)
    kiosk.show()
    settle()
    steps = visit_steps(kiosk)

    started = time.perf_counter()
    warm_rss = 0.0
    for n in range(args.transitions):
        steps[n % len(steps)]()
        settle()
        if n + 1 == WARM_UP:
            gc.collect()
            settle()
            warm_rss = rss_mb()
    kiosk.reset()
    gc.collect()
    settle()
    end_rss = rss_mb()
    seconds = time.perf_counter() - started
    drift = end_rss - warm_rss
    cpu = cpu_model()
    cores = os.cpu_count()
    print(f"kiosk soak: {args.transitions} transitions in {seconds:.1f} s on {cpu}, {cores} cores")
    print(f"  resident memory after {WARM_UP} (warm-up): {warm_rss:.1f} MB")
    print(f"  resident memory at the end:             {end_rss:.1f} MB")
    print(f"  drift: {drift:+.1f} MB (budget {args.budget_mb:.0f} MB)")
    kiosk.allow_close()
    return 0 if drift < args.budget_mb else 1


if __name__ == "__main__":
    sys.exit(main())
