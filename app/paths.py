"""The only code that knows where resources and user data live.

Resources are looked up in one function for all three settings the app runs in:
- a source checkout: <checkout>/resources next to the app/ package;
- an installed wheel: the package data folder app/resources (pyproject maps resources/ there);
- a PyInstaller bundle: <bundle>/app/resources, which the spec lays out like the wheel.
"""

from __future__ import annotations

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


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by its owner only; tighten it if it already exists."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(0o700)
    return path


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user data folder: `--data-dir` when given, else the OS default; created owner-only."""
    base = Path(override).expanduser() if override else default_data_dir()
    return ensure_private_dir(base.resolve())
