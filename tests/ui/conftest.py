from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.plan import RecoveryPlan, build_plan
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def prefs(store: Store) -> Preferences:
    return Preferences(store)


@pytest.fixture
def app_style() -> Iterator[QApplication]:
    """The application, with its stylesheet and palette put back after the test changes them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, palette = app.styleSheet(), app.palette()
    yield app
    app.setStyleSheet(before)
    app.setPalette(palette)


@pytest.fixture
def content(loaded_content: ContentProvider) -> ContentProvider:
    return loaded_content  # the test pack: the shipped screens, the test protocol


# A treatment at 16:00 in New York on Saturday 7 March 2026, the day before the clocks go
# forward: the case the time rules were written for.
NEW_YORK = ZoneInfo("America/New_York")
TREATED = datetime(2026, 3, 7, 21, 0, tzinfo=UTC)


@pytest.fixture
def plan(content: ContentProvider) -> RecoveryPlan:
    loaded = content.content()
    return build_plan(TREATED, NEW_YORK, loaded.protocol, loaded.text)


@pytest.fixture
def window(
    qtbot: QtBot,
    content: ContentProvider,
    store: Store,
    prefs: Preferences,
    data_dir: Path,
    qsettings: QSettings,
) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    log_file = data_dir / "logs" / "companion.log"
    session = RecoverySession(store, content)
    prefs.set_welcome_seen()  # the first-run welcome has its own tests (tests/ui/test_start.py)
    w = build_home_window(app, prefs, content, data_dir, log_file, qsettings, session)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    return w
