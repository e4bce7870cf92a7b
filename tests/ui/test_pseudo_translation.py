"""Every word the window shows goes through Qt's translation: with a pseudo-translation
installed ("[!! … !!]" around every message), a walk of every area and tab finds no text that
is neither wrapped nor the content pack's own words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render import translation
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from tests.ui.pseudo_translation import (
    OPEN,
    pack_fragments,
    untranslated,
    visible_texts,
    write_pseudo_translation,
)

NOW = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)  # day 3 of a recovery: every tab has content
AREAS = ("learn", "recovery", "warning", "settings", "about")


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    write_pseudo_translation(tmp_path, translation.NAME)
    monkeypatch.setattr(translation, "translations_folder", lambda: str(tmp_path))
    default = QLocale()
    translation.install_language("es")
    assert QCoreApplication.translate("Areas", "Learn").startswith(OPEN)
    yield
    translation.install_language("en")
    QLocale.setDefault(default)


@pytest.mark.parametrize("treated", [True, False], ids=["in-recovery", "no-treatment"])
def test_every_text_of_the_window_goes_through_translation(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    pseudo: None,
    treated: bool,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs = Preferences(store)
    prefs.set_welcome_seen()
    if treated:
        store.add_treatment(NOW - timedelta(days=2), "America/New_York")
    session = RecoverySession(store, loaded_content, ManualClock(NOW))
    window = build_home_window(app, prefs, loaded_content, data_dir, None, qsettings, session)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.choose_start is None)
    pack = pack_fragments(loaded_content.content())
    found: list[str] = []
    for key in AREAS:
        window.go_to(key)
        area = window.area_widget(key)
        tabs = [t for t in area.findChildren(QTabWidget) if t.isVisibleTo(window)]
        for index in range(tabs[0].count() if tabs else 1):
            if tabs:
                tabs[0].setCurrentIndex(index)
            QApplication.processEvents()
            found += [
                f"{key}[{index}] {line}" for line in untranslated(visible_texts(window), pack)
            ]
    assert not found, "\n".join(sorted(set(found))[:60])
