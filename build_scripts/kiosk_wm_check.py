"""Does the kiosk stay in front under a real window manager? Measured, not assumed.

Run on an X display with a window manager (openbox on Xvfb is what docs/kiosk.md describes):

    Xvfb :77 -screen 0 1920x1080x24 & DISPLAY=:77 openbox &
    DISPLAY=:77 .venv/bin/python build_scripts/kiosk_wm_check.py [--managed]

It starts the kiosk (the example clinic) in a child process, then does to it what a visitor or
the window manager could: "show desktop" (Super+D), a switch to another desktop, minimise, the
window menu (Alt+Space); after each it polls the X server until the kiosk's window is viewable,
covers the screen and has the input focus again, and prints how long that took.

--managed turns the X11 bypass off, so the window manager handles the window like any other:
the measure of the comeback alone (what Wayland, Windows and macOS rely on).
Needs xdotool, wmctrl and xwininfo (x11-utils).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LIMIT_S = 2.0
TITLE = "Microneedling Companion"


def child(managed: bool) -> int:
    from app.ui.application import GuiOptions, create_application
    from app.ui.kiosk import shell
    from app.ui.kiosk.run import build_kiosk, log_to_stderr

    if managed:
        shell.bypasses_window_manager = lambda: False
    log_to_stderr()
    app = create_application()
    example = Path(__file__).resolve().parents[1] / "resources" / "clinic.example.toml"
    window, _ = build_kiosk(app, GuiOptions(clinic_config=str(example)), printer_name="")
    window.show_on(None)
    return app.exec()


def _run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=10, check=False)
    return done.stdout.strip()


def _window() -> str:
    for _ in range(200):
        found = _run("xdotool", "search", "--onlyvisible", "--name", TITLE).split()
        if found:
            return found[-1]
        time.sleep(0.1)
    raise SystemExit("the kiosk window did not appear")


def _screen() -> tuple[int, int]:
    width, height = _run("xdotool", "getdisplaygeometry").split()
    return int(width), int(height)


def _in_front(window: str) -> str:
    """ "" when the kiosk is viewable, covers the screen and has the focus; else what is not."""
    info = _run("xwininfo", "-id", window)
    if "IsViewable" not in info:
        return "not viewable"
    fields = dict(line.strip().split(":", 1) for line in info.splitlines() if line.count(":") == 1)
    size = (int(fields.get("Width", "0")), int(fields.get("Height", "0")))
    if size != _screen():
        return f"size {size}"
    if _run("xdotool", "getwindowfocus", "-f") != window:
        return "not focused"
    return ""


def _measure(name: str, window: str, action: list[list[str]]) -> float | None:
    start = time.monotonic()
    print(f"-- {name} at {time.time():.2f}", file=sys.stderr)
    for command in action:
        _run(*command)
    lost = ""
    while time.monotonic() - start < LIMIT_S * 3:
        why = _in_front(window)
        lost = lost or why
        if not why and time.monotonic() - start > 0.05:
            took = time.monotonic() - start
            was = f"(was: {lost})" if lost else "(never left)"
            print(f"{name:<28} back in {took:5.2f} s {was}")
            return took
        time.sleep(0.02)
    print(f"{name:<28} NOT back after {LIMIT_S * 3:.0f} s: {_in_front(window)}")
    return None


def main() -> int:
    managed = "--managed" in sys.argv
    if "--child" in sys.argv:
        return child(managed)
    args = [sys.executable, __file__, "--child"] + (["--managed"] if managed else [])
    log = Path(os.environ.get("KIOSK_LOG", os.devnull)).open("w")  # noqa: SIM115
    kiosk = subprocess.Popen(args, stderr=log)
    try:
        window = _window()
        time.sleep(2.0)  # fullscreen and settled
        print(f"kiosk window {window}, {'managed' if managed else 'bypassing the WM'}")
        print(f"{'start':<28} {_in_front(window) or 'in front'}")
        desktop = _run("xdotool", "get_desktop")
        other = "1" if desktop != "1" else "0"
        results = [
            _measure("Super+D (show desktop)", window, [["xdotool", "key", "super+d"]]),
            _measure("switch desktop", window, [["wmctrl", "-s", other]]),
            _measure("minimise", window, [["xdotool", "windowminimize", window]]),
            _measure("Alt+Space (window menu)", window, [["xdotool", "key", "alt+space"]]),
            _measure("unmap", window, [["xdotool", "windowunmap", window]]),
        ]
        _run("xdotool", "key", "Escape")  # a window menu, if one opened
        return 0 if all(r is not None and r <= LIMIT_S for r in results) else 1
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
