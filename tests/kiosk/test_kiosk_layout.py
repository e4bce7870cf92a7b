"""The kiosk at the sizes clinics run it: 1366 x 768 at 125% scaling (1093 x 614 logical
pixels, about 600 usable), 1280 x 800 and 1920 x 1080. Every screen of a visit, the attract
loop and the staff overlays: nothing cut off, nothing drawn over anything, nothing scrolling
sideways; in English and in the shipped Spanish, whose words are longer.

Set MNC_LAYOUT_SHOTS=/some/folder to also save each screen at 1093 x 614."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import STEADY, MakeKiosk
from tests.layout_check import layout_problems, save_shot

SIZES = ((1093, 614), (1280, 800), (1920, 1080))
SHORT = ((1093, 614), (1024, 600))  # 1366 x 768 at 125 %; the least usable height we promise
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


def _staff_layers(kiosk: KioskWindow, size: tuple[int, int], tag: str) -> list[str]:
    """The PIN pad, "Still there?", the staff menu and the clinic setup, each opened in turn."""
    found: list[str] = []
    kiosk.begin_visit()
    for name in ("pin-pad", "still-there", "staff-menu", "clinic-setup"):
        if name == "pin-pad":
            layer: QWidget = kiosk.pin_pad
            kiosk.pin_pad.open()
        elif name == "still-there":
            layer = kiosk.still_there
            kiosk.still_there.ask(20)
        elif name == "staff-menu":
            layer = kiosk.staff_menu
            kiosk.staff_menu.open()
        else:
            layer = kiosk.staff_menu.open_setup()
        _settle()
        save_shot(kiosk, f"kiosk-{tag}{size[0]}x{size[1]}-{name}")
        found += [f"{size[0]}x{size[1]} {tag}{name}: {line}" for line in layout_problems(kiosk)]
        found += [
            f"{size[0]}x{size[1]} {tag}{name}: {key.text()!r} is {key.height()} px high"
            for key in layer.findChildren(QPushButton)
            if key.isVisibleTo(layer) and key.height() < 48
        ]
        layer.hide()
    return found


def test_the_staff_layers_fit_a_short_screen_with_full_size_keys(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(STEADY, size=SHORT[0])
    found: list[str] = []
    for size in SHORT:
        kiosk.resize(*size)
        found += _staff_layers(kiosk, size, "")
    assert not found, "\n".join(found[:40])


def test_no_kiosk_screen_is_cut_off_in_spanish(make_kiosk: MakeKiosk, spanish: None) -> None:
    kiosk = make_kiosk(STEADY, size=SHORT[0])
    kiosk.switch_language("es")
    _settle()
    size = SHORT[0]
    found = _check(kiosk, size, "es-attract")
    kiosk.begin_visit()
    assert kiosk.home_button.text() == "Pantalla de inicio"  # the Spanish is really installed
    for key in SCREENS:
        kiosk.go(key)
        _settle()
        found += _check(kiosk, size, f"es-{key}")
    assert kiosk.width() == size[0]
    found += _staff_layers(kiosk, size, "es-")
    assert not found, "\n".join(found[:40])


def test_the_kiosk_keeps_the_screen_width_in_spanish(make_kiosk: MakeKiosk, spanish: None) -> None:
    kiosk = make_kiosk(STEADY, size=SHORT[0])
    kiosk.switch_language("es")
    kiosk.begin_visit()
    widths = {}
    for key in SCREENS:
        kiosk.go(key)
        _settle()
        widths[key] = kiosk.width()
    assert set(widths.values()) == {SHORT[0][0]}, widths


def test_the_pad_of_a_kiosk_without_a_pin_fits_a_short_screen(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(STEADY, config=None, size=SHORT[1])
    kiosk.pin_pad.open()
    _settle()
    assert kiosk.pin_pad.title.text() == "This kiosk has no staff PIN"
    assert not layout_problems(kiosk), layout_problems(kiosk)
