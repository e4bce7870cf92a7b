from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app import logs
from app.logs import (
    LOG_NAME,
    _remove_our_handlers,
    buffer_startup_logging,
    crash_report,
    setup_logging,
    start_file_logging,
)
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


@pytest.fixture
def umask_000() -> Iterator[None]:
    """This process creates files under umask 000 for the test (as a careless login may)."""
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)
        _remove_our_handlers(logging.getLogger())


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and umask")
def test_the_log_and_every_rotated_copy_are_owner_only_whatever_the_umask(
    data_dir: Path, umask_000: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = setup_logging(data_dir)
    for index in range(200):
        logging.getLogger("test").warning("line %d of a log that rotates", index)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2", f"{LOG_NAME}.3"]
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for name in names:
        assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600, name


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_loose_log_left_by_an_older_version_is_tightened(data_dir: Path, umask_000: None) -> None:
    folder = data_dir / "logs"
    folder.mkdir(mode=0o755)
    for name in (LOG_NAME, f"{LOG_NAME}.1"):
        (folder / name).write_text("old\n", encoding="utf-8")
        (folder / name).chmod(0o666)
    setup_logging(data_dir)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in (LOG_NAME, f"{LOG_NAME}.1"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_app(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "logs").write_text("a file where the folder should be", encoding="utf-8")
    try:
        buffer_startup_logging(data_dir)
        logging.getLogger("early").warning("database checked")
        start_file_logging()
        logging.getLogger("late").warning("window shown")
        err = capsys.readouterr().err
        assert "database checked" in err and "window shown" in err
        assert "the log file cannot be written" in err
    finally:
        _remove_our_handlers(logging.getLogger())
