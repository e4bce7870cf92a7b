"""The only code that knows where resources and user data live.

Resources are looked up in one function for all three settings the app runs in:
- a source checkout: <checkout>/resources next to the app/ package;
- an installed wheel: the package data folder app/resources (pyproject maps resources/ there);
- a PyInstaller bundle: <bundle>/app/resources, which the spec lays out like the wheel.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from app import APP_NAME, ORGANIZATION

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourcesNotFound(RuntimeError):
    """No resources folder in any of the places the app is known to be installed."""


def _resource_candidates() -> list[Path]:
    candidates = [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        # Frozen: the spec puts resources under app/resources; a top-level copy is accepted too.
        candidates[:0] = [Path(bundle) / "app" / "resources", Path(bundle) / "resources"]
    return candidates


def resources_root() -> Path:
    """The folder holding content packs, illustrations, icons and translations."""
    for candidate in _resource_candidates():
        # content/ is the marker: a stray empty "resources" folder must not win.
        if (candidate / "content").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _resource_candidates())
    raise ResourcesNotFound(f"The app's resources folder is missing. Looked in: {tried}")


def resource_path(*parts: str) -> Path:
    """A path below the resources folder, e.g. resource_path("content", "<pack-id>")."""
    return resources_root().joinpath(*parts)


def default_data_dir() -> Path:
    """The per-user data folder Qt chooses for this OS (QStandardPaths.AppDataLocation)."""
    # Imported here so command-line tools that never touch user data do not load Qt.
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # AppDataLocation is built from these names; set them even before a QApplication exists.
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not location:
        raise RuntimeError("This system reports no folder for application data; use --data-dir.")
    return Path(location)


def setup_bundles_dir() -> Path:
    """Where applied setup bundles and their status live (docs/fleet.md): a folder in Qt's
    per-user StateLocation, apart from patient data, since the kiosk uses it too."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.StateLocation)
    if not location:
        raise RuntimeError("This system reports no folder for application state.")
    return Path(location) / "setup-bundles"


def make_private_dirs(path: Path) -> Path:
    """Create `path` and any missing parents, each readable by its owner only whatever the
    umask (Path.mkdir gives parents 0777 & ~umask). Folders that already exist are left as
    they are."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile by another copy: checked by the caller
            continue
        if os.name == "posix":
            folder.chmod(0o700)  # the umask may have taken bits off even 0700
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by its owner only; tighten it if it already exists."""
    make_private_dirs(path)
    if not path.is_dir():
        raise NotADirectoryError(f"{path} is not a folder")
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        try:
            if mode & 0o077:
                path.chmod(0o700)
        except OSError as error:
            # A read-only disk: nothing can be written there anyway, and the start-up that
            # follows tells the patient so in plain words.
            if error.errno != errno.EROFS:
                raise
    return path


def make_new_files_private() -> None:
    """From now on, files and folders this process creates are its owner's alone, whatever the
    umask it was started with: SQLite's -wal/-shm, Qt's caches, the autostart entry. Each
    writer still sets its own mode; this catches what they do not control."""
    if os.name == "posix":
        os.umask(os.umask(0o077) | 0o077)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user data folder: `--data-dir` when given, else the OS default; created owner-only."""
    base = Path(override).expanduser() if override else default_data_dir()
    return ensure_private_dir(base.resolve())
