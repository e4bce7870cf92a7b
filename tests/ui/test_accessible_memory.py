"""A choice button that is thrown away is not kept alive by its accessibility interface.

PySide6 keeps each interface made by a Python factory alive after Qt deletes it; a kiosk visit
once left its choice buttons behind that way, every visit (tests/kiosk/test_kiosk_memory.py).
"""

from __future__ import annotations

import gc
import weakref

import pytest
import shiboken6
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton

from app.ui.accessible import install_heading_roles, mark_choice


def _thrown_away_choice_is_freed() -> bool:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_heading_roles(app)  # the app's accessibility factory (once per process)
    button = QPushButton("Mild")
    button.setCheckable(True)
    mark_choice(button)
    if QAccessible.isActive():  # a screen reader asks for it
        assert QAccessible.queryAccessibleInterface(button).role() == QAccessible.Role.RadioButton
    gone = weakref.ref(button)
    shiboken6.delete(button)
    del button
    gc.collect()
    return gone() is None


def test_a_choice_button_is_freed_when_no_screen_reader_listens(qapp: object) -> None:
    assert not QAccessible.isActive()
    assert _thrown_away_choice_is_freed()


def test_a_choice_button_is_freed_after_a_screen_reader_asked_for_it(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QAccessible, "isActive", lambda: True)
    assert _thrown_away_choice_is_freed()
