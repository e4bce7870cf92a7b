"""Looking in the bundle folder: verify what is new there and apply the newest good bundle.

A bundle is applied only when its signature holds for this machine's key, its files are the
ones signed, its version is higher than the one in use (never lower, never the same again),
and its pack and clinic config load as the app loads them. Every refusal is recorded with its
reason. A file already looked at (same name, size and time) is not read again, so a bad
bundle left in the folder is reported once, not every ten minutes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from app.domain.clinic import load_clinic_config
from app.domain.clinic_managed import ManagedSettings
from app.domain.pack import load_pack
from app.fleet.archive import SUFFIX, BundleRefused, read_bundle
from app.fleet.install import InstalledBundle, InstallFailed, LoadCheck, install, installed
from app.fleet.signing import SigningError, public_key_from_text
from app.fleet.status import FELL_BACK, REFUSED, BundleStatus, Event, read_status, write_status
from app.paths import ensure_private_dir

log = logging.getLogger(__name__)
MAX_CANDIDATES = 20  # the newest files in the folder; older ones are left alone


@dataclass(frozen=True)
class CheckResult:
    applied: InstalledBundle | None  # newly applied by this look
    status: BundleStatus


def loads_as_app(pack: Path, clinic_config: Path) -> str | None:
    """None when the pack and the clinic config load without a single problem; else the
    first problem."""
    result = load_pack(pack)
    if result.meta is not None and result.meta.languages and result.pack is None:
        result = load_pack(pack, result.meta.languages[0])  # a pack without English
    if result.pack is None or result.problems:
        return str(result.problems[0]) if result.problems else "the content pack does not load"
    _config, problems = load_clinic_config(clinic_config, result.pack.protocol.rule_ids)
    return str(problems[0]) if problems else None


def _candidates(folder: Path) -> list[Path]:
    """The bundle files in `folder`, newest first. OSError when the folder cannot be read."""
    found = []
    for child in folder.iterdir():
        if child.name.lower().endswith(SUFFIX) and not child.name.startswith("."):
            try:
                found.append((child.stat().st_mtime_ns, child))
            except OSError:
                continue  # gone meanwhile, or a dangling link
    found.sort(reverse=True)
    return [path for _mtime, path in found[:MAX_CANDIDATES]]


def _fingerprint(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return ""
    return f"{info.st_size}:{info.st_mtime_ns}"


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_folder(
    managed: ManagedSettings,
    state: Path,
    now: datetime | None = None,
    check: LoadCheck = loads_as_app,
) -> CheckResult:
    """Look in the bundle folder once and apply the newest good bundle, if it is newer than the
    one in use. Records and returns the status."""
    at = _now(now)
    try:
        ensure_private_dir(state)  # refusals are recorded even before any bundle was applied
    except OSError as error:
        log.warning("setup bundles cannot be applied here (%s): %s", state, error)
        return CheckResult(None, read_status(state))
    status = read_status(state)
    in_use = installed(state)
    status = replace(status, version=in_use.version if in_use else None)
    folder = managed.bundle_folder
    try:
        files = _candidates(folder)
    except OSError as error:
        # Offline share, unplugged stick: the bundle in use stays; say so once.
        reason = f"The bundle folder {folder} cannot be read ({error.strerror or error})"
        status = replace(status, folder_problem=reason)
        write_status(state, status)
        return CheckResult(None, status)
    try:
        public = public_key_from_text(managed.public_key)
    except SigningError as error:  # the config's own check makes this rare
        status = replace(status, folder_problem=f"The public key cannot be used: {error}")
        write_status(state, status)
        return CheckResult(None, status)
    seen = {name: mark for name, mark in status.seen.items() if (folder / name).exists()}
    problem = status.last_problem
    good: list[tuple[int, Path]] = []
    for path in files:
        mark = _fingerprint(path)
        if seen.get(path.name) == mark:
            continue
        seen[path.name] = mark
        try:
            good.append((read_bundle(path, public).version, path))
        except BundleRefused as refusal:
            problem = Event(REFUSED, refusal.version, path.name, refusal.reason, at)
            log.warning("setup bundle %s refused: %s", path.name, refusal.reason)
    applied: InstalledBundle | None = None
    for version, path in sorted(good, key=lambda item: item[0], reverse=True):
        floor = applied.version if applied else (in_use.version if in_use else 0)
        if applied is None and version > floor:
            try:
                # Read again: only bytes checked now are unpacked, whatever changed meanwhile.
                applied = install(read_bundle(path, public), state, check)
            except (BundleRefused, InstallFailed) as error:
                kind = FELL_BACK if isinstance(error, InstallFailed) else REFUSED
                problem = Event(kind, version, path.name, str(error), at)
                log.warning("setup bundle %s not applied: %s", path.name, error)
                if getattr(error, "retry", False):
                    seen.pop(path.name, None)  # a full disk: look again next time
            else:
                log.info("setup bundle %s applied from %s", version, path.name)
                if problem is status.last_problem:
                    problem = None  # an old refusal is news no more
        elif version < floor:
            reason = f"it is older than bundle {floor} in use (the version must be higher)"
            problem = Event(REFUSED, version, path.name, reason, at)
    status = replace(
        status,
        version=applied.version if applied else status.version,
        applied_at=at if applied else status.applied_at,
        last_problem=problem,
        folder_problem=None,
        seen=seen,
    )
    write_status(state, status)
    return CheckResult(applied, status)
