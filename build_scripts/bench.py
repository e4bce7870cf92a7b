"""Start-up benchmark: the app against a bare PySide6 window, started the same way.

For each run: wall-clock time from just before the process is spawned to its first painted frame
of the main window (the process prints it), and the peak resident memory of that process (from
wait4's rusage). Runs alternate between the two programs so drift on the machine hits both alike.
Prints the medians, their ratios and the machine; exits 1 if a ratio is over budget.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUDGET = 1.5


@dataclass
class Sample:
    startup_s: float
    peak_rss_mb: float


def run_once(command: list[str], env: dict[str, str]) -> Sample:
    started = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=REPO)
    assert process.stdout is not None
    painted: float | None = None
    for line in process.stdout:
        if line.startswith("first-paint "):
            painted = float(line.split()[1])
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if painted is None or process.returncode != 0:
        raise SystemExit(f"{command} did not report a first paint (exit {process.returncode})")
    # ru_maxrss is in KiB on Linux (bytes on macOS; this script targets the Linux build machine).
    return Sample(painted - started, usage.ru_maxrss / 1024)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from PySide6 import __version__ as pyside

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PySide6 {pyside}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '(default)')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each program")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="mnc-bench-"))
    env = {
        **os.environ,
        "MICRONEEDLING_BENCH_FIRST_PAINT": "1",
        "XDG_CONFIG_HOME": str(scratch / "config"),  # keep the user's real settings untouched
        "PYTHONPATH": str(REPO),
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed copy runs from bytecode compiled at install time (pip and PyInstaller both do
    # this). Without the cache every start would recompile every module, which no user sees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    programs = {
        "bare window": [sys.executable, str(REPO / "build_scripts" / "bare_window.py")],
        "app": [sys.executable, "-m", "app", "--data-dir", str(scratch / "data")],
    }
    for command in programs.values():  # warm-up: fills the disk cache, creates the database
        run_once(command, env)
    samples: dict[str, list[Sample]] = {name: [] for name in programs}
    order = list(programs)
    for i in range(args.runs):
        for name in order if i % 2 == 0 else reversed(order):
            samples[name].append(run_once(programs[name], env))

    def median(name: str, field: str) -> float:
        return statistics.median(getattr(s, field) for s in samples[name])

    rows = [
        ("start to first paint (ms)", "startup_s", 1000.0),
        ("peak memory (MB)", "peak_rss_mb", 1.0),
    ]
    print(f"Machine: {machine()}")
    print(f"Runs: {args.runs} of each, alternating, medians; budget: ratio <= {BUDGET}")
    print()
    print(f"| {'metric':<26} | {'bare window':>11} | {'app':>8} | {'ratio':>5} |")
    print(f"|{'-' * 28}|{'-' * 13}|{'-' * 10}|{'-' * 7}|")
    worst = 0.0
    for label, field, scale in rows:
        bare, app = median("bare window", field), median("app", field)
        ratio = app / bare
        worst = max(worst, ratio)
        print(f"| {label:<26} | {bare * scale:>11.1f} | {app * scale:>8.1f} | {ratio:>5.2f} |")
    print()
    verdict = "within budget" if worst <= BUDGET else "OVER BUDGET"
    print(f"Worst ratio {worst:.2f}: {verdict}")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
