"""Command line: parse arguments and start the right thing.

`python -m app` and the installed `microneedling-companion` command both come here. Heavy modules
(Qt, pydantic) are imported only by the branch that needs them, to keep start-up lean.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_ID, version


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description="Microneedling Companion: what happens, what to do each day, "
        "and when to call the clinic.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    parser.add_argument(
        "--data-dir",
        metavar="FOLDER",
        help="keep the patient data, backups and log in FOLDER instead of the usual place",
    )
    parser.add_argument(
        "--content-pack",
        metavar="FOLDER",
        help="show the content pack in FOLDER (falls back to the built-in pack if it has errors)",
    )
    parser.add_argument(
        "--clinic-config",
        metavar="FILE",
        help="read the clinic's name, phone numbers, colour and aftercare timings from FILE "
        "(default: the clinic config in its usual place, if there is one)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate-pack",
        help="check a content pack and print every problem and each screen's reading grade",
    )
    validate.add_argument("path", type=Path, metavar="PATH", help="the content pack folder")
    validate.add_argument("--language", help="check one language only, e.g. en")
    from app.export.commands import add_export_commands

    add_export_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate-pack":
        from app.domain.pack_report import run_validate_pack

        return int(run_validate_pack(args.path, sys.stdout, args.language))

    if args.command in ("export-ics", "export-handout"):
        from app.export.commands import run_export

        return run_export(args)

    from app.ui.application import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            data_dir=args.data_dir,
            content_pack=args.content_pack,
            clinic_config=args.clinic_config,
        )
    )
