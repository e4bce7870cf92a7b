from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.store import Store
from app.ui.application import apply_theme
from app.ui.areas import home_areas
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def prefs(store: Store) -> Preferences:
    return Preferences(store)


@pytest.fixture
def window(qtbot: QtBot, prefs: Preferences, data_dir: Path, qsettings: QSettings) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, prefs)
    w = MainWindow(home_areas(prefs, data_dir, data_dir / "logs" / "companion.log"), qsettings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
