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

COMMANDS = (
    "validate-pack",
    "export-ics",
    "export-handout",
    "set-kiosk-pin",
    "kiosk-stats",
    "bundle",
)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with `commands` False, only the window's options (what starting
    the app needs, without importing the modules that describe each command)."""
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
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="run as the waiting-room kiosk: fullscreen, looping, locked, storing nothing "
        "(also turned on by kiosk.enabled in the clinic config)",
    )
    parser.add_argument(
        "--screen",
        type=int,
        metavar="N",
        help="with --kiosk: show the kiosk on screen N (0 is the first; default: the primary)",
    )
    parser.add_argument(
        "--language",
        choices=("system", "en", "es"),
        help="the language of the window and the kiosk: en (English), es (Español), or "
        "system (the default: the computer's language when the app has it, else English)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy works (content pack, clinic config, a temporary store, "
        "every screen drawn offscreen), print what was checked and exit",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_commands(subparsers)
    return parser


def _add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate-pack",
        help="check a content pack and print every problem and each screen's reading grade",
    )
    validate.add_argument("path", type=Path, metavar="PATH", help="the content pack folder")
    validate.add_argument("--language", help="check one language only, e.g. en")
    from app.export.commands import add_export_commands

    add_export_commands(commands)
    pin = commands.add_parser(
        "set-kiosk-pin",
        help="ask for a staff PIN and store it, hashed, in the clinic config (--clinic-config or "
        "the usual place); the PIN unlocks the kiosk's exit",
    )
    pin.add_argument(
        "--pin-from-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input instead of asking twice",
    )
    pin.add_argument("--remove", action="store_true", help="remove the PIN (exit stays locked)")
    from app.kiosk_stats_command import add_kiosk_stats_command

    add_kiosk_stats_command(commands)
    from app.fleet.commands import add_bundle_command

    add_bundle_command(commands)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The window's options alone when nothing on the line names a command or asks for help (a
    patient starting the app does not wait for every command's module to load); else, or when
    the short form cannot read the line, the whole command line and its messages."""
    words = list(sys.argv[1:] if argv is None else argv)
    if not any(word in COMMANDS or word in ("-h", "--help") for word in words):
        short = build_parser(commands=False)
        short.exit_on_error = False
        try:
            args, rest = short.parse_known_args(words)
        except argparse.ArgumentError:
            pass
        else:
            if not rest:
                return args
    return build_parser().parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.command == "validate-pack":
        from app.domain.pack_report import run_validate_pack

        return int(run_validate_pack(args.path, sys.stdout, args.language))

    if args.command in ("export-ics", "export-handout"):
        from app.ui.pyside_startup import skip_feature_scan

        skip_feature_scan()  # the exports use Qt's dates and PDF writer: see that module
        from app.export.commands import run_export

        return run_export(args)

    if args.command == "set-kiosk-pin":
        from app.kiosk_pin_command import run_set_kiosk_pin

        return run_set_kiosk_pin(args)

    if args.command == "kiosk-stats":
        from app.kiosk_stats_command import run_kiosk_stats

        return run_kiosk_stats(args)

    if args.command == "bundle":
        from app.fleet.commands import run_bundle

        return run_bundle(args)

    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test(args)

    # The window (home or kiosk). No cyclic garbage collection until the first screen is up:
    # start-up allocates a great deal (modules, classes, Qt's enums) and frees almost nothing;
    # on the way to Today the collector's 68 passes freed 434 objects for ~13 ms (measured with
    # gc.callbacks). run_gui turns it back on (app/ui/application.py).
    import gc

    gc.disable()
    try:
        return _run_window(args)
    finally:
        gc.enable()  # on again whatever happened (the home window does it once it painted)


def _run_window(args: argparse.Namespace) -> int:
    # Whatever the login's umask, what the window makes is its user's alone, including files
    # whose mode others choose (SQLite's -wal and -shm, Qt's caches).
    from app.paths import make_new_files_private

    make_new_files_private()
    from app.ui.pyside_startup import skip_feature_scan

    skip_feature_scan()  # before the window's modules are imported: see its module
    from app.ui.application import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            data_dir=args.data_dir,
            content_pack=args.content_pack,
            clinic_config=args.clinic_config,
            kiosk=args.kiosk,
            screen=args.screen,
            language=args.language,
        )
    )
