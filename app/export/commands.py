"""`export-ics` and `export-handout`: the same plan the app shows, written from the command line.

A bad argument (unknown zone, impossible date, a time the clocks skipped, a file that cannot be
written) gets one clear line on stderr and exit code 2; no partial file is ever left behind.

`--out` never damages what it names: only a regular file (or a link to one) is ever replaced,
only with `--force`, and never one without its owner-write bit (checked from the mode bits, so
that running as root, who may write anything, still respects it). Folders, devices (/dev/null),
pipes and sockets are refused. The new file is written beside the old one and renamed over it.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app import APP_ID

if TYPE_CHECKING:  # imported when a command runs: `--help` and the window need none of them
    from app.domain.clinic import ClinicConfig
    from app.domain.plan import RecoveryPlan
    from app.render.content_provider import ContentProvider

EXIT_BAD_ARGUMENT = 2
# A treatment date outside these years is a typo; near the ends of Python's calendar (years 1
# and 9999) the plan's later dates cannot even be computed.
MIN_YEAR, MAX_YEAR = 1900, 2999


class ExportError(Exception):
    """One line for the user: what is wrong and what was expected."""


def add_export_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, kind in (("export-ics", "a calendar file"), ("export-handout", "a PDF handout")):
        command = commands.add_parser(name, help=f"write the recovery plan as {kind}")
        command.add_argument(
            "--treated-at",
            required=True,
            metavar="YYYY-MM-DDTHH:MM",
            help="when the treatment was, on the patient's local clock",
        )
        command.add_argument(
            "--tz",
            required=True,
            metavar="ZONE",
            help="the patient's time zone, e.g. Europe/London",
        )
        command.add_argument("--clinic-config", metavar="FILE", help="the clinic's settings")
        command.add_argument(
            "--content-pack",
            metavar="FOLDER",
            # Not set unless given here, so the program's own --content-pack (before the
            # command) still counts.
            default=argparse.SUPPRESS,
            help="use the content pack in FOLDER, its timings and words, instead of the "
            "built-in one; a pack that has errors is refused (check it with validate-pack)",
        )
        command.add_argument(
            "--language",
            choices=("system", "en", "es"),
            # Not set unless given here, so the program's own --language still counts.
            default=argparse.SUPPRESS,
            help="the language of the words: en, es, or system (the default: the computer's "
            "language when the app has it, else English)",
        )
        command.add_argument("--out", required=True, type=Path, metavar="FILE", help="write here")
        command.add_argument(
            "--force",
            action="store_true",
            help="replace FILE if it already exists (never a read-only file, a folder or a device)",
        )


def _treated_at(text: str, zone_name: str) -> datetime:
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ExportError(
            f"unknown time zone {zone_name!r}; expected an IANA name like America/New_York"
        ) from error
    try:
        local = datetime.fromisoformat(text)
    except ValueError as error:
        raise ExportError(
            f"{text!r} is not a date and time; expected YYYY-MM-DDTHH:MM, e.g. 2026-03-07T16:00"
        ) from error
    if local.tzinfo is not None:
        raise ExportError(f"{text!r} has an offset; give the local time and the zone with --tz")
    if not MIN_YEAR <= local.year <= MAX_YEAR:
        raise ExportError(f"{text} is out of range; expected a year from {MIN_YEAR} to {MAX_YEAR}")
    aware = local.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local:
        raise ExportError(f"{text} did not exist in {zone_name}: the clocks went forward then")
    return aware


def _target(out: Path, force: bool) -> Path:
    """The file to write for `--out`: `out` itself, or the file a link at `out` points to (the
    link stays). ExportError when writing there could damage something."""
    target = Path(os.path.realpath(out)) if out.is_symlink() else out
    try:
        found = target.stat()
    except FileNotFoundError:
        if target != out:
            raise ExportError(
                f"cannot write {out}: it is a link to {target}, which does not exist"
            ) from None
        if not out.parent.is_dir():
            raise ExportError(
                f"cannot write {out}: the folder {out.parent} does not exist"
            ) from None
        return target
    if stat.S_ISDIR(found.st_mode):
        raise ExportError(f"cannot write {out}: it is a folder")
    if not stat.S_ISREG(found.st_mode):
        raise ExportError(
            f"cannot write {out}: it is not a regular file (a device, pipe or socket); "
            "give the name of a file"
        )
    if not force:
        raise ExportError(f"{out} already exists; add --force to replace it")
    if not found.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise ExportError(f"{out} is read-only, so it was left as it is; make it writable first")
    return target


def run_export(args: argparse.Namespace, err: TextIO | None = None) -> int:
    err = err or sys.stderr  # looked up now, not at import, so a redirected stderr is used
    try:
        treated_at = _treated_at(args.treated_at, args.tz)
        force = bool(getattr(args, "force", False))
        out = _target(args.out, force)
        language = _install_language(getattr(args, "language", None), args.command)
        sources = _Sources(args.clinic_config, getattr(args, "content_pack", None), language)
        try:
            if args.command == "export-ics":
                _export_ics(treated_at, args.tz, sources, out, force, err)
            else:
                _export_handout(treated_at, args.tz, sources, out, force, err)
        except FileExistsError:  # it appeared while the file was being made
            raise ExportError(f"{args.out} already exists; add --force to replace it") from None
        except OverflowError:
            raise ExportError(
                f"{args.treated_at} is out of range: the plan's dates go past the calendar's end"
            ) from None
    except ExportError as error:
        print(f"{APP_ID}: {error}", file=err)
        return EXIT_BAD_ARGUMENT
    except OSError as error:
        print(f"{APP_ID}: cannot write {args.out}: {error.strerror or error}", file=err)
        return EXIT_BAD_ARGUMENT
    return 0


@dataclass(frozen=True)
class _Sources:
    """Where the plan's settings come from: the clinic config and the content pack (None: the
    usual defaults, no clinic config and the built-in pack)."""

    clinic_config: str | None
    content_pack: str | None
    language: str = "en"  # of the words and the content pack


# The application object the export made, kept for the run: translators live on it.
_APPLICATION: list[object] = []


def _install_language(asked: str | None, command: str) -> str:
    """The language of the export's words: --language, else the computer's when the app has
    it, else English, with Qt's translators installed for it (they need an application)."""
    from app.render.translation import choose_language, install_language

    language = choose_language(asked)
    if asked is None and language == "en":
        return language  # English: nothing to install, Qt's defaults as they are
    if command == "export-handout":
        # Printing needs Qt's font machinery but no screen: the offscreen platform does.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    else:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    _APPLICATION.append(app)
    return install_language(language)


def _content(folder: str | None, language: str, err: TextIO) -> ContentProvider:
    """The content pack named by --content-pack, or the built-in one. A named pack that cannot
    be used is an error, not a quiet switch to the built-in timings: a clinic that asks for its
    own pack must not print a handout with someone else's."""
    from app.render.content_provider import ContentProvider

    if not folder:
        return ContentProvider(None, language)
    pack = Path(folder).expanduser()
    if not pack.is_dir():
        raise ExportError(f"content pack {pack} not found; expected a folder")
    content = ContentProvider(pack, language)
    loaded = content.content()
    if loaded.used_fallback:
        raise ExportError(
            f"content pack {pack} cannot be used; run validate-pack {pack} to see what to fix"
        )
    for problem in loaded.problems:  # the rest of the pack is still good: warn and carry on
        print(f"{APP_ID}: warning: {problem}", file=err)
    return content


def _setup(
    treated_at: datetime, zone: str, sources: _Sources, err: TextIO
) -> tuple[ContentProvider, ClinicConfig, RecoveryPlan]:
    """The content, the clinic's settings and the plan: the same code path as the window."""
    from app.domain.clinic import ClinicConfig, load_clinic_config
    from app.domain.series import TreatmentInput, plan_for

    content = _content(sources.content_pack, sources.language, err)
    shipped = content.content()
    config = ClinicConfig.empty()
    if sources.clinic_config:
        path = Path(sources.clinic_config).expanduser()
        if not path.is_file():
            raise ExportError(f"clinic config {path} not found")
        config, problems = load_clinic_config(path, shipped.protocol.rule_ids)
        for problem in problems:  # the rest of the config is still good: warn and carry on
            print(f"{APP_ID}: warning: {problem}", file=err)
    content.clinic_name = config.name or ""
    content.clinic_phone = config.phone or ""
    content.clinic_after_hours_phone = config.after_hours_phone or ""
    content.clinic_region = config.region or ""
    content.clinic_overrides = dict(config.protocol_overrides)
    content.clinic_logo = config.logo
    treatment = TreatmentInput(0, treated_at, zone)
    plan = plan_for(treatment, shipped.protocol, shipped.text, config.protocol_overrides)
    return content, config, plan


def _export_ics(
    treated_at: datetime,
    zone: str,
    sources: _Sources,
    out: Path,
    replace: bool,
    err: TextIO,
) -> None:
    from app.export.files import save_calendar

    content, _config, plan = _setup(treated_at, zone, sources, err)
    save_calendar(plan, content, out, datetime.now(UTC), replace=replace)


def _export_handout(
    treated_at: datetime,
    zone: str,
    sources: _Sources,
    out: Path,
    replace: bool,
    err: TextIO,
) -> None:
    # Printing needs Qt's font machinery but no screen: the offscreen platform does.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from app.export.files import save_handout

    content, _config, plan = _setup(treated_at, zone, sources, err)
    save_handout(plan, content, out, content.clinic_logo, replace=replace)
    del app
