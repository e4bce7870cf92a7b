"""`set-kiosk-pin` writes only a salted hash into the clinic config and keeps everything else,
through app.clinic_config_file (tomlkit), owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app.domain.clinic import load_clinic_config
from app.domain.kiosk_pin import parse_pin_hash
from app.kiosk_pin_command import EditError, with_pin_hash

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "resources" / "clinic.example.toml"
HASH = (
    "scrypt$n=16384,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
)


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_the_pin_is_stored_hashed_and_the_comments_stay(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    original = EXAMPLE.read_text(encoding="utf-8")
    config.write_text(original, encoding="utf-8")
    config.chmod(0o644)

    result = _run(
        "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="246813\n"
    )

    assert result.returncode == 0, result.stderr
    text = config.read_text(encoding="utf-8")
    assert "246813" not in text
    stored = tomllib.loads(text)["kiosk"]["pin_hash"]
    assert parse_pin_hash(stored).matches("246813")
    # Every comment and value of the example is still there; only the one line was added.
    added = [line for line in text.splitlines() if line not in original.splitlines()]
    assert added == [f'pin_hash = "{stored}"']
    # It was readable by everyone: now only by its owner, and the command says so.
    assert config.stat().st_mode & 0o777 == 0o600
    assert "owner only" in result.stdout


def test_setting_it_again_replaces_the_hash_and_remove_takes_it_out(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\nname = "A"\n', encoding="utf-8")
    assert (
        _run(
            "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="514273"
        ).returncode
        == 0
    )
    assert (
        _run(
            "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="862951"
        ).returncode
        == 0
    )
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert parse_pin_hash(data["kiosk"]["pin_hash"]).matches("862951")
    assert config.read_text(encoding="utf-8").count("pin_hash") == 1

    assert _run("--clinic-config", str(config), "set-kiosk-pin", "--remove").returncode == 0
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {
        "clinic": {"name": "A"},
        "kiosk": {},
    }


def test_the_written_hash_is_what_the_kiosk_reads(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    assert (
        _run(
            "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="975318"
        ).returncode
        == 0
    )
    loaded, problems = load_clinic_config(config, [])
    assert problems == []
    assert loaded.kiosk_pin is not None and loaded.kiosk_pin.matches("975318")


@pytest.mark.parametrize(
    "pin",
    ["", "abcd", "2468", "121212"],  # every rule is pinned in tests/domain/test_kiosk_pin.py
)
def test_a_short_or_guessable_pin_changes_nothing(tmp_path: Path, pin: str) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk]\nenabled = true\n", encoding="utf-8")
    result = _run("--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin=pin)
    assert result.returncode == 2
    assert str(config) in result.stderr and "PIN" in result.stderr
    assert config.read_text(encoding="utf-8") == "[kiosk]\nenabled = true\n"


def test_a_broken_config_is_not_touched(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk\nenabled = true\n", encoding="utf-8")
    result = _run(
        "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="246813"
    )
    assert result.returncode == 2
    assert "not valid TOML" in result.stderr
    assert config.read_text(encoding="utf-8") == "[kiosk\nenabled = true\n"


def test_a_kiosk_table_written_as_dotted_keys_gets_a_dotted_pin_line() -> None:
    edited = with_pin_hash('kiosk.enabled = true\n[clinic]\nname = "A"\n', HASH)
    assert edited == f'kiosk.enabled = true\nkiosk.pin_hash = "{HASH}"\n[clinic]\nname = "A"\n'


def test_a_hash_the_loader_would_refuse_is_not_written() -> None:
    with pytest.raises(EditError, match="pin_hash"):
        with_pin_hash("[kiosk]\n", "scrypt$n=1000,r=8,p=1$abc$def")


def test_the_line_goes_under_the_kiosk_header_even_with_tables_after_it() -> None:
    text = '[kiosk]\nenabled = true\n\n[protocol]\nsun = { amount = 7, unit = "days" }\n'
    edited = with_pin_hash(text, HASH)
    data = tomllib.loads(edited)
    assert data["kiosk"] == {"enabled": True, "pin_hash": HASH}
    assert data["protocol"] == {"sun": {"amount": 7, "unit": "days"}}


_UMASK_000 = "import os, sys; os.umask(0); from app.cli import main; sys.exit(main(sys.argv[1:]))"


def _run_under_umask_000(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _UMASK_000, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and umask")
def test_a_new_config_and_its_folders_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    config = tmp_path / "made" / "here" / "clinic.toml"
    result = _run_under_umask_000(
        "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="246813\n"
    )
    assert result.returncode == 0, result.stderr
    modes = {
        str(p.relative_to(tmp_path)): stat.S_IMODE(p.stat().st_mode) for p in tmp_path.rglob("*")
    }
    assert modes == {"made": 0o700, "made/here": 0o700, "made/here/clinic.toml": 0o600}


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_existing_config_becomes_owner_only(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk]\nenabled = true\n", encoding="utf-8")
    config.chmod(0o666)  # as an editor leaves it under umask 000
    result = _run_under_umask_000(
        "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="246813\n"
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.toml"]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX here")
def test_a_config_that_is_a_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    os.mkfifo(config)
    result = _run(
        "--clinic-config", str(config), "set-kiosk-pin", "--pin-from-stdin", stdin="246813"
    )
    assert result.returncode == 2
    assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(config.stat().st_mode)


def test_a_link_to_the_config_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text('[clinic]\nname = "A"\n', encoding="utf-8")
    link = tmp_path / "clinic.toml"
    link.symlink_to(real)
    result = _run("--clinic-config", str(link), "set-kiosk-pin", "--pin-from-stdin", stdin="246813")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert parse_pin_hash(tomllib.loads(real.read_text())["kiosk"]["pin_hash"]).matches("246813")
