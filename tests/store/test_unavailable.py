"""A check that cannot be done (full disk, read-only folder, permissions, a lock) is not damage:
the file stays where it is, unchanged, and StoreUnavailable says why."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from app.store import StoreUnavailable
from app.store import backups as backups_module
from app.store import connection as connection_module
from app.store import health as health_module
from app.store.repository import Store
from tests.store.faults import (
    BUSY,
    CANTOPEN,
    FULL,
    IOERR_SHMSIZE,
    PERM,
    READONLY,
    damaged_files,
    database,
    files,
    fill,
    read_only_view,
    small_disk,
    sqlite_error,
    store_with_data,
)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (FULL, "disk_full"),
        (READONLY, "read_only"),
        (BUSY, "locked"),
        (PERM, "no_permission"),
        (CANTOPEN, "io_error"),
    ],
)
def test_a_check_that_fails_for_an_outside_reason_keeps_the_database_in_place(
    error: tuple[str, int, str], kind: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_data(data_dir)
    before = database(data_dir).read_bytes()

    def refuse(_path: Path, _unchanging: bool) -> sqlite3.Connection:
        raise sqlite_error(*error)

    monkeypatch.setattr(health_module, "_open_read_only", refuse)
    with pytest.raises(StoreUnavailable) as refused:
        Store.open(data_dir)
    assert refused.value.kind == kind
    assert refused.value.folder == data_dir
    assert database(data_dir).read_bytes() == before
    assert not damaged_files(data_dir)


def test_a_vague_io_error_on_a_nearly_full_disk_is_called_a_full_disk(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite reports a -shm it could not grow as SQLITE_IOERR_SHMSIZE, not SQLITE_FULL.
    store_with_data(data_dir)
    monkeypatch.setattr("app.store.errors.LOW_SPACE_BYTES", 1 << 62)  # "nearly full"

    def refuse(_path: Path, _unchanging: bool) -> sqlite3.Connection:
        raise sqlite_error(*IOERR_SHMSIZE)

    monkeypatch.setattr(health_module, "_open_read_only", refuse)
    with pytest.raises(StoreUnavailable) as refused:
        Store.open(data_dir)
    assert refused.value.kind == "disk_full"
    assert not damaged_files(data_dir)


def test_an_injected_full_disk_error_without_a_code_is_still_a_full_disk(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_data(data_dir)

    def refuse(_path: Path, _unchanging: bool) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(health_module, "_open_read_only", refuse)
    with pytest.raises(StoreUnavailable) as refused:
        Store.open(data_dir)
    assert refused.value.kind == "disk_full"
    assert not damaged_files(data_dir)


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        (errno.ENOSPC, "disk_full"),
        (errno.EROFS, "read_only"),
        (errno.EACCES, "no_permission"),
        (errno.EPERM, "no_permission"),
    ],
)
def test_a_file_that_cannot_be_read_is_not_called_damaged(
    number: int, kind: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_data(data_dir)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "companion.sqlite3":
            raise OSError(number, "refused")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(StoreUnavailable) as refused:
        Store.open(data_dir)
    assert refused.value.kind == kind
    assert not damaged_files(data_dir)


def test_full_disk_when_switching_on_the_wal_is_not_damage(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_data(data_dir)
    real_connect = connection_module._connect

    def connect(path: Path) -> sqlite3.Connection:
        real_connect(path).close()
        raise sqlite_error(*FULL)

    monkeypatch.setattr(connection_module, "_connect", connect)
    with pytest.raises(StoreUnavailable) as refused:
        Store.open(data_dir)
    assert refused.value.kind == "disk_full"
    assert not damaged_files(data_dir)


@pytest.mark.parametrize("free_kib", [4, 12, 24])
def test_full_disk_at_start_keeps_the_database_in_place(free_kib: int, tmp_path: Path) -> None:
    """The issue's case, for real: 4 to 24 KiB free on a tmpfs, a healthy database."""
    with small_disk(tmp_path / "disk", 1024) as disk:
        data_dir = disk / "data"
        data_dir.mkdir()
        store_with_data(data_dir)
        before = database(data_dir).read_bytes()
        filler = fill(disk, free_kib * 1024)
        with pytest.raises(StoreUnavailable) as refused:
            Store.open(data_dir)
        assert refused.value.kind == "disk_full"
        assert database(data_dir).read_bytes() == before
        assert not damaged_files(data_dir)
        filler.unlink()  # space again: the same data opens, as it was
        store = Store.open(data_dir)
        try:
            assert store.recovery is None
            assert store.get_setting("display.theme") == "dark"
            assert len(store.treatments()) == 1
        finally:
            store.close()


@pytest.mark.parametrize("clean_exit", [True, False])
def test_read_only_data_folder_is_refused_and_left_unchanged(
    clean_exit: bool, tmp_path: Path
) -> None:
    source = tmp_path / "data"
    source.mkdir()
    store_with_data(source)
    if not clean_exit:  # a -wal and -shm left by a run that was killed
        left = Store.open(source)
        left.set_setting("display.text_size", "3")
        snapshot = {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()}
        left.close()
        for name, data in snapshot.items():
            (source / name).write_bytes(data)
    before = {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()}
    with read_only_view(source, tmp_path / "ro") as view:
        with pytest.raises(StoreUnavailable) as refused:
            Store.open(view)
        assert refused.value.kind == "read_only"
    assert {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()} == before


def test_a_database_locked_by_another_program_is_not_damage(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_data(data_dir)
    monkeypatch.setattr(health_module, "CHECK_TIMEOUT_S", 0.05)
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(database(data_dir), isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailable) as refused:
            Store.open(data_dir)
        assert refused.value.kind == "locked"
    finally:
        holder.close()
    assert not damaged_files(data_dir)
    assert "companion.sqlite3" in files(data_dir)


def _damaged_with_a_backup(data_dir: Path) -> bytes:
    store_with_data(data_dir)
    database(data_dir).write_bytes(b"garbage!" * 1024)
    return database(data_dir).read_bytes()


def test_a_restore_that_fails_for_space_moves_nothing_and_works_later(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = _damaged_with_a_backup(data_dir)

    def no_space(_source: sqlite3.Connection, target: Path) -> None:
        target.write_bytes(b"half")
        raise sqlite_error(*FULL)

    with monkeypatch.context() as patch:
        patch.setattr(backups_module, "copy_database", no_space)
        with pytest.raises(StoreUnavailable) as refused:
            Store.open(data_dir)
    assert refused.value.kind == "disk_full"
    assert database(data_dir).read_bytes() == damaged
    assert files(data_dir) == {"companion.sqlite3", "backups"}
    store = Store.open(data_dir)  # space again: the repair runs
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()


def test_backups_that_cannot_be_read_never_mean_starting_empty(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = _damaged_with_a_backup(data_dir)

    def unreadable(folder: Path) -> list[object]:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr(backups_module, "list_backups", unreadable)
    with pytest.raises(StoreUnavailable) as refused:
        Store.open(data_dir)
    assert refused.value.kind == "no_permission"
    assert database(data_dir).read_bytes() == damaged
    assert not damaged_files(data_dir)


def test_an_unforeseen_sqlite_error_at_open_is_told_as_unavailable_not_raised_raw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, now: object) -> object:
        raise sqlite3.OperationalError("something no check names")

    monkeypatch.setattr("app.store.repository.open_database", broken)
    with pytest.raises(StoreUnavailable) as raised:
        Store.open(tmp_path)
    assert raised.value.kind == "io_error"
    assert raised.value.folder == tmp_path
