"""Where the clinic config lives, and a quick look at whether it asks for the kiosk.

Kept apart from app.domain.clinic (which validates every field with pydantic) because the app must
decide between the home window and the kiosk before its first frame, and that decision should not
pay for loading the validator.
"""

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from app import APP_ID, APP_NAME
from app.domain.input_files import MIB, read_regular_file

CONFIG_FILE_NAME = "clinic.toml"
MAX_CONFIG_BYTES = 1 * MIB  # a settings file; anything bigger is the wrong file


def default_clinic_config_path(system: str, env: Mapping[str, str], home: Path) -> Path:
    """Where the clinic config lives when no --clinic-config is given. `system` is
    `sys.platform` ("linux", "darwin", "win32") or `platform.system()` ("Linux", "Darwin",
    "Windows"). Windows uses the machine-wide ProgramData folder, since staff set it once per
    machine; the path is built as Windows text, so it reads the same when tested elsewhere."""
    kind = system.lower()
    if kind.startswith("win"):
        # Windows environment names are case-insensitive.
        found = [v for k, v in env.items() if k.upper() == "PROGRAMDATA" and v]
        program_data = found[0] if found else r"C:\ProgramData"
        return Path(str(PureWindowsPath(program_data, APP_NAME, CONFIG_FILE_NAME)))
    if kind in ("darwin", "macos"):
        return home / "Library" / "Application Support" / APP_NAME / CONFIG_FILE_NAME
    # XDG Base Directory: a relative or empty XDG_CONFIG_HOME is to be ignored.
    xdg = env.get("XDG_CONFIG_HOME", "")
    base = Path(xdg) if PurePosixPath(xdg).is_absolute() else home / ".config"
    return base / APP_ID / CONFIG_FILE_NAME


def find_clinic_config(explicit: Path | None) -> Path | None:
    """The config file to load: `explicit` (--clinic-config) when given, even if it is missing,
    so that loading reports "not found"; else the default path if something is there; else None."""
    if explicit is not None:
        return explicit.expanduser()
    windows = sys.platform.startswith("win")
    try:
        home = Path.home()
    except RuntimeError:  # no home folder known (a bare service account)
        if not windows:
            return None
        home = Path()
    default = default_clinic_config_path(sys.platform, os.environ, home)
    try:
        return default if default.exists() else None
    except OSError:  # there but not readable: loading will say so
        return default


def kiosk_enabled_in(path: Path) -> bool:
    """True when the file at `path` sets `[kiosk] enabled = true`. A file that cannot be read or
    parsed says no here; the full load (app.domain.clinic) reports why to staff. Like that
    load, it reads only a regular file under the cap: a FIFO here must not hang the start."""
    import tomllib  # here, not at the top: ~12 ms that a start without a config need not pay

    try:
        raw = read_regular_file(path, MAX_CONFIG_BYTES, follow_links=True)
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):  # RefusedFile and TOML errors are ValueErrors
        return False
    kiosk = data.get("kiosk")
    return isinstance(kiosk, dict) and kiosk.get("enabled") is True
