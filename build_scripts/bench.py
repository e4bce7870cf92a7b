"""Start-up benchmark: the app against a bare PySide6 window, started the same way.

Each run spawns a fresh process and measures the wall-clock time from just before the spawn to
the first painted frame of its main window (the process prints the time of that paint), and the
process's peak resident memory (wait4's rusage). The bare window is build_scripts/bare_window.py:
one QMainWindow with one QLabel. Runs of the programs alternate, so drift on the machine hits
them alike; medians are compared.

Two runs of the app are measured:
- "app": quits at its first paint. Budgeted: its time and peak memory over the bare window's.
- "app, first content": quits once the Learn screen's content is loaded, checked and laid out.
  Reported for information; the bare window has no content to compare it with.
Exits 1 when a budgeted ratio is over BUDGET.
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
BENCH_ENV = "MICRONEEDLING_BENCH_FIRST_PAINT"  # read by app/ui/application.py


@dataclass
class Sample:
    ready_s: float  # to the first paint, or to first content for the "first content" run
    peak_rss_mb: float


def run_once(command: list[str], env: dict[str, str], mark: str) -> Sample:
    started = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=REPO)
    assert process.stdout is not None
    ready: float | None = None
    for line in process.stdout:
        if line.startswith(mark + " "):
            ready = float(line.split()[1])
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if ready is None or process.returncode != 0:
        raise SystemExit(f"{command} did not report {mark!r} (exit {process.returncode})")
    # ru_maxrss is in KiB on Linux (bytes on macOS; this script targets the Linux build machine).
    return Sample(ready - started, usage.ru_maxrss / 1024)


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
        "XDG_CONFIG_HOME": str(scratch / "config"),  # keep the user's real settings untouched
        "PYTHONPATH": str(REPO),
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed copy runs from bytecode compiled at install time (pip and PyInstaller both do
    # this). Without the cache every start would recompile every module, which no user sees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app = [sys.executable, "-m", "app", "--data-dir", str(scratch / "data")]
    programs = {
        "bare window": ([sys.executable, str(REPO / "build_scripts" / "bare_window.py")],
                        {}, "first-paint"),
        "app": (app, {BENCH_ENV: "paint"}, "first-paint"),
        "app, first content": (app, {BENCH_ENV: "content"}, "content-ready"),
    }  # fmt: skip

    def run(name: str) -> Sample:
        command, extra, mark = programs[name]
        return run_once(command, {**env, **extra}, mark)

    for name in programs:  # warm-up: fills the disk cache, compiles bytecode, creates the database
        run(name)
    samples: dict[str, list[Sample]] = {name: [] for name in programs}
    order = list(programs)
    for i in range(args.runs):
        for name in order if i % 2 == 0 else reversed(order):
            samples[name].append(run(name))

    def median(name: str, field: str) -> float:
        return statistics.median(getattr(s, field) for s in samples[name])

    print(f"Machine: {machine()}")
    print(f"Runs: {args.runs} of each program, alternating; medians; budget: ratio <= {BUDGET}")
    print()
    print(f"| {'metric':<31} | {'bare window':>11} | {'app':>8} | {'ratio':>5} |")
    print(f"|{'-' * 33}|{'-' * 13}|{'-' * 10}|{'-' * 7}|")
    worst = 0.0
    for label, name, field, scale in (
        ("start to first paint (ms)", "app", "ready_s", 1000.0),
        ("peak memory to first paint (MB)", "app", "peak_rss_mb", 1.0),
    ):
        bare, ours = median("bare window", field), median(name, field)
        worst = max(worst, ours / bare)
        ratio = ours / bare
        print(f"| {label:<31} | {bare * scale:>11.1f} | {ours * scale:>8.1f} | {ratio:>5.2f} |")
    print()
    content_ms = median("app, first content", "ready_s") * 1000
    content_mb = median("app, first content", "peak_rss_mb")
    print(f"For information: the Learn screen's content is ready {content_ms:.0f} ms after start,")
    print(f"with a peak memory of {content_mb:.1f} MB (content pack loaded and checked).")
    print()
    verdict = "within budget" if worst <= BUDGET else "OVER BUDGET"
    print(f"Worst budgeted ratio {worst:.2f}: {verdict}")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
