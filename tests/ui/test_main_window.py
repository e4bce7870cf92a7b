from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import version
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.areas import home_areas
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession

AREA_KEYS = ["learn", "recovery", "warning", "settings", "about"]


def test_rail_lists_every_area_in_order(window: MainWindow) -> None:
    labels = [window.rail.item(i).text() for i in range(window.rail.count())]
    assert labels == ["Learn", "My recovery", "Warning signs", "Settings", "About"]
    assert window.current_key() == "learn"


def test_arrow_keys_on_the_rail_move_between_areas(qtbot: QtBot, window: MainWindow) -> None:
    window.rail.setFocus()
    for expected in AREA_KEYS[1:]:
        qtbot.keyClick(window.rail, Qt.Key.Key_Down)
        assert window.current_key() == expected
        assert window.stack.currentWidget() is window.area_widget(expected)


def test_ctrl_number_jumps_to_an_area_from_anywhere(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "about"


def test_tab_reaches_every_control_of_the_settings_area(qtbot: QtBot, window: MainWindow) -> None:
    window.go_to("settings")
    settings = window.area_widget("settings")
    controls = [w for w in settings.findChildren(QAbstractButton) if w.isVisible()]
    assert controls
    reached: set[int] = set()
    window.rail.setFocus()
    for _ in range(len(controls) * 3 + 5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(id(QApplication.focusWidget()))
    # Radio buttons in one group share one tab stop (arrows move inside); every group is reached.
    groups = {id(c.group()) if hasattr(c, "group") and c.group() else id(c) for c in controls}
    reached_groups = {
        id(c.group()) if hasattr(c, "group") and c.group() else id(c)
        for c in controls
        if id(c) in reached
    }
    assert reached_groups == groups


def _interactive(widget: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QAbstractItemView, QLineEdit, QPlainTextEdit)
    return [
        w
        for w in widget.findChildren(QWidget)
        if isinstance(w, kinds) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


def test_every_control_in_every_area_has_an_accessible_name(window: MainWindow) -> None:
    assert window.rail.accessibleName()
    for key in AREA_KEYS:
        window.go_to(key)
        area = window.area_widget(key)
        assert area.accessibleName(), key
        for control in _interactive(area):
            if isinstance(control, QAbstractScrollArea) and not control.isVisible():
                continue
            name = control.accessibleName() or getattr(control, "text", lambda: "")()
            assert name.strip(), f"{key}: {type(control).__name__} has no accessible name"


def test_window_geometry_is_remembered(
    qtbot: QtBot, prefs: Preferences, store: Store, data_dir: Path, qsettings: QSettings
) -> None:
    provider = ContentProvider()
    first = MainWindow(
        home_areas(provider, prefs, data_dir, None, RecoverySession(store, provider)), qsettings
    )
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)  # inside the offscreen screen (800 x 600)
    qtbot.waitUntil(lambda: first.size().width() == 720)
    first.close()
    second = MainWindow(
        home_areas(provider, prefs, data_dir, None, RecoverySession(store, provider)), qsettings
    )
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (720, 520)


def test_about_shows_version_data_folder_and_disclaimer(window: MainWindow, data_dir: Path) -> None:
    window.go_to("about")
    about = window.area_widget("about")
    text = " ".join(label.text() for label in about.findChildren(QLabel))
    assert version() in text
    # The folder may wrap at its slashes (zero-width spaces); read aloud, it is whole.
    assert str(data_dir) in text.replace("\u200b", "")
    assert any(str(data_dir) in label.accessibleName() for label in about.findChildren(QLabel))
    assert "general information" in text
    assert "follow the instructions your clinic" in text


def test_bring_forward_restores_a_minimised_window(qtbot: QtBot, window: MainWindow) -> None:
    window.showMinimized()
    window.bring_forward()
    assert not window.isMinimized()
    assert window.isVisible()


def test_first_size_fits_the_screens_free_area(window: MainWindow) -> None:
    # The offscreen screen is 800 x 600, smaller than the 1280 x 800 the window would like:
    # like a laptop at 200% scaling, all of the window must still start on the screen.
    screen = window.screen()
    assert screen is not None
    free = screen.availableGeometry()
    assert free.width() < 1280
    assert free.contains(window.geometry())
