from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.logs import LOG_NAME, crash_report, setup_logging
from app.ui.error_dialog import ErrorDialog
from app.ui.excepthook import install_excepthook

SECRET = "Patient typed: my skin is sore near Mrs Example's address 12 Secret Lane"


@pytest.fixture
def log_file(data_dir: Path):
    path = setup_logging(data_dir)
    yield path
    for handler in logging.getLogger().handlers:
        handler.flush()


def _raise_with_patient_text() -> None:
    raise ValueError(SECRET)


def test_log_file_lives_in_the_data_folder_and_rotates(log_file: Path, data_dir: Path) -> None:
    assert log_file == data_dir / "logs" / LOG_NAME
    import logging.handlers

    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_companion", False))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes > 0 and handler.backupCount >= 1


def test_unhandled_exception_shows_a_copyable_report_and_logs_it_without_patient_text(
    log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    install_excepthook(shown.append)
    try:
        _raise_with_patient_text()
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    report = shown[0]
    assert "ValueError" in report and "_raise_with_patient_text" in report
    assert "Secret Lane" not in report
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError" in logged
    assert "Secret Lane" not in logged


def test_records_before_the_first_paint_reach_the_file(data_dir: Path) -> None:
    from app.logs import buffer_startup_logging, start_file_logging

    path = buffer_startup_logging(data_dir)
    logging.getLogger("early").warning("database moved aside")
    assert not path.exists() or "moved aside" not in path.read_text()
    start_file_logging()
    logging.getLogger("late").info("after paint")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert text.index("database moved aside") < text.index("after paint")


def test_report_does_not_reveal_the_home_folder() -> None:
    try:
        _raise_with_patient_text()
    except ValueError as error:
        report = crash_report(ValueError, error, error.__traceback__)
    assert str(Path.home()) not in report
    assert str(Path(__file__).parent) not in report


def test_copy_button_puts_the_report_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = ErrorDialog("report text 123")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "report text 123"
    assert dialog.report.isReadOnly()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_qt_slot_reaches_the_dialog_not_a_silent_exit(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    install_excepthook(shown.append)
    button = QPushButton("boom")
    qtbot.addWidget(button)
    button.clicked.connect(_raise_with_patient_text)
    button.click()
    assert len(shown) == 1 and "_raise_with_patient_text" in shown[0]
    assert button.text() == "boom"
