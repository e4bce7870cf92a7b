"""Unpacking a verified bundle into the state folder and switching to it, keeping the last good
one to go back to.

    <state>/bundle-12-3f9a1c/pack/...          one folder per applied bundle
    <state>/bundle-12-3f9a1c/clinic/clinic.toml
    <state>/current                             "bundle-12-3f9a1c": the one in use
    <state>/previous                            the last good one before it

Each bundle is unpacked into a new hidden folder (files 0600, folders 0700, never through a
link, never over an existing file), renamed into place, and only then does `current` change,
by an atomic rename: a crash at any point leaves the old bundle in use. The new one is then
loaded as the app would load it; if that fails, `current` goes back to the last good one.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.input_files import read_regular_file
from app.export.atomic import write_atomically
from app.fleet.manifest import CLINIC_CONFIG, MANIFEST, PACK_FOLDER
from app.paths import ensure_private_dir

if TYPE_CHECKING:  # start-up reads the pointer; only applying needs the archive and crypto
    from app.fleet.archive import VerifiedBundle

CURRENT, PREVIOUS = "current", "previous"
_FOLDER = re.compile(r"bundle-([0-9]{1,9})-[0-9a-f]{12}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)

# (pack folder, clinic config) -> None when both load as the app loads them, else why not.
LoadCheck = Callable[[Path, Path], str | None]


class InstallFailed(RuntimeError):
    """The bundle could not be put in use; the last good one still is. Says why.
    `retry`: the bundle itself may be fine (a full disk), so try it again next time."""

    def __init__(self, reason: str, retry: bool = False) -> None:
        super().__init__(reason)
        self.retry = retry


@dataclass(frozen=True)
class InstalledBundle:
    version: int
    folder: Path

    @property
    def pack(self) -> Path:
        return self.folder / PACK_FOLDER

    @property
    def clinic_config(self) -> Path:
        return self.folder / CLINIC_CONFIG


def installed(state: Path, pointer: str = CURRENT) -> InstalledBundle | None:
    """The bundle `pointer` names, if it names one that is there."""
    try:
        name = read_regular_file(state / pointer, 256).decode("ascii").strip()
    except (OSError, ValueError):
        return None
    match = _FOLDER.fullmatch(name)
    if match is None or not (state / name).is_dir():
        return None
    return InstalledBundle(int(match.group(1)), state / name)


def _point(state: Path, pointer: str, bundle: InstalledBundle | None) -> None:
    if bundle is None:
        with contextlib.suppress(FileNotFoundError):
            (state / pointer).unlink()
        return
    write_atomically(state / pointer, f"{bundle.folder.name}\n".encode("ascii"))


def _unpack(verified: VerifiedBundle, target: Path) -> None:
    target.mkdir(mode=0o700)
    root = target.resolve()
    items = [*verified.files.items(), (MANIFEST, verified.manifest.to_bytes())]
    for name, data in items:
        path = target.joinpath(*name.split("/"))
        if not path.resolve().is_relative_to(root):  # names are checked; this is the backstop
            raise InstallFailed(f"{name} would land outside the bundle's folder")
        for parent in reversed(path.relative_to(target).parents):
            folder = target / parent
            if not folder.is_dir():
                folder.mkdir(mode=0o700)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
        with os.fdopen(os.open(path, flags, 0o600), "wb") as file:
            file.write(data)


def _prune(state: Path, keep: set[str]) -> None:
    """Remove bundles that are neither in use nor the last good one, and unfinished unpacks."""
    for child in state.iterdir():
        unfinished = child.name.startswith(".incoming-")
        if (unfinished or _FOLDER.fullmatch(child.name)) and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


def install(verified: VerifiedBundle, state: Path, check: LoadCheck) -> InstalledBundle:
    """Unpack `verified`, switch to it and load it; InstallFailed (with the last good bundle
    still in use) when any step fails."""
    ensure_private_dir(state)
    token = secrets.token_hex(6)
    incoming = state / f".incoming-{token}"
    bundle = InstalledBundle(verified.version, state / f"bundle-{verified.version}-{token}")
    old_current, old_previous = installed(state, CURRENT), installed(state, PREVIOUS)
    try:
        _unpack(verified, incoming)
        incoming.rename(bundle.folder)
        if old_current is not None:
            _point(state, PREVIOUS, old_current)
        _point(state, CURRENT, bundle)
    except OSError as error:
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.rmtree(bundle.folder, ignore_errors=True)
        _point(state, PREVIOUS, old_previous)
        reason = f"it could not be unpacked: {error.strerror or error}"
        raise InstallFailed(reason, retry=True) from None
    problem = check(bundle.pack, bundle.clinic_config)
    if problem is not None:
        roll_back(state, old_current, old_previous)
        shutil.rmtree(bundle.folder, ignore_errors=True)
        raise InstallFailed(f"it did not load after it was applied ({problem})")
    keep = {bundle.folder.name} | ({old_current.folder.name} if old_current else set())
    _prune(state, keep)
    return bundle


def roll_back(
    state: Path, current: InstalledBundle | None, previous: InstalledBundle | None
) -> None:
    """Point `current` back at the last good bundle (or at none: the machine's own setup)."""
    _point(state, CURRENT, current)
    _point(state, PREVIOUS, previous)


def usable_or_fall_back(state: Path, check: LoadCheck) -> tuple[InstalledBundle | None, str | None]:
    """The bundle to start with. When the one in use no longer loads (its folder was damaged or
    removed), go back to the last good one: (that bundle or None, why the other was dropped)."""
    current = installed(state, CURRENT)
    problem: str | None = "its folder is missing or damaged"
    if current is None:
        if not (state / CURRENT).exists():
            return None, None
    else:
        problem = check(current.pack, current.clinic_config)
        if problem is None:
            return current, None
    previous = installed(state, PREVIOUS)
    if previous is not None and check(previous.pack, previous.clinic_config) is not None:
        previous = None
    roll_back(state, previous, None)
    return previous, problem


def files_present(pack: Path, clinic_config: Path) -> str | None:
    """The quick check at every start: the bundle's two main files are still there. (The full
    load check ran when it was applied; the app's own load reports anything subtler.)"""
    for path in (pack / "pack.toml", clinic_config):
        if not path.is_file():
            return f"{path.name} is missing from it"
    return None
