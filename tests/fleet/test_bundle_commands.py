"""`bundle keygen`, `bundle create` and `bundle verify`, as clinic IT runs them."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from app.cli import main
from tests.fleet.conftest import REPO, rewrite

CONFIG = '[clinic]\nname = "Round Trip Clinic"\nlogo = "icons/app.svg"\n'


@pytest.fixture
def clinic_config(tmp_path: Path) -> Path:
    (tmp_path / "icons").mkdir()
    shutil.copy(REPO / "resources" / "icons" / "app.svg", tmp_path / "icons" / "app.svg")
    config = tmp_path / "clinic.toml"
    config.write_text(CONFIG)
    return config


def test_keygen_create_verify_round_trip(
    tmp_path: Path, test_pack: Path, clinic_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys"
    assert main(["bundle", "keygen", "--out", str(keys)]) == 0
    secret, public = keys / "bundle.key", keys / "bundle.pub"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    line = public.read_text().splitlines()[1]
    assert f'public_key = "{line}"' in capsys.readouterr().out

    bundle = tmp_path / "clinic.mncbundle"
    argv = ["bundle", "create", "--pack", str(test_pack), "--clinic-config", str(clinic_config)]
    argv += ["--version", "5", "--key", str(secret), "--out", str(bundle)]
    assert main(argv) == 0
    assert "setup bundle 5 written" in capsys.readouterr().out

    assert main(["bundle", "verify", "--key", str(public), str(bundle)]) == 0
    assert capsys.readouterr().out.startswith("ok: setup bundle 5, ")

    tampered = tmp_path / "tampered.mncbundle"
    tampered.write_bytes(rewrite(bundle.read_bytes(), {"clinic/icons/app.svg": b"<svg/>"}))
    assert main(["bundle", "verify", "--key", str(public), str(tampered)]) == 1
    assert (
        capsys.readouterr().out
        == "refused: a file was changed after signing: clinic/icons/app.svg\n"
    )

    # A second keygen never replaces a key pair.
    assert main(["bundle", "keygen", "--out", str(keys)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_create_refuses_to_sign_a_broken_pack_and_says_why(
    tmp_path: Path, test_pack: Path, clinic_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bundle", "keygen", "--out", str(tmp_path / "keys")]) == 0
    broken = tmp_path / "pack"
    shutil.copytree(test_pack, broken)
    (broken / "protocol.toml").write_text("this is not TOML")
    out = tmp_path / "clinic.mncbundle"
    argv = ["bundle", "create", "--pack", str(broken), "--clinic-config", str(clinic_config)]
    argv += ["--version", "2", "--key", str(tmp_path / "keys" / "bundle.key"), "--out", str(out)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "bundle not made" in err and "protocol.toml" in err
    assert not out.exists()


def test_create_refuses_a_clinic_config_with_mistakes(
    tmp_path: Path,
    test_pack: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The pack is fine; only the config is checked here (the grades are the pack test's job).
    monkeypatch.setattr("app.fleet.build.build_report", lambda _pack: _NoProblems())
    assert main(["bundle", "keygen", "--out", str(tmp_path / "keys")]) == 0
    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\naccent_colour = "#FFFF00"\n')
    argv = ["bundle", "create", "--pack", str(test_pack), "--clinic-config", str(config)]
    argv += [
        "--version",
        "2",
        "--key",
        str(tmp_path / "keys" / "bundle.key"),
        "--out",
        str(tmp_path / "b"),
    ]
    assert main(argv) == 1
    assert "clinic.accent_colour" in capsys.readouterr().err


def test_verify_with_a_missing_key_file_exits_1_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b.mncbundle").write_bytes(b"not a zip")
    assert (
        main(
            ["bundle", "verify", "--key", str(tmp_path / "none.pub"), str(tmp_path / "b.mncbundle")]
        )
        == 1
    )
    assert capsys.readouterr().out.startswith("refused: cannot read the public key")


class _NoProblems:
    def __init__(self) -> None:
        self.problems: list[object] = []
