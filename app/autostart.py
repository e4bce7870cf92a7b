"""Start with the computer: a login item for the current user on each OS.

- Linux (and other XDG desktops): ~/.config/autostart/microneedling-companion.desktop
- Windows: the value "Microneedling Companion" under HKCU\\Software\\Microsoft\\Windows\\
  CurrentVersion\\Run
- macOS: ~/Library/LaunchAgents/org.microneedling-companion.plist (a LaunchAgent with
  RunAtLoad)
Nothing here needs administrator rights, and turning it off removes exactly what was added.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from app import APP_ID, APP_NAME

RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
MAC_LABEL = "org.microneedling-companion"


def launch_command() -> list[str]:
    """How to start this copy of the app: the bundle's executable, or Python with -m app."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app"]


def _linux_file(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ if env is None else env)
    base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / f"{APP_ID}.desktop"


def _mac_file() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"


def is_enabled() -> bool:
    if sys.platform == "win32":
        from PySide6.QtCore import QSettings

        return QSettings(RUN_KEY, QSettings.Format.NativeFormat).contains(APP_NAME)
    if sys.platform == "darwin":
        return _mac_file().is_file()
    return _linux_file().is_file()


def set_enabled(on: bool) -> None:
    """Add or remove the login item. Raises OSError if the file cannot be written."""
    command = launch_command()
    if sys.platform == "win32":
        from PySide6.QtCore import QSettings

        settings = QSettings(RUN_KEY, QSettings.Format.NativeFormat)
        if on:
            settings.setValue(APP_NAME, " ".join(f'"{part}"' for part in command))
        else:
            settings.remove(APP_NAME)
        settings.sync()
        return
    if sys.platform == "darwin":
        path, text = _mac_file(), _mac_plist(command)
    else:
        path, text = _linux_file(), _desktop_entry(command)
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def _desktop_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        f"Exec={shlex.join(command)}\n"
        f"Icon={APP_ID}\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _mac_plist(command: list[str]) -> str:
    arguments = "".join(f"<string>{part}</string>" for part in command)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0"><dict>'
        f"<key>Label</key><string>{MAC_LABEL}</string>"
        f"<key>ProgramArguments</key><array>{arguments}</array>"
        "<key>RunAtLoad</key><true/>"
        "</dict></plist>\n"
    )
