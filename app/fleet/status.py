"""What happened to setup bundles on this machine, kept for staff: the one in use and since
when, and the last one refused or rolled back, with the reason.

Kept in `status.json` in the bundles' state folder, owner-only and written atomically. A
status file that cannot be read is treated as empty: it only reports, it decides nothing
(the version in use comes from the `current` pointer, app.fleet.install).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.domain.input_files import MIB, read_regular_file
from app.export.atomic import write_atomically

log = logging.getLogger(__name__)
STATUS_FILE = "status.json"
REFUSED, FELL_BACK = "refused", "fell back"


@dataclass(frozen=True)
class Event:
    kind: str  # REFUSED or FELL_BACK
    version: int | None  # None: the bundle's version could not be trusted (no valid signature)
    file: str  # the bundle's file name in the folder
    reason: str  # in plain words: "signature does not match"
    at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class BundleStatus:
    managed: bool = False  # the clinic config has a [managed] table
    version: int | None = None  # the bundle in use; None: none applied yet
    applied_at: str | None = None  # ISO 8601 UTC
    last_problem: Event | None = None  # the last bundle refused or rolled back
    folder_problem: str | None = None  # the bundle folder cannot be read (offline share)
    seen: Mapping[str, str] = field(default_factory=dict)  # file name -> size:mtime looked at


def _event(raw: object) -> Event | None:
    if not isinstance(raw, dict):
        return None
    version = raw.get("version")
    return Event(
        str(raw.get("kind", REFUSED)),
        version if type(version) is int else None,
        str(raw.get("file", "")),
        str(raw.get("reason", "")),
        str(raw.get("at", "")),
    )


def read_status(state: Path, managed: bool = True) -> BundleStatus:
    """The recorded status in `state`; an empty one when there is none or it is unreadable."""
    try:
        data = json.loads(read_regular_file(state / STATUS_FILE, MIB).decode("utf-8"))
    except FileNotFoundError:
        return BundleStatus(managed=managed)
    except (OSError, ValueError) as error:
        log.warning("setup bundle status unreadable (%s); starting afresh", error)
        return BundleStatus(managed=managed)
    if not isinstance(data, dict):
        return BundleStatus(managed=managed)
    version, applied = data.get("version"), data.get("applied_at")
    seen = data.get("seen")
    folder_problem = data.get("folder_problem")
    return BundleStatus(
        managed=managed,
        version=version if type(version) is int else None,
        applied_at=applied if isinstance(applied, str) else None,
        last_problem=_event(data.get("last_problem")),
        folder_problem=folder_problem if isinstance(folder_problem, str) else None,
        seen={str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {},
    )


def write_status(state: Path, status: BundleStatus) -> None:
    problem = status.last_problem
    data = {
        "version": status.version,
        "applied_at": status.applied_at,
        "last_problem": None if problem is None else problem.__dict__,
        "folder_problem": status.folder_problem,
        "seen": dict(status.seen),
    }
    try:
        write_atomically(state / STATUS_FILE, json.dumps(data, indent=1).encode("utf-8"))
    except OSError as error:  # a full or read-only disk: the bundle itself is in place
        log.warning("cannot record the setup bundle status: %s", error)


def long_date(iso: str) -> str:
    """ "29 November 2026" from an ISO 8601 time (English; the UI formats its own)."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return f"{when.day} {when:%B %Y}"


def status_lines(status: BundleStatus) -> list[str]:
    """The status in words, for `--self-test`, `bundle status` and logs."""
    if not status.managed:
        return ["not managed: no [managed] table in the clinic config"]
    lines = []
    if status.version is None:
        lines.append("no setup bundle applied yet")
    else:
        when = long_date(status.applied_at or "")
        lines.append(f"Setup bundle {status.version} applied on {when}")
    if (problem := status.last_problem) is not None:
        name = f"Bundle {problem.version}" if problem.version is not None else problem.file
        verb = "refused" if problem.kind == REFUSED else "rolled back"
        lines.append(f"{name} {verb}: {problem.reason}")
    if status.folder_problem:
        lines.append(status.folder_problem)
    return lines
