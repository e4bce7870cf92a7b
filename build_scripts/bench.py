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

With --bundle and --bare-bundle (`make bench` passes both), the PyInstaller bundles of the app
and of the bare window, built by the same spec with the same filters, are measured the same way
beside the source runs, and their sizes are compared. Budgeted: the app bundle's size
(BUNDLE_BUDGET_MIB). Its start-up is reported beside the source run and the bare-window bundle.
Exits 1 when a budgeted figure is over.
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUDGET = 1.5
BUNDLE_BUDGET_MIB = 115.0
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


def bundle_size_mib(folder: Path) -> float:
    """Every file's size, links counted as links (du --apparent-size), in MiB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())
    return total / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each program")
    parser.add_argument("--bundle", type=Path, help="the app's PyInstaller onedir folder")
    parser.add_argument("--bare-bundle", type=Path, help="the bare window's onedir folder")
    args = parser.parse_args()
    if (args.bundle is None) != (args.bare_bundle is None):
        parser.error("--bundle and --bare-bundle go together")

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
    if args.bundle is not None:
        frozen = [str(args.bundle.resolve() / args.bundle.name), "--data-dir", str(scratch / "d2")]
        bare_exe = str(args.bare_bundle.resolve() / args.bare_bundle.name)
        programs |= {
            "bare window bundle": ([bare_exe], {}, "first-paint"),
            "app bundle": (frozen, {BENCH_ENV: "paint"}, "first-paint"),
            "app bundle, first content": (frozen, {BENCH_ENV: "content"}, "content-ready"),
        }

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
    worst = table("bare window", "app", median)
    print()
    content_ms = median("app, first content", "ready_s") * 1000
    content_mb = median("app, first content", "peak_rss_mb")
    print(f"For information: the Learn screen's content is ready {content_ms:.0f} ms after start,")
    print(f"with a peak memory of {content_mb:.1f} MB (content pack loaded and checked).")
    print()
    verdict = "within budget" if worst <= BUDGET else "OVER BUDGET"
    print(f"Worst budgeted ratio {worst:.2f}: {verdict}")
    over = worst > BUDGET
    if args.bundle is not None:
        over |= bundles(args.bundle, args.bare_bundle, median)
    return 1 if over else 0


def table(bare: str, ours: str, median: Callable[[str, str], float]) -> float:
    """Print time and memory to first paint of `ours` against `bare`; the worse ratio."""
    print(f"| {'metric':<31} | {'bare window':>11} | {'app':>8} | {'ratio':>5} |")
    print(f"|{'-' * 33}|{'-' * 13}|{'-' * 10}|{'-' * 7}|")
    worst = 0.0
    for label, field, scale in (
        ("start to first paint (ms)", "ready_s", 1000.0),
        ("peak memory to first paint (MB)", "peak_rss_mb", 1.0),
    ):
        theirs, mine = median(bare, field), median(ours, field)
        ratio = mine / theirs
        worst = max(worst, ratio)
        print(f"| {label:<31} | {theirs * scale:>11.1f} | {mine * scale:>8.1f} | {ratio:>5.2f} |")
    return worst


def bundles(app: Path, bare: Path, median: Callable[[str, str], float]) -> bool:
    """Print the bundles' sizes and start-up; True when the app bundle is over its size budget."""
    app_mib, bare_mib = bundle_size_mib(app), bundle_size_mib(bare)
    print()
    print("PyInstaller bundles (onedir, same spec and filters for both):")
    print()
    print(f"| {'metric':<31} | {'bare window':>11} | {'app':>8} | {'ratio':>5} |")
    print(f"|{'-' * 33}|{'-' * 13}|{'-' * 10}|{'-' * 7}|")
    print(f"| {'bundle size (MiB)':<31} | {bare_mib:>11.1f} | {app_mib:>8.1f} | "
          f"{app_mib / bare_mib:>5.2f} |")  # fmt: skip
    for label, field, scale in (
        ("start to first paint (ms)", "ready_s", 1000.0),
        ("peak memory to first paint (MB)", "peak_rss_mb", 1.0),
    ):
        theirs, mine = median("bare window bundle", field), median("app bundle", field)
        print(f"| {label:<31} | {theirs * scale:>11.1f} | {mine * scale:>8.1f} | "
              f"{mine / theirs:>5.2f} |")  # fmt: skip
    print()
    source_ms, frozen_ms = median("app", "ready_s") * 1000, median("app bundle", "ready_s") * 1000
    content_ms = median("app bundle, first content", "ready_s") * 1000
    print(f"The app's first paint: {source_ms:.1f} ms from source, {frozen_ms:.1f} ms bundled;")
    print(f"the bundle's first content is ready {content_ms:.0f} ms after start.")
    over = app_mib > BUNDLE_BUDGET_MIB
    verdict = "OVER BUDGET" if over else "within budget"
    print(f"App bundle {app_mib:.1f} MiB, budget {BUNDLE_BUDGET_MIB:.0f} MiB: {verdict}")
    return over


if __name__ == "__main__":
    raise SystemExit(main())
