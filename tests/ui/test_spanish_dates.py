"""Long dates in Spanish read as Spanish writes them ("lunes, 9 de marzo"), not as English
names in English order ("lunes 9 marzo"): the date pattern is part of the translation."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from app.render import translation
from app.render.formatting import local_day

DAY = date(2026, 3, 9)


def test_a_long_date_in_spanish_has_its_commas_and_de(qapp: QApplication, spanish: None) -> None:
    translation.install_language("es")
    assert local_day(DAY) == "lunes, 9 de marzo"
    assert local_day(DAY, year=True) == "lunes, 9 de marzo de 2026"


def test_a_long_date_in_english_is_unchanged(qapp: QApplication, spanish: None) -> None:
    translation.install_language("en")
    assert local_day(DAY) == "Monday 9 March"
    assert local_day(DAY, year=True) == "Monday 9 March 2026"
