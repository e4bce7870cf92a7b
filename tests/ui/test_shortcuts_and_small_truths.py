"""Small truths: Ctrl+Q quits the home window; About lists the keyboard shortcuts read from the
real shortcut objects, so the list cannot drift from the keys that work; the calendar action
says it saves a file (.ics) and what opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.main_window import MainWindow
from app.ui.recovery_session import RecoverySession
from app.ui.screens.about import AboutScreen
from app.ui.screens.take_home import TakeHome
from tests.ui.disposal import dispose

NATIVE = QKeySequence.SequenceFormat.NativeText


def _written(sequences: list[QKeySequence]) -> str:
    return ", ".join(sequence.toString(NATIVE) for sequence in sequences)


def test_ctrl_q_closes_the_home_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    assert "Ctrl+Q" in _written(window.quit_shortcut.keys())
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_about_lists_every_real_shortcut_with_what_it_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.go_to("about")
    about = window.area_widget("about")
    assert isinstance(about, AboutScreen)
    rows = dict(about.shortcut_rows)
    assert rows["Ctrl+Q"] == "Quit the app"
    assert rows["Ctrl+1"] == "Go to Learn" and rows["Ctrl+5"] == "Go to About"
    assert rows["Alt+Left"] == "Previous screen in Learn"
    assert rows["Alt+Right"] == "Next screen in Learn"
    # Every shortcut of the window and its areas is listed: one added without saying what it
    # does fails here, and so does a listed one that no longer exists.
    real = {
        _written(shortcut.keys())
        for shortcut in window.findChildren(QShortcut)
        if shortcut.isEnabled()
    } | {
        _written(action.shortcuts())
        for action in window.findChildren(QAction)
        if action.shortcuts() and action.isEnabled()
    }
    assert set(rows) == real
    shown = [label.text() for label in about.findChildren(QLabel)]
    for keys, what in about.shortcut_rows:
        assert keys in shown and what in shown
    assert "Keyboard shortcuts" in shown


def test_the_calendar_action_says_it_saves_a_file_and_what_opens_it(
    qtbot: QtBot, store: Store, content: ContentProvider
) -> None:
    take_home = TakeHome(RecoverySession(store, content))
    qtbot.addWidget(take_home)
    button = take_home.calendar_button
    assert isinstance(button, QPushButton)
    assert button.text() == "Save a calendar file (.ics)…"
    assert button.accessibleName() == (
        "Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google Calendar"
    )
    words = " ".join(label.text() for label in take_home.findChildren(QLabel))
    assert "phone's calendar" not in words
    assert "Outlook, Apple Calendar or Google Calendar" in words
    dispose(take_home)
