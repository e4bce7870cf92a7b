"""What the window says when the saved data cannot be opened, was repaired, or has no backup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.store import BackupProblem, Recovery, Store, StoreUnavailable
from app.store import repository as repository_module
from app.ui import application
from app.ui.application import GuiOptions
from app.ui.store_open import (
    backup_problem_message,
    open_store,
    recovery_message,
    tell_about_store,
    unavailable_message,
)

KINDS = ["disk_full", "read_only", "no_permission", "locked", "io_error"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_reason_the_data_cannot_be_opened_says_what_to_do(kind: str, tmp_path: Path) -> None:
    text = unavailable_message(StoreUnavailable(kind, tmp_path))  # type: ignore[arg-type]
    assert text.endswith("Your saved data has not been changed.")
    assert "then start the app again" in text or "--data-dir" in text
    if kind != "disk_full":
        assert str(tmp_path) in text


def test_a_full_disk_is_said_in_plain_words(tmp_path: Path) -> None:
    text = unavailable_message(StoreUnavailable("disk_full", tmp_path))
    assert text.startswith("The disk is full: free some space, then start the app again.")


def test_unavailable_data_is_told_and_the_app_exits_with_3(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, str]] = []

    def refuse(_cls: type[Store], folder: Path, **_: object) -> Store:
        raise StoreUnavailable("read_only", folder)

    monkeypatch.setattr(repository_module.Store, "open", classmethod(refuse))
    monkeypatch.setattr(application, "install_excepthook", lambda: None)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: told.append((title, text)))
    status = application._run(qapp, GuiOptions(), data_dir, data_dir / "companion.log")
    assert status == 3
    [(title, text)] = told
    assert title == "Your saved data cannot be opened right now"
    assert f"Your data folder {data_dir} is read-only" in text


def test_open_store_returns_none_and_tells_for_every_refusal(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []

    def refuse(_cls: type[Store], folder: Path, **_: object) -> Store:
        raise StoreUnavailable("disk_full", folder)

    monkeypatch.setattr(repository_module.Store, "open", classmethod(refuse))
    assert open_store(data_dir, lambda _p, _t, text: told.append(text)) is None
    assert told and told[0].startswith("The disk is full")


def test_a_repair_and_a_missing_backup_are_told_after_the_window_shows(
    qapp: QApplication, data_dir: Path
) -> None:
    (data_dir / "companion.sqlite3").write_bytes(b"damaged" * 100)
    (data_dir / "backups").write_text("not a folder")  # so no backup can be made either
    store = Store.open(data_dir)
    told: list[tuple[str, str]] = []
    try:
        tell_about_store(QWidget(), store, lambda _p, title, text: told.append((title, text)))
    finally:
        store.close()
    assert [title for title, _ in told] == ["Your saved data was repaired", "No backup was made"]
    assert "kept, unchanged, as companion.sqlite3.damaged-" in told[0][1]
    assert "Your data is safe" in told[1][1]
    again = Store.open(data_dir)  # told once: the next start does not repeat it
    try:
        assert again.recovery is None
    finally:
        again.close()


def test_lost_recent_changes_are_told_as_such(tmp_path: Path) -> None:
    recovery = Recovery("recent changes were damaged", tmp_path / "x.damaged-1", None, True)
    text = recovery_message(recovery)
    assert "most recent changes could not be read" in text
    assert "x.damaged-1" in text


def test_a_restore_names_the_backup_time(tmp_path: Path) -> None:
    when = datetime(2026, 3, 7, 12, tzinfo=UTC)
    text = recovery_message(Recovery("the file is empty", tmp_path / "c.damaged-1", when))
    assert when.astimezone().strftime("%Y-%m-%d %H:%M") in text


def test_a_backup_problem_names_the_folder_and_why(tmp_path: Path) -> None:
    text = backup_problem_message(BackupProblem("disk_full", tmp_path))
    assert str(tmp_path) in text and "the disk is full" in text
