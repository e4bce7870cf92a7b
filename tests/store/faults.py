"""Faults for the store tests: real ones where the machine allows (a tiny tmpfs for a full disk,
a read-only bind mount, a child process killed at a named step), injected errors everywhere.

Mounting needs root and a kernel that lets this process mount; where it cannot, the tests that
need it skip with the reason, and the same logic is covered by injected errors that always run.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.store import DATABASE_NAME, Store
from tests.conftest import REPO

KILLED = 86  # the exit status of a child stopped at a kill point


def sqlite_error(name: str, code: int, text: str) -> sqlite3.OperationalError:
    """An error as SQLite raises it, with its (extended) result code."""
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    error.sqlite_errorname = name
    return error


FULL = ("SQLITE_FULL", 13, "database or disk is full")
IOERR_SHMSIZE = ("SQLITE_IOERR_SHMSIZE", 4874, "disk I/O error")
READONLY = ("SQLITE_READONLY", 8, "attempt to write a readonly database")
CANTOPEN = ("SQLITE_CANTOPEN", 14, "unable to open database file")
BUSY = ("SQLITE_BUSY", 5, "database is locked")
PERM = ("SQLITE_PERM", 3, "access permission denied")


def _mount(*args: str) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@contextlib.contextmanager
def small_disk(where: Path, size_kib: int) -> Iterator[Path]:
    """A real file system of `size_kib` KiB at `where` (tmpfs), or the test is skipped."""
    where.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where)):
        pytest.skip("cannot mount a small tmpfs here (needs root and mount rights)")
    try:
        yield where
    finally:
        _umount(where)


@contextlib.contextmanager
def read_only_view(source: Path, where: Path) -> Iterator[Path]:
    """`source` seen read-only at `where` (a read-only bind mount), or the test is skipped.
    Real read-only: root ignores file modes, a read-only mount it cannot."""
    where.mkdir(parents=True, exist_ok=True)
    if not _mount("--bind", str(source), str(where)):
        pytest.skip("cannot bind-mount here (needs root and mount rights)")
    try:
        if not _mount("-o", "remount,bind,ro", str(where)):
            pytest.skip("cannot remount read-only here")
        yield where
    finally:
        _umount(where)


def fill(folder: Path, leave_bytes: int) -> Path:
    """Fill the file system of `folder` until only about `leave_bytes` are free."""
    filler = folder / "filler"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave_bytes))
    return filler


def run_child(script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `script` in a fresh Python with the repository importable."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


TREATED = datetime(2026, 3, 7, 21, tzinfo=UTC)


def store_with_data(data_dir: Path, now: datetime | None = None) -> None:
    """A closed store with a setting, a treatment and a backup that holds both."""
    store = Store.open(data_dir, now=lambda: now) if now else Store.open(data_dir)
    store.set_setting("display.theme", "dark")
    store.add_treatment(TREATED, "America/New_York")
    store.backup_now("test")
    store.close()


def files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def damaged_files(folder: Path) -> set[str]:
    return {name for name in files(folder) if ".damaged-" in name}


def database(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME
