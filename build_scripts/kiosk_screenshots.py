"""Screenshots of the kiosk as a visitor and staff see it, from the real screen's pixels.

Run it on a display (a virtual one is fine); it shows the kiosk fullscreen with the example
clinic's settings, walks through the attract loop, the start screen, a preview with its QR
code, the timeline and the staff PIN prompt, and saves what the screen shows:

    ../shared/tools/screenshot /tmp/last.png --size 1920x1080 --wait 20 -- \\
        .venv/bin/python build_scripts/kiosk_screenshots.py docs/screenshots/kiosk

Files: OUT-<width>x<height>-<state>.png.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QGuiApplication

from app.domain.clock import ManualClock
from app.domain.kiosk_pin import hash_pin
from app.ui.application import GuiOptions, create_application
from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.run import build_kiosk

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/kiosk")
    out.parent.mkdir(parents=True, exist_ok=True)
    app = create_application()
    # The example clinic, with a PIN so the keypad shows; written beside the example's logo.
    example = REPO / "resources" / "clinic.example.toml"
    config = REPO / "resources" / ".kiosk-screenshots.toml"
    text = example.read_text(encoding="utf-8")
    config.write_text(text.replace("[kiosk]\n", f'[kiosk]\npin_hash = "{hash_pin("2468")}"\n'))
    try:
        clock = ManualClock(datetime(2026, 11, 24, 15, 40, tzinfo=UTC))
        kiosk, _ = build_kiosk(
            app, GuiOptions(clinic_config=str(config)), clock, printer_name="Front desk"
        )
    finally:
        config.unlink()
    kiosk.show_on(None)
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry()
    prefix = f"{out}-{size.width()}x{size.height()}"

    def shot(state: str) -> None:
        deadline = time.monotonic() + 1.5  # let the window manager-less X server catch up
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        screen.grabWindow(0).save(f"{prefix}-{state}.png")
        print(f"{prefix}-{state}.png")

    shot("attract")
    kiosk.begin_visit()
    shot("start")
    kiosk.go("preview")
    assert kiosk.visit is not None
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    preview.picker.step_time(-60)
    shot("preview-picker")
    preview.picker.confirm()
    assert preview.result is not None
    shot("preview-day")
    preview.result.show_view(1)
    shot("preview-timeline")
    preview.result.show_view(2)
    shot("preview-qr")
    kiosk.pin_pad.open()
    for digit in "24":
        kiosk.pin_pad.press(digit)
    shot("pin")
    kiosk.pin_pad.close_pad()
    kiosk._ask_still_there()
    shot("still-there")
    kiosk.allow_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
