"""What the kiosk's attract loop costs while nobody is there: its share of a core, and wakeups.

A kiosk shows the loop most of the day, every day. This runs the real kiosk shell at 1280×800
with the real timings (a slide every 10 s with its fade), first with motion, then with reduced
motion, each in a process of its own, and after a warm-up reads the process's CPU time
(user + system, every thread) and its context switches (voluntary ones: the times it woke up)
over `--seconds` of the loop.

    python build_scripts/attract_cpu.py [--seconds 60] [--budget-percent 0.3]

On the offscreen platform by default (QT_QPA_PLATFORM), or on X11 with QT_QPA_PLATFORM=xcb and
DISPLAY set (a real or a virtual screen: Xvfb). Exits 1 when the loop with motion takes more
than the budget of one core.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WARM_UP_S = 12.0  # a whole slide with its fade: first renders and allocations settle


def wakeups() -> int:
    """Voluntary context switches of every thread of this process so far."""
    total = 0
    for status in Path("/proc/self/task").glob("*/status"):
        for line in status.read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def measure(seconds: float, reduce_motion: bool) -> tuple[float, float]:
    """(percent of one core, wakeups per second) of the attract loop, in this process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QEventLoop, QTimer

    from app.domain.clock import ManualClock
    from app.ui.application import GuiOptions, create_application
    from app.ui.kiosk.run import build_kiosk
    from app.ui.kiosk.setup import KioskTimings

    app = create_application()
    options = GuiOptions(clinic_config=str(REPO / "resources" / "clinic.example.toml"))
    clock = ManualClock(datetime(2026, 11, 24, 15, 0, tzinfo=UTC))
    kiosk, _ = build_kiosk(app, options, clock, KioskTimings(), printer_name="Front desk")
    kiosk.attract.reduce_motion = reduce_motion
    kiosk.resize(1280, 800)
    kiosk.show()

    def run_for(span: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(round(span * 1000), loop.quit)
        loop.exec()

    run_for(WARM_UP_S)
    cpu_before, woken_before, started = sum(os.times()[:2]), wakeups(), time.monotonic()
    run_for(seconds)
    elapsed = time.monotonic() - started
    cpu = sum(os.times()[:2]) - cpu_before
    woken = wakeups() - woken_before
    kiosk.allow_close()
    return 100 * cpu / elapsed, woken / elapsed


def load_and_machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores, load average {load}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--budget-percent", type=float, default=0.3)
    parser.add_argument("--child", choices=["motion", "reduced"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        percent, per_second = measure(args.seconds, reduce_motion=args.child == "reduced")
        print(f"{percent:.4f} {per_second:.3f}")
        return 0

    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"attract loop: {args.seconds:g} s after a {WARM_UP_S:g} s warm-up, {platform}, ")
    print(f"  on {load_and_machine()}")
    results = {}
    for mode in ("motion", "reduced"):
        out = subprocess.run(
            [sys.executable, __file__, "--seconds", str(args.seconds), "--child", mode],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        results[mode] = (float(out[0]), float(out[1]))
        label = "with the fade    " if mode == "motion" else "reduced motion   "
        print(f"  {label}{results[mode][0]:.3f}% of a core, {results[mode][1]:.2f} wakeups/s")
    over = results["motion"][0] > args.budget_percent
    verdict = "OVER BUDGET" if over else "within budget"
    print(f"  budget {args.budget_percent:g}% of a core with the fade: {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
