"""Damage to the -wal of a database left by a killed run: every commit is kept, or the loss is
reported and the damaged files kept, never dropped in silence, except where SQLite's design
makes it impossible to tell: damage to the frames of the very last commit looks exactly like a
write cut short by the kill, and SQLite ends the log there. TRUNCATE checkpoints (every clean
exit, and the window's quiet spells) keep that last commit the only one at risk."""

from __future__ import annotations

import random
import shutil
import struct
from pathlib import Path

import pytest

from app.store import Store
from app.store.wal import committed_frames_lost
from tests.store.faults import KILLED, database, run_child

COMMITS = 30
WRITE_AND_DIE = f"""
import os, sys
from pathlib import Path
from app.store import Store

store = Store.open(Path(sys.argv[1]))
for i in range({COMMITS}):
    store.set_setting(f"c{{i}}", str(i) * 50)
os._exit(86)  # no close, no checkpoint: the commits are in the -wal only
"""


@pytest.fixture(scope="module")
def left_by_a_kill(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wal") / "data"
    folder.mkdir()
    child = run_child(WRITE_AND_DIE, str(folder))
    assert child.returncode == KILLED, child.stderr[-2000:]
    assert (folder / "companion.sqlite3-wal").stat().st_size > 0
    return folder


def _commit_frame_ends(wal: bytes) -> list[int]:
    """The file offset just past each commit frame."""
    page = struct.unpack(">I", wal[8:12])[0]
    step = 24 + page
    return [
        offset + step
        for offset in range(32, len(wal) - step + 1, step)
        if struct.unpack(">I", wal[offset + 4 : offset + 8])[0] != 0
    ]


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def _kept(store: Store) -> set[int]:
    return {i for i in range(COMMITS) if store.get_setting(f"c{i}") == str(i) * 50}


@pytest.mark.slow
def test_random_damage_to_the_wal_never_loses_a_commit_in_silence(
    left_by_a_kill: Path, tmp_path: Path
) -> None:
    wal_bytes = (left_by_a_kill / "companion.sqlite3-wal").read_bytes()
    last_commit_starts = _commit_frame_ends(wal_bytes)[-2]
    outcomes = {"all kept": 0, "reported": 0, "last commit, undetectable": 0}
    rng = random.Random(11)
    for trial in range(40):
        data_dir = _copy(left_by_a_kill, tmp_path / f"t{trial}")
        wal = data_dir / "companion.sqlite3-wal"
        damaged = bytearray(wal_bytes)
        offsets = [rng.randrange(len(damaged)) for _ in range(rng.randint(1, 8))]
        for offset in offsets:
            damaged[offset] ^= rng.randrange(1, 256)
        wal.write_bytes(bytes(damaged))

        store = Store.open(data_dir)
        try:
            kept = _kept(store)
            if kept == set(range(COMMITS)):
                outcomes["all kept"] += 1
            elif store.recovery is not None:
                outcomes["reported"] += 1
                copy = store.recovery.damaged_copy
                assert copy.with_name(copy.name + "-wal").read_bytes() == bytes(damaged)
            else:
                assert min(offsets) >= last_commit_starts, f"trial {trial}: silent loss"
                assert kept == set(range(COMMITS - 1)), f"trial {trial}: more than the last"
                outcomes["last commit, undetectable"] += 1
        finally:
            store.close()
        shutil.rmtree(data_dir)
    print("WAL damage outcomes over 40 trials:", outcomes)
    assert outcomes["reported"] > 0


def test_a_wal_cut_short_by_a_kill_is_not_damage(left_by_a_kill: Path, tmp_path: Path) -> None:
    data_dir = _copy(left_by_a_kill, tmp_path / "data")
    wal = data_dir / "companion.sqlite3-wal"
    ends = _commit_frame_ends(wal.read_bytes())
    with wal.open("r+b") as handle:  # the last commit's frame half written
        handle.truncate(ends[-1] - 100)
    assert not committed_frames_lost(database(data_dir))
    store = Store.open(data_dir)
    try:
        assert store.recovery is None
        assert _kept(store) == set(range(COMMITS - 1))
    finally:
        store.close()


@pytest.mark.parametrize("where", ["header", "middle frame"])
def test_damage_before_later_commits_is_found_reported_and_kept(
    where: str, left_by_a_kill: Path, tmp_path: Path
) -> None:
    data_dir = _copy(left_by_a_kill, tmp_path / "data")
    wal = data_dir / "companion.sqlite3-wal"
    data = bytearray(wal.read_bytes())
    offset = 20 if where == "header" else _commit_frame_ends(bytes(data))[COMMITS // 2] + 100
    data[offset] ^= 0xFF
    wal.write_bytes(bytes(data))
    assert committed_frames_lost(database(data_dir))

    store = Store.open(data_dir)
    try:
        assert store.recovery is not None and store.recovery.recent_changes_lost
        assert store.recovery.restored_from is None  # the file stays in use: it is the newest
        copy = store.recovery.damaged_copy
        assert copy.with_name(copy.name + "-wal").read_bytes() == bytes(data)
        store.acknowledge_recovery()
        # Killed again before any clean exit: what the files hold at this moment.
        snapshot = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    finally:
        store.close()
    for name, content in snapshot.items():
        (data_dir / name).write_bytes(content)
    again = Store.open(data_dir)
    try:  # the frames past the damage were folded away at once, not found and told again
        assert again.recovery is None
    finally:
        again.close()


def test_no_wal_means_nothing_to_lose(data_dir: Path) -> None:
    Store.open(data_dir).close()
    assert not committed_frames_lost(database(data_dir))
