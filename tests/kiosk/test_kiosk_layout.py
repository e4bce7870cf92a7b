"""The kiosk at the sizes clinics run it: 1366 x 768 at 125% scaling (1093 x 614 logical
pixels, about 600 usable), 1280 x 800 and 1920 x 1080. Every screen of a visit, the attract
loop and the staff overlays: nothing cut off, nothing scrolling sideways.

Set MNC_LAYOUT_SHOTS=/some/folder to also save each screen at 1093 x 614."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from tests.kiosk.conftest import MakeKiosk
from tests.layout_check import layout_problems, save_shot

SIZES = ((1093, 614), (1280, 800), (1920, 1080))
SCREENS = ("start", "learn", "preview", "warning")


def _settle() -> None:
    for _ in range(3):  # a word-wrapped label's height settles a pass after its width
        QApplication.processEvents()


def _check(window: QWidget, size: tuple[int, int], name: str) -> list[str]:
    _settle()
    if size == SIZES[0]:
        save_shot(window, f"kiosk-{size[0]}x{size[1]}-{name}")
    return [f"{size[0]}x{size[1]} {name}: {line}" for line in layout_problems(window)]


def test_no_kiosk_screen_is_cut_off_at_any_size(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=SIZES[0])
    found: list[str] = []
    for size in SIZES:
        kiosk.resize(*size)
        kiosk.show_attract()
        found += _check(kiosk, size, "attract")
        for key in SCREENS:
            kiosk.go(key)
            found += _check(kiosk, size, key)
        for overlay, name in ((kiosk.still_there, "still-there"), (kiosk.pin_pad, "pin-pad")):
            overlay.open()
            found += _check(kiosk, size, name)
            overlay.hide()
    assert not found, "\n".join(found[:40])
