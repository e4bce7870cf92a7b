"""Start-up benchmark: what a patient waits for, against a bare PySide6 window started the same way.

Each run spawns a fresh process and measures the wall-clock time from just before the spawn to
a moment the process reports (it prints the time), and the process's peak resident memory at
that moment (as it reports it; else wait4's rusage at its exit). The bare window is
build_scripts/bare_window.py: one QMainWindow with one QLabel, timed to its first paint. All
programs run in one alternating series (forwards, then backwards), so drift and load on the
machine hit them alike; medians are compared, each as a ratio to the bare window measured in
the same series.

- "first paint": the app's first frame (rail and frame, no content yet);
- "Learn painted": the first content: Learn's text painted (data folder past the welcome);
- "Today painted": My recovery's Today painted, with one saved treatment (two days ago);
- "Today, 200 treatments": the same with 200 saved treatments; compared with one treatment;
- "bare page" (for reference, no budget): the bare window holding the smallest page a patient
  could read (`bare_window.py --page`: a heading, twelve wrapped paragraphs and two buttons in a
  scroll area, no data, no translations). What any first screen on this stack costs before the
  app adds anything of its own; the budgets can be read against it.

Budgets (exit 1 when one is over): first paint <= 1.25x the bare window's first paint; first
content (Learn and Today) <= 1.6x; peak memory at first content <= 1.4x; Today with 200
treatments <= 1.1x Today with one.

With --bundle and --bare-bundle (`make bench` passes both), the PyInstaller bundles of the app
and of the bare window are measured the same way in the same series, with the same budgets, and
their sizes compared (BUNDLE_BUDGET_MIB). The two export commands are timed to their exit
beside a bare `import PySide6.QtWidgets` (for information).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BENCH_ENV = "MICRONEEDLING_BENCH_FIRST_PAINT"  # read by app/ui/application.py
FIRST_PAINT_BUDGET = 1.25
CONTENT_BUDGET = 1.6
MEMORY_BUDGET = 1.4
HISTORY_BUDGET = 1.1  # Today with 200 treatments over Today with one
BUNDLE_BUDGET_MIB = 115.0
MANY = 200
BARE_PAGE = "bare page (reference)"
Median = Callable[[str, str, str], float]  # (group, program, field) -> median


@dataclass
class Sample:
    ready_s: float  # to the reported moment (or to exit for the export commands)
    peak_rss_mb: float


@dataclass(frozen=True)
class Program:
    command: list[str]
    env: dict[str, str]
    mark: str | None  # the line the process prints at the moment; None: time to its exit


def run_once(program: Program, env: dict[str, str]) -> Sample:
    with tempfile.TemporaryFile() as errors:  # Qt's chatter, shown only when a run fails
        started = time.time()
        process = subprocess.Popen(
            program.command,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env={**env, **program.env},
            cwd=REPO,
        )
        assert process.stdout is not None
        ready: float | None = None
        peak_kib: float | None = None  # at the mark, when the program reports it
        for line in process.stdout:
            if program.mark is not None and line.startswith(program.mark + " "):
                fields = line.split()
                ready = float(fields[1])
                peak_kib = float(fields[2]) if len(fields) > 2 else None
        _, status, usage = os.wait4(process.pid, 0)
        ended = time.time()
        process.returncode = os.waitstatus_to_exitcode(status)
        if program.mark is None:
            ready = ended
        if ready is None or process.returncode != 0:
            errors.seek(0)
            said = errors.read().decode(errors="replace")
            mark, code = program.mark, process.returncode
            raise SystemExit(f"{program.command} did not report {mark!r} (exit {code}):\n{said}")
    # ru_maxrss is in KiB on Linux (bytes on macOS; this script targets the Linux build machine).
    return Sample(ready - started, (peak_kib or usage.ru_maxrss) / 1024)


def seed(folder: Path, treatments: int) -> Path:
    """A data folder past the first-run welcome, with ``treatments`` saved treatments (the
    latest two days ago, the others every six weeks before it)."""
    from app.paths import ensure_private_dir
    from app.store import Store
    from app.ui.preferences import WELCOME_SEEN

    ensure_private_dir(folder)
    store = Store.open(folder)
    try:
        store.set_setting(WELCOME_SEEN.key, "1")
        latest = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
        for n in range(treatments):
            store.add_treatment(latest - timedelta(weeks=6 * n), "Europe/London")
    finally:
        store.close()
    return folder


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

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PySide6 {pyside}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '(default)')}, load average {load}"
    )


def bundle_size_mib(folder: Path) -> float:
    """Every file's size, links counted as links (du --apparent-size), in MiB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())
    return total / 2**20


def app_programs(start: list[str], scratch: Path, tag: str) -> dict[str, Program]:
    learn, today, many = (scratch / f"{tag}-{n}" for n in ("learn", "today", "many"))
    for folder, treatments in ((learn, 0), (today, 1), (many, MANY)):
        seed(folder, treatments)
    paint, content = {BENCH_ENV: "paint"}, {BENCH_ENV: "content"}
    return {
        "first paint": Program([*start, "--data-dir", str(learn)], paint, "first-paint"),
        "Learn painted": Program([*start, "--data-dir", str(learn)], content, "content-ready"),
        "Today painted": Program([*start, "--data-dir", str(today)], content, "content-ready"),
        f"Today, {MANY} treatments": Program(
            [*start, "--data-dir", str(many)], content, "content-ready"
        ),
    }


def export_programs(scratch: Path) -> dict[str, Program]:
    plan = ["--treated-at", "2026-03-07T16:00", "--tz", "America/New_York", "--force", "--out"]
    python = [sys.executable, "-m", "app"]
    return {
        "bare Qt import": Program([sys.executable, "-c", "import PySide6.QtWidgets"], {}, None),
        "export-ics": Program([*python, "export-ics", *plan, str(scratch / "p.ics")], {}, None),
        "export-handout": Program(
            [*python, "export-handout", *plan, str(scratch / "p.pdf")], {}, None
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="alternating rounds of each program")
    parser.add_argument("--bundle", type=Path, help="the app's PyInstaller onedir folder")
    parser.add_argument("--bare-bundle", type=Path, help="the bare window's onedir folder")
    args = parser.parse_args()
    if (args.bundle is None) != (args.bare_bundle is None):
        parser.error("--bundle and --bare-bundle go together")

    scratch = Path(tempfile.mkdtemp(prefix="mnc-bench-"))
    try:
        return measure(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # the data folders and exports it made


def measure(args: argparse.Namespace, scratch: Path) -> int:
    """Every program in alternating rounds, the tables, and 1 when a budget is over."""
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(scratch / "config"),  # keep the user's real settings untouched
        "PYTHONPATH": str(REPO),
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed copy runs from bytecode compiled at install time (pip and PyInstaller both do
    # this). Without the cache every start would recompile every module, which no user sees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare = [sys.executable, str(REPO / "build_scripts" / "bare_window.py")]
    groups: dict[str, dict[str, Program]] = {
        "source": {
            "bare window": Program(bare, {}, "first-paint"),
            BARE_PAGE: Program([*bare, "--page"], {}, "first-paint"),
            **app_programs([sys.executable, "-m", "app"], scratch, "src"),
        },
        "exports": export_programs(scratch),
    }
    if args.bundle is not None:
        frozen = str(args.bundle.resolve() / args.bundle.name)
        bare_exe = str(args.bare_bundle.resolve() / args.bare_bundle.name)
        groups["bundle"] = {
            "bare window": Program([bare_exe], {}, "first-paint"),
            BARE_PAGE: Program([bare_exe, "--page"], {}, "first-paint"),
            **app_programs([frozen], scratch, "frozen"),
        }
    order = [(group, name) for group, programs in groups.items() for name in programs]

    def run(group: str, name: str) -> Sample:
        return run_once(groups[group][name], env)

    for key in order:  # warm-up: fills the disk cache, compiles bytecode, opens the databases
        run(*key)
    samples: dict[tuple[str, str], list[Sample]] = {key: [] for key in order}
    for i in range(args.runs):
        for key in order if i % 2 == 0 else reversed(order):
            samples[key].append(run(*key))

    def median(group: str, name: str, field: str) -> float:
        return statistics.median(getattr(s, field) for s in samples[group, name])

    print(f"Machine: {machine()}")
    print(f"Runs: {args.runs} alternating rounds of every program; medians")
    over = False
    for group in ("source", "bundle"):
        if group in groups:
            print()
            over |= startup_table(group, median)
    print()
    exports_table(median)
    if args.bundle is not None:
        over |= bundle_sizes(args.bundle, args.bare_bundle)
    print()
    print("Every budgeted ratio within budget." if not over else "Some ratio is OVER BUDGET.")
    return 1 if over else 0


def startup_table(group: str, median: Median) -> bool:
    """Print each moment's time and peak memory over the bare window's first paint; True when
    a budget is over."""
    title = "From source" if group == "source" else "PyInstaller bundles (same spec and filters)"
    print(f"{title}: ratios to the bare window's first paint in the same series")
    print()
    print(f"| {'moment':<24} | {'ms':>7} | {'ratio':>5} | {'budget':>6} | {'peak MB':>7} | "
          f"{'ratio':>5} | {'budget':>6} |")  # fmt: skip
    print(f"|{'-' * 26}|{'-' * 9}|{'-' * 7}|{'-' * 8}|{'-' * 9}|{'-' * 7}|{'-' * 8}|")
    bare_s, bare_mb = median(group, "bare window", "ready_s"), median(group, "bare window",
                                                                      "peak_rss_mb")  # fmt: skip
    over = False
    rows = ("bare window", BARE_PAGE, "first paint", "Learn painted", "Today painted",
            f"Today, {MANY} treatments")  # fmt: skip
    unbudgeted = {"bare window": None, BARE_PAGE: None}
    for name in rows:
        ms, mb = median(group, name, "ready_s"), median(group, name, "peak_rss_mb")
        time_budget = {**unbudgeted, "first paint": FIRST_PAINT_BUDGET}.get(name, CONTENT_BUDGET)
        memory_budget = {**unbudgeted, "first paint": None}.get(name, MEMORY_BUDGET)
        cells = []
        for value, base, budget in ((ms, bare_s, time_budget), (mb, bare_mb, memory_budget)):
            ratio = value / base
            verdict = "-" if budget is None else f"{'<=' if ratio <= budget else '>'}{budget}"
            over |= budget is not None and ratio > budget
            cells.append((ratio, verdict))
        print(f"| {name:<24} | {ms * 1000:>7.1f} | {cells[0][0]:>5.2f} | {cells[0][1]:>6} | "
              f"{mb:>7.1f} | {cells[1][0]:>5.2f} | {cells[1][1]:>6} |")  # fmt: skip
    one, many = (
        median(group, "Today painted", "ready_s"),
        median(group, f"Today, {MANY} treatments", "ready_s"),
    )
    history = many / one
    over |= history > HISTORY_BUDGET
    verdict = "within budget" if history <= HISTORY_BUDGET else "OVER BUDGET"
    print()
    print(f"Today with {MANY} treatments / with one: {history:.2f} "
          f"(budget {HISTORY_BUDGET}): {verdict}")  # fmt: skip
    return over


def exports_table(median: Median) -> None:
    print("Export commands, start to exit, against a bare `import PySide6.QtWidgets`:")
    print()
    print(f"| {'command':<16} | {'ms':>7} | {'ratio':>5} | {'peak MB':>7} | {'ratio':>5} |")
    print(f"|{'-' * 18}|{'-' * 9}|{'-' * 7}|{'-' * 9}|{'-' * 7}|")
    base_s = median("exports", "bare Qt import", "ready_s")
    base_mb = median("exports", "bare Qt import", "peak_rss_mb")
    for name in ("bare Qt import", "export-ics", "export-handout"):
        ms, mb = median("exports", name, "ready_s"), median("exports", name, "peak_rss_mb")
        print(f"| {name:<16} | {ms * 1000:>7.1f} | {ms / base_s:>5.2f} | {mb:>7.1f} | "
              f"{mb / base_mb:>5.2f} |")  # fmt: skip


def bundle_sizes(app: Path, bare: Path) -> bool:
    """Print the bundles' sizes; True when the app bundle is over its size budget."""
    app_mib, bare_mib = bundle_size_mib(app), bundle_size_mib(bare)
    over = app_mib > BUNDLE_BUDGET_MIB
    verdict = "OVER BUDGET" if over else "within budget"
    print()
    ratio = app_mib / bare_mib
    print(f"Bundle sizes: app {app_mib:.1f} MiB, bare window {bare_mib:.1f} MiB ({ratio:.2f}x);")
    print(f"budget {BUNDLE_BUDGET_MIB:.0f} MiB: {verdict}")
    return over


if __name__ == "__main__":
    raise SystemExit(main())
