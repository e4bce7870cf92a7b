"""A kill at any step of a repair: the next start has the data back and says so.

A child process opens a damaged store and is stopped (os._exit, as abrupt as SIGKILL for the
files) the moment the repair reaches a named step; then the store is opened again here.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.store import Store
from app.store.recovery import DAMAGED_INFIX, marker_for
from tests.store.faults import (
    KILLED,
    TREATED,
    damaged_files,
    database,
    run_child,
    store_with_data,
)

STOP_AT = """
import os, sys
from pathlib import Path
from app.store import Store, recovery

def stop(step):
    if step == sys.argv[2]:
        os._exit(86)

recovery._reached = stop
Store.open(Path(sys.argv[1]))
os._exit(0)
"""
GARBAGE = b"garbage!" * 4096


def _damaged_after_an_unclean_exit(data_dir: Path) -> dict[str, bytes]:
    """A store with data and a backup, left by a killed run (-wal, -shm), then damaged."""
    store_with_data(data_dir)
    store = Store.open(data_dir)
    store.set_setting("display.text_size", "3")
    snapshot = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    store.close()
    for name, data in snapshot.items():
        (data_dir / name).write_bytes(data)
    database(data_dir).write_bytes(GARBAGE)
    snapshot[database(data_dir).name] = GARBAGE
    return snapshot


def _kill_at(data_dir: Path, step: str) -> None:
    child = run_child(STOP_AT, str(data_dir), step)
    assert child.returncode == KILLED, f"step {step!r} not reached: {child.stderr[-2000:]}"


STEPS = ["restoring-ready", "marker-written", "moved-wal", "moved-shm", "moved-database"]


@pytest.mark.slow
@pytest.mark.parametrize("step", [*STEPS, "restored"])
def test_a_kill_at_any_step_of_a_repair_ends_with_the_backup_in_place_and_the_patient_told(
    step: str, data_dir: Path
) -> None:
    before = _damaged_after_an_unclean_exit(data_dir)
    _kill_at(data_dir, step)

    store = Store.open(data_dir)
    try:
        assert store.recovery is not None, "the patient must be told"
        assert store.recovery.restored_from is not None
        assert store.get_setting("display.theme") == "dark"
        assert [t.treated_at for t in store.treatments()] == [TREATED]
        kept = store.recovery.damaged_copy
        assert kept.read_bytes() == GARBAGE  # the damaged original, kept unchanged
        for suffix in ("-wal", "-shm"):
            moved = kept.with_name(kept.name + suffix)
            assert moved.read_bytes() == before[database(data_dir).name + suffix]
        store.acknowledge_recovery()
    finally:
        store.close()
    copies = {n for n in damaged_files(data_dir) if not n.endswith(("-wal", "-shm"))}
    assert copies == {kept.name}  # one repair, however often it was cut short
    assert not [n for n in damaged_files(data_dir) if n.endswith(".partial")]
    again = Store.open(data_dir)  # told once: not again
    try:
        assert again.recovery is None
        assert again.get_setting("display.theme") == "dark"
    finally:
        again.close()


@pytest.mark.slow
@pytest.mark.parametrize("step", ["marker-written", "moved-database"])
def test_a_kill_during_a_repair_without_any_backup_keeps_the_original_and_tells(
    step: str, data_dir: Path
) -> None:
    _damaged_after_an_unclean_exit(data_dir)
    shutil.rmtree(data_dir / "backups")
    _kill_at(data_dir, step)

    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is None
        assert store.recovery.damaged_copy.read_bytes() == GARBAGE
        assert store.treatments() == []
    finally:
        store.close()


def test_a_repair_cut_short_by_an_earlier_version_is_finished_from_the_backup(
    data_dir: Path,
) -> None:
    """Earlier versions moved the file aside first, then the -wal, then restored: a kill in
    between left a damaged copy, a lone -wal, no database and no marker."""
    _damaged_after_an_unclean_exit(data_dir)
    later = datetime.now(UTC) + timedelta(minutes=1)
    old_style = data_dir / f"companion.sqlite3{DAMAGED_INFIX}{later:%Y%m%dT%H%M%SZ}"
    database(data_dir).rename(old_style)
    (data_dir / "companion.sqlite3-shm").rename(old_style.with_name(old_style.name + "-shm"))
    lone_wal = (data_dir / "companion.sqlite3-wal").read_bytes()

    store = Store.open(data_dir, now=lambda: later + timedelta(minutes=1))
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert store.recovery.damaged_copy == old_style
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()
    # The lone -wal went with the damaged copy, never into the restored file.
    assert old_style.with_name(old_style.name + "-wal").read_bytes() == lone_wal


def test_the_repair_message_is_repeated_until_acknowledged(data_dir: Path) -> None:
    _damaged_after_an_unclean_exit(data_dir)
    first = Store.open(data_dir)
    first.close()  # as if the app had been closed before the message was seen
    assert marker_for(database(data_dir)).exists()
    second = Store.open(data_dir)
    try:
        assert second.recovery == first.recovery
        second.acknowledge_recovery()
    finally:
        second.close()
    assert not marker_for(database(data_dir)).exists()


def test_a_restoring_copy_never_recorded_as_ready_is_removed(data_dir: Path) -> None:
    store_with_data(data_dir)
    stray = data_dir / "companion.sqlite3.restoring"
    stray.write_bytes(b"half a copy")
    before = database(data_dir).read_bytes()
    store = Store.open(data_dir)
    try:
        assert store.recovery is None
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()
    assert not stray.exists()
    assert not damaged_files(data_dir)
    assert before[:100] == database(data_dir).read_bytes()[:100]


@pytest.mark.slow
def test_a_garbled_marker_mid_repair_still_ends_with_the_backup_in_place(data_dir: Path) -> None:
    _damaged_after_an_unclean_exit(data_dir)
    _kill_at(data_dir, "moved-database")
    marker_for(database(data_dir)).write_bytes(b"\xff{not json")
    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.restored_from is not None
        assert store.recovery.damaged_copy.read_bytes() == GARBAGE
        assert store.get_setting("display.theme") == "dark"
    finally:
        store.close()
