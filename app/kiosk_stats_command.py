"""`kiosk-stats`: print the kiosk's usage counts (docs/kiosk.md, "Usage counts"), as a table
for people or, with --csv, as rows of date,counter,count for a spreadsheet.

CSV is in long form (one row per day and counter) so its header never changes when the content
pack gains a screen; a spreadsheet's pivot table turns it into one column per counter.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # imported when the command runs: `--help` and the window need none of them
    from app.domain.usage_counts import Counts

EXIT_OK, EXIT_DAMAGED, EXIT_NO_CONFIG = 0, 1, 2
_HEADINGS = {"visits": "visits", "previews": "previews", "qr_codes": "QR codes", "prints": "prints"}


def add_kiosk_stats_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "kiosk-stats",
        help="print the kiosk's anonymous usage counts per day (kept only when the clinic "
        "config has usage_counts = true under [kiosk])",
    )
    command.add_argument(
        "--csv", action="store_true", help="print CSV rows of date,counter,count instead"
    )
    command.add_argument(
        "--clinic-config",
        metavar="FILE",
        # Not set unless given here, so the program's own --clinic-config still counts.
        default=argparse.SUPPRESS,
        help="the kiosk's clinic config; the counts are in the same folder",
    )


def run_kiosk_stats(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from app.domain.clinic_location import find_clinic_config
    from app.domain.input_files import RefusedFile
    from app.kiosk_usage import counts_path, read_counts

    explicit = getattr(args, "clinic_config", None)
    config = find_clinic_config(Path(explicit) if explicit else None)
    if config is None:
        err.write(
            "No clinic config found, so there are no usage counts to show. Give the kiosk's "
            "config with --clinic-config FILE.\n"
        )
        return EXIT_NO_CONFIG
    path = counts_path(config)
    try:
        counts, problems = read_counts(path)
    except (OSError, RefusedFile) as error:
        reason = getattr(error, "strerror", None) or str(error)
        err.write(f"Cannot read the usage counts in {path}: {reason}.\n")
        return EXIT_DAMAGED
    try:
        if args.csv:
            write_csv(counts, out)
        elif not counts and not problems:
            out.write(
                f"No usage counts in {path} yet. The kiosk counts only when its clinic config "
                "has usage_counts = true under [kiosk] (see docs/kiosk.md).\n"
            )
        else:
            out.write(f"Kiosk usage counts per day, from {path}\n\n")
            write_table(counts, out)
        out.flush()
    except BrokenPipeError:  # `kiosk-stats --csv | head`: the reader has all it wanted
        # Python's own advice: point stdout at devnull so the flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    for problem in problems:
        err.write(f"{path}: {problem}\n")
    if problems:
        err.write(
            "The rest of the counts were read; the kiosk repairs the file when it next saves.\n"
        )
        return EXIT_DAMAGED
    return EXIT_OK


def write_csv(counts: Counts, out: TextIO) -> None:
    import csv

    from app.domain.usage_counts import csv_rows

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("date", "counter", "count"))
    writer.writerows(csv_rows(counts))


def write_table(counts: Counts, out: TextIO) -> None:
    from app.domain.usage_counts import FIXED_COUNTERS, SCREEN_PREFIX

    days = sorted(counts)
    widths = [10] + [max(len(_HEADINGS[name]), 8) for name in FIXED_COUNTERS]
    rows = [["date", *(_HEADINGS[name] for name in FIXED_COUNTERS)]]
    rows += [[day, *(str(counts[day].get(name, 0)) for name in FIXED_COUNTERS)] for day in days]
    for row in rows:
        cells = [cell.rjust(w) for cell, w in zip(row, widths, strict=True)]
        cells[0] = row[0].ljust(widths[0])
        out.write("  ".join(cells).rstrip() + "\n")
    screens = [
        (day, name[len(SCREEN_PREFIX) :], count)
        for day in days
        for name, count in sorted(counts[day].items())
        if name.startswith(SCREEN_PREFIX)
    ]
    if not screens:
        return
    out.write("\nScreens viewed (how many visits opened each screen)\n\n")
    width = max(len("screen"), *(len(screen) for _day, screen, _count in screens))
    out.write(f"{'date'.ljust(10)}  {'screen'.ljust(width)}  {'visits':>8}\n")
    for day, screen, count in screens:
        out.write(f"{day}  {screen.ljust(width)}  {count:>8}\n")
