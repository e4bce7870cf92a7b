"""The kiosk's language button: a visitor turns the kiosk into the other language on the
highlights or the start screen, and the next visitor meets the clinic's language again."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ui.kiosk.shell import KioskWindow, Tile
from tests.conftest import REPO
from tests.kiosk.conftest import STEADY, MakeKiosk

sys.path.insert(0, str(REPO / "build_scripts"))


def _tile_titles(window: KioskWindow) -> list[str]:
    assert window.visit is not None
    return [tile.title.text() for tile in window.visit.findChildren(Tile)]


def test_the_language_button_is_offered_on_the_highlights_and_the_start_screen_only(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(STEADY)  # no idle reset in the middle of the walk
    assert kiosk.current() == "attract"
    assert kiosk.language_button.isVisible()
    assert kiosk.language_button.text() == "Español"  # named in itself
    kiosk.begin_visit()
    assert kiosk.language_button.isVisible()
    kiosk.go("learn")
    assert not kiosk.language_button.isVisible()  # a visit underway keeps its language
    kiosk.go("start")
    assert kiosk.language_button.isVisible()
    assert kiosk.language_button.height() >= 48


def test_a_visitor_turns_the_kiosk_spanish_and_the_next_visitor_meets_english(
    make_kiosk: MakeKiosk, qtbot: QtBot, spanish: None
) -> None:
    kiosk = make_kiosk()
    kiosk.begin_visit()
    english_tiles = _tile_titles(kiosk)
    english_slides = [slide.title for slide in kiosk.attract.slides]
    kiosk.language_button.click()
    qtbot.waitUntil(lambda: kiosk.language_button.text() == "English", timeout=3000)
    assert kiosk.current() == "start"  # still on the start screen, made again
    spanish_tiles = _tile_titles(kiosk)
    assert "Aprenda sobre el microneedling" in spanish_tiles
    assert spanish_tiles != english_tiles
    assert [slide.title for slide in kiosk.attract.slides] != english_slides  # the es pack
    assert kiosk.home_button.text() == "Pantalla de inicio"
    # Nobody touches: "Still there?", in Spanish, then the reset back to the clinic's language.
    qtbot.waitUntil(lambda: kiosk.still_there.isVisible(), timeout=3000)
    assert kiosk.still_there.title.text() == "¿Sigue ahí?"
    qtbot.waitUntil(lambda: kiosk.current() == "attract", timeout=3000)
    assert kiosk.language_button.text() == "Español"
    assert [slide.title for slide in kiosk.attract.slides] == english_slides
    kiosk.begin_visit()
    assert _tile_titles(kiosk) == english_tiles
    assert not any(w.isVisible() and "Aprenda" in w.text() for w in kiosk.findChildren(QLabel))


def test_the_language_can_be_chosen_on_the_highlights(
    kiosk: KioskWindow, qtbot: QtBot, spanish: None
) -> None:
    kiosk.switch_language("es")
    assert kiosk.current() == "attract"
    assert kiosk.attract.isVisible()
    kiosk.attract.touched.emit()
    qtbot.waitUntil(lambda: kiosk.current() == "start", timeout=3000)
    assert "Aprenda sobre el microneedling" in _tile_titles(kiosk)


def test_the_staff_layers_follow_the_language_a_visitor_chose(
    make_kiosk: MakeKiosk, qtbot: QtBot, spanish: None
) -> None:
    """The PIN pad and the staff menu are made once, at the start: they change their words
    with the kiosk's, rather than stay in the language the kiosk started in."""
    kiosk = make_kiosk(STEADY)
    kiosk.switch_language("es")
    qtbot.waitUntil(
        lambda: kiosk.pin_pad.title.text() == "Personal: escriba el PIN para cerrar el quiosco",
        timeout=3000,
    )
    assert kiosk.staff_menu.exit_button.text() == "Salir del quiosco"
    assert kiosk.staff_menu.exit_button.accessibleName() == "Salir del quiosco"
    kiosk.switch_language("en")
    qtbot.waitUntil(lambda: kiosk.staff_menu.exit_button.text() == "Exit the kiosk", timeout=3000)
    assert kiosk.pin_pad.title.text() == "Staff: enter the PIN to close the kiosk"
