"""The built-in pack's snapshot: the checked pack, loaded without the validator, never stale."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from app.domain.pack import load_pack, load_pack_with_fallback
from app.domain.pack_snapshot import SnapshotError, read_snapshot, snapshot_path, write_snapshot
from tests.content.conftest import SHIPPED_PACK


@pytest.fixture
def copied_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "somewhere" / "pack"
    shutil.copytree(SHIPPED_PACK, folder)
    write_snapshot(folder)
    return folder


def test_the_shipped_snapshot_is_current() -> None:
    """`make` writes it (build_scripts/pack_snapshot.py); a missing or stale one would make
    every start import the validator, and a bundle built from it start slowly."""
    assert snapshot_path(SHIPPED_PACK).is_file(), "no snapshot: run `make` first"
    for language in load_pack(SHIPPED_PACK).meta.languages:  # type: ignore[union-attr]
        assert read_snapshot(SHIPPED_PACK, language) == load_pack(SHIPPED_PACK, language), (
            "the snapshot is out of date: run `make` (build_scripts/pack_snapshot.py)"
        )


def test_the_snapshot_gives_the_pack_as_checking_it_does_wherever_the_pack_moved(
    copied_pack: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "elsewhere" / "pack"
    moved.parent.mkdir()
    copied_pack.rename(moved)
    snapshot_path(copied_pack).rename(snapshot_path(moved))
    loaded = read_snapshot(moved, "en")
    assert loaded is not None and loaded.pack is not None
    assert loaded == load_pack(moved, "en")
    assert all(screen.path.is_relative_to(moved.resolve()) for screen in loaded.pack.screens)


def test_a_language_the_pack_lacks_gives_its_first_language(copied_pack: Path) -> None:
    loaded = read_snapshot(copied_pack, "xx")
    assert loaded is not None and loaded.pack is not None
    assert loaded.pack.language == load_pack(copied_pack).meta.languages[0]  # type: ignore[union-attr]


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_any_change_to_the_pack_leaves_the_snapshot_unused(copied_pack: Path, change: str) -> None:
    screen = next((copied_pack / "en" / "screens").glob("*.md"))
    if change == "edit":
        screen.write_text(screen.read_text(encoding="utf-8") + "\nA new line.\n", "utf-8")
    elif change == "add":
        (copied_pack / "en" / "notes.txt").write_text("x", encoding="utf-8")
    else:
        screen.unlink()
    assert read_snapshot(copied_pack, "en") is None
    # ... and the app then checks the pack itself, and shows what it finds.
    pack, _, fallback = load_pack_with_fallback(None, copied_pack, "en")
    assert not fallback and pack.screens == load_pack(copied_pack, "en").pack.screens  # type: ignore[union-attr]


def test_a_damaged_snapshot_is_not_used(copied_pack: Path) -> None:
    snapshot_path(copied_pack).write_bytes(b"not a snapshot")
    assert read_snapshot(copied_pack, "en") is None


def test_a_snapshot_naming_code_outside_the_pack_model_is_refused(copied_pack: Path) -> None:
    header, _ = pickle.loads(snapshot_path(copied_pack).read_bytes())
    body = pickle.dumps({"en": shutil.rmtree})  # would run code from outside app.domain
    snapshot_path(copied_pack).write_bytes(pickle.dumps((header, body)))
    assert read_snapshot(copied_pack, "en") is None


def test_a_pack_with_a_problem_gets_no_snapshot(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(SHIPPED_PACK, folder)
    screen = next((folder / "en" / "screens").glob("*.md"))
    screen.write_text(screen.read_text(encoding="utf-8").replace("order =", "order = -"), "utf-8")
    with pytest.raises(SnapshotError):
        write_snapshot(folder)
    assert not snapshot_path(folder).exists()
