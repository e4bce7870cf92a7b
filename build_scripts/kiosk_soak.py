"""Kiosk soak: thousands of screen changes in one process, and how fast resident memory grows.

A waiting-room kiosk runs for months; a leak of a few kilobytes per visit adds up. This drives
the real kiosk shell (offscreen) through the screens a visitor uses, in a loop: two slides of
the attract loop, the start screen, three Learn screens, a recovery preview with each of its
views (the QR code too), Warning signs, and the reset that throws the visit away. Each screen
change counts as one transition. Resident memory (VmRSS) is read every READ_EVERY transitions
after a warm-up (caches and first-use allocations settle), and the growth is the slope of a
least-squares line through all those readings: two readings alone swung by ±8 MB from run to
run with the allocator's ups and downs, so a gate on them passed or failed by chance.

    python build_scripts/kiosk_soak.py [--transitions 20000] [--budget-mb-per-1000 0.2]

Exits 1 when the slope exceeds the budget (MB per 1,000 transitions).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
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
READ_EVERY = 500
MIN_TRANSITIONS = 20_000  # fewer, and the slope is too loose to gate on


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


def slope_per_1000(readings: list[tuple[int, float]]) -> float:
    """MB per 1,000 transitions: the least-squares slope through (transitions, MB) readings."""
    slope, _ = statistics.linear_regression(
        [float(n) for n, _ in readings], [y for _, y in readings]
    )
    return slope * 1000


def report(what: str, readings: list[tuple[int, float]], seconds: float, budget: float) -> bool:
    """Prints the soak's numbers; True when its slope is within `budget` MB per 1,000."""
    import PySide6

    slope = slope_per_1000(readings)
    values = [y for _, y in readings]
    print(
        f"{what} in {seconds:.0f} s on {cpu_model()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )
    print(
        f"  {len(readings)} readings of resident memory from {readings[0][0]} to {readings[-1][0]}"
    )
    print(
        f"  first {values[0]:.1f} MB, last {values[-1]:.1f} MB, "
        f"lowest {min(values):.1f}, highest {max(values):.1f}"
    )
    within = slope <= budget
    verdict = "within budget" if within else "OVER BUDGET"
    print(f"  slope: {slope:+.3f} MB per 1,000 (least squares; budget {budget:g}): {verdict}")
    return within


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
    parser.add_argument("--transitions", type=int, default=MIN_TRANSITIONS)
    parser.add_argument("--budget-mb-per-1000", type=float, default=0.2)
    args = parser.parse_args()
    if args.transitions < WARM_UP + 2 * READ_EVERY:
        parser.error(f"--transitions must be at least {WARM_UP + 2 * READ_EVERY}")

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
    readings: list[tuple[int, float]] = []
    times: list[float] = []  # when each reading was taken: do visits get slower as they go?
    for n in range(1, args.transitions + 1):
        steps[(n - 1) % len(steps)]()
        settle()
        if n >= WARM_UP and n % READ_EVERY == 0:
            gc.collect()
            settle()
            readings.append((n, rss_mb()))
            times.append(time.perf_counter())
    seconds = time.perf_counter() - started
    kiosk.allow_close()
    what = f"kiosk soak: {args.transitions} transitions ({len(steps)} a visit)"
    within = report(what, readings, seconds, args.budget_mb_per_1000)
    if len(times) > 2:
        first, last = times[1] - times[0], times[-1] - times[-2]
        print(
            f"  {READ_EVERY} transitions: {first:.1f} s after the warm-up, {last:.1f} s at the end"
        )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
