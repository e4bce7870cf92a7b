"""The WAL is folded back into the database (TRUNCATE) after a quiet spell of writing, so the
`-wal` file is empty while the app only reads."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.render.content_provider import ContentProvider
from app.store import CheckInRecord, Store, StoreWriteError
from app.ui.application import build_home_window
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.store_writes import QuietCheckpoint


def _wal(store: Store) -> Path:
    return store.path.with_name(store.path.name + "-wal")


def test_the_wal_is_emptied_once_writes_have_been_quiet(qtbot: QtBot, store: Store) -> None:
    checkpoint = QuietCheckpoint(store, quiet_ms=50)
    store.set_setting("display.theme", "dark")
    checkpoint.wrote()
    assert _wal(store).stat().st_size > 0
    qtbot.waitUntil(lambda: _wal(store).stat().st_size == 0, timeout=2000)
    assert store.get_setting("display.theme") == "dark"


def test_each_write_restarts_the_wait_so_a_burst_checkpoints_once(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(store, "checkpoint", lambda: calls.append(True))
    checkpoint = QuietCheckpoint(store, quiet_ms=300)
    for _ in range(5):
        checkpoint.wrote()
        qtbot.wait(100)  # writes closer together than the quiet spell
    assert calls == []
    qtbot.waitUntil(lambda: calls == [True], timeout=2000)
    qtbot.wait(400)
    assert calls == [True]


def test_a_checkpoint_that_fails_is_logged_and_the_app_goes_on(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse() -> None:
        raise StoreWriteError("disk_full")

    monkeypatch.setattr(store, "checkpoint", refuse)
    with caplog.at_level(logging.WARNING):
        QuietCheckpoint(store).checkpoint_now()
    assert "checkpoint did not complete (disk_full)" in caplog.text


def test_the_home_window_waits_for_a_quiet_spell_after_every_kind_of_write(
    qtbot: QtBot,
    store: Store,
    content: ContentProvider,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
) -> None:
    prefs = Preferences(store)
    session = RecoverySession(store, content)
    window = build_home_window(
        app_style, prefs, content, data_dir, data_dir / "log", qsettings, session
    )
    qtbot.addWidget(window)
    checkpoint = window.findChild(QuietCheckpoint)
    assert isinstance(checkpoint, QuietCheckpoint)
    assert not checkpoint.is_waiting()
    prefs.set_text_step(1)
    assert checkpoint.is_waiting()
    checkpoint.checkpoint_now()
    assert _wal(store).stat().st_size == 0
    record = session.add(datetime(2026, 3, 7, 21, 0, tzinfo=UTC), "America/New_York")
    assert checkpoint.is_waiting()
    checkpoint.checkpoint_now()
    session.save_checkin(record.id, CheckInRecord(record.treated_at.date(), {"pain": 1}))
    assert checkpoint.is_waiting()
