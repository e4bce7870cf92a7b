"""A managed machine applies a newer, signed, loadable bundle from its folder, and refuses every
other one with the reason, keeping the last good one in use."""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.fleet.archive import BundleRefused, read_bundle
from app.fleet.install import CURRENT, PREVIOUS, installed
from app.fleet.signing import public_key_from_text
from app.fleet.startup import start_setup
from app.fleet.status import FELL_BACK, REFUSED, read_status, status_lines
from app.fleet.watch import check_folder
from tests.fleet.conftest import Keys, Machine, MakeBundle, read_member, rewrite

WHEN = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def _in_use(machine: Machine) -> int | None:
    bundle = installed(machine.state)
    return bundle.version if bundle else None


def _refusal(machine: Machine) -> tuple[int | None, str]:
    problem = read_status(machine.state).last_problem
    assert problem is not None and problem.kind == REFUSED
    return problem.version, problem.reason


@pytest.fixture
def with_bundle_2(machine: Machine, make_bundle: MakeBundle) -> Machine:
    machine.drop("clinic-2.mncbundle", make_bundle(2))
    assert check_folder(machine.managed, machine.state, WHEN).applied is not None
    return machine


def test_a_valid_newer_bundle_is_applied_and_recorded(
    machine: Machine, make_bundle: MakeBundle
) -> None:
    machine.drop("clinic-2.mncbundle", make_bundle(2))
    result = check_folder(machine.managed, machine.state, WHEN)
    assert result.applied is not None and result.applied.version == 2
    assert _in_use(machine) == 2
    assert 'name = "Bundle Clinic 2"' in result.applied.clinic_config.read_text()
    assert (result.applied.pack / "pack.toml").is_file()
    assert status_lines(read_status(machine.state)) == [
        "Setup bundle 2 applied on 29 November 2026"
    ]
    # Everything the app wrote is its user's alone.
    for path in [machine.state, *machine.state.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_a_newer_bundle_replaces_the_one_in_use_and_keeps_it_as_the_last_good_one(
    with_bundle_2: Machine, make_bundle: MakeBundle
) -> None:
    first = installed(with_bundle_2.state)
    with_bundle_2.drop("clinic-3.mncbundle", make_bundle(3))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert _in_use(with_bundle_2) == 3
    assert installed(with_bundle_2.state, PREVIOUS) == first


def test_an_older_bundle_is_refused_and_the_newer_one_stays(
    with_bundle_2: Machine, make_bundle: MakeBundle
) -> None:
    with_bundle_2.drop("clinic-1.mncbundle", make_bundle(1))
    assert check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN).applied is None
    assert _in_use(with_bundle_2) == 2
    version, reason = _refusal(with_bundle_2)
    assert version == 1 and "older than bundle 2" in reason


def test_an_unsigned_bundle_is_refused(with_bundle_2: Machine, make_bundle: MakeBundle) -> None:
    with_bundle_2.drop("clinic-3.mncbundle", make_bundle(3, sign=False))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert _in_use(with_bundle_2) == 2
    assert _refusal(with_bundle_2) == (None, "it is not signed")
    lines = status_lines(read_status(with_bundle_2.state))
    assert lines[1] == "clinic-3.mncbundle refused: it is not signed"


def test_a_bundle_with_a_file_changed_after_signing_is_refused(
    with_bundle_2: Machine, make_bundle: MakeBundle
) -> None:
    tampered = rewrite(make_bundle(3), {"clinic/clinic.toml": b'[clinic]\nphone = "+1 555 6666"\n'})
    with_bundle_2.drop("clinic-3.mncbundle", tampered)
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert _in_use(with_bundle_2) == 2
    assert _refusal(with_bundle_2) == (3, "a file was changed after signing: clinic/clinic.toml")


def test_a_bundle_with_its_version_changed_is_refused(
    with_bundle_2: Machine, make_bundle: MakeBundle
) -> None:
    data = make_bundle(3)
    manifest = read_member(data).replace(b'"version": 3', b'"version": 30')
    with_bundle_2.drop("clinic-30.mncbundle", rewrite(data, {"manifest.json": manifest}))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert _in_use(with_bundle_2) == 2
    assert _refusal(with_bundle_2) == (None, "signature does not match")


def test_a_bundle_with_the_version_in_its_signature_changed_is_refused(
    with_bundle_2: Machine, make_bundle: MakeBundle
) -> None:
    data = make_bundle(3)
    signature = read_member(data, "manifest.json.minisig").replace(b"version:3", b"version:30")
    with_bundle_2.drop("clinic-3.mncbundle", rewrite(data, {"manifest.json.minisig": signature}))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert _in_use(with_bundle_2) == 2
    assert _refusal(with_bundle_2) == (None, "signature does not match")


def test_a_bundle_signed_with_another_key_is_refused(
    with_bundle_2: Machine, make_bundle: MakeBundle, other_keys: Keys
) -> None:
    with_bundle_2.drop("clinic-3.mncbundle", make_bundle(3, key=other_keys))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert _in_use(with_bundle_2) == 2
    assert _refusal(with_bundle_2) == (None, "it is signed with another key than this machine's")


def test_a_bundle_whose_config_does_not_load_is_rolled_back_to_the_last_good_one(
    with_bundle_2: Machine, make_bundle: MakeBundle
) -> None:
    good = installed(with_bundle_2.state)
    broken = make_bundle(3, config='[clinic]\naccent_colour = "pink"\n')
    with_bundle_2.drop("clinic-3.mncbundle", broken)
    assert check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN).applied is None
    assert installed(with_bundle_2.state) == good
    problem = read_status(with_bundle_2.state).last_problem
    assert problem is not None and problem.kind == FELL_BACK and problem.version == 3
    assert "did not load after it was applied" in problem.reason
    assert "accent_colour" in problem.reason
    # Nothing of the broken one is left behind.
    assert not list(with_bundle_2.state.glob("bundle-3-*"))


def test_a_bundle_in_use_that_no_longer_loads_at_start_falls_back_to_the_last_good_one(
    with_bundle_2: Machine, make_bundle: MakeBundle, tmp_path: Path
) -> None:
    with_bundle_2.drop("clinic-3.mncbundle", make_bundle(3))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    three = installed(with_bundle_2.state)
    assert three is not None and three.version == 3
    (three.pack / "pack.toml").unlink()  # damaged on disk after it was applied
    config = _machine_config(tmp_path, with_bundle_2)
    setup = start_setup(config, None, with_bundle_2.state)
    assert setup.bundle_version == 2
    assert _in_use(with_bundle_2) == 2
    problem = read_status(with_bundle_2.state).last_problem
    assert problem is not None and problem.kind == FELL_BACK
    assert problem.reason == "pack.toml is missing from it; back to bundle 2"


def _machine_config(tmp_path: Path, machine: Machine) -> Path:
    config = tmp_path / "machine.toml"
    config.write_text(
        f'[managed]\nbundle_folder = "{machine.folder}"\n'
        f'public_key = "{machine.managed.public_key}"\n'
    )
    return config


def test_the_app_starts_with_the_bundle_in_use(with_bundle_2: Machine, tmp_path: Path) -> None:
    setup = start_setup(_machine_config(tmp_path, with_bundle_2), None, with_bundle_2.state)
    bundle = installed(with_bundle_2.state)
    assert bundle is not None
    assert (setup.content_pack, setup.clinic_config) == (bundle.pack, bundle.clinic_config)
    assert setup.bundle_version == 2


def test_a_machine_without_managed_starts_with_its_own_setup(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\nname = "Own"\n')
    setup = start_setup(config, None, tmp_path / "state")
    assert (setup.content_pack, setup.clinic_config, setup.managed) == (None, config, None)
    assert not (tmp_path / "state").exists()


def test_an_unreachable_folder_keeps_the_bundle_in_use_and_says_so(with_bundle_2: Machine) -> None:
    with_bundle_2.folder.rename(with_bundle_2.folder.with_name("gone"))
    assert check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN).applied is None
    assert _in_use(with_bundle_2) == 2
    status = read_status(with_bundle_2.state)
    assert status.folder_problem is not None and "cannot be read" in status.folder_problem


def test_a_refused_bundle_left_in_the_folder_is_read_once(
    with_bundle_2: Machine, make_bundle: MakeBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_bundle_2.drop("clinic-3.mncbundle", make_bundle(3, sign=False))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    reads: list[Path] = []
    monkeypatch.setattr("app.fleet.watch.read_bundle", lambda path, key: reads.append(path))
    check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN)
    assert reads == []


def _zip(members: dict[str, bytes], symlink: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            kind = stat.S_IFLNK if name == symlink else stat.S_IFREG
            info.external_attr = (kind | 0o644) << 16
            archive.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "symlink", "reason"),
    [
        ("../outside.txt", None, "a name it may not have"),
        ("/etc/passwd", None, "a name it may not have"),
        ("pack/../../x", None, "a name it may not have"),
        ("C:/Windows/x", None, "a name it may not have"),
        ("pack\\..\\x", None, "a name it may not have"),
        ("pack/link", "pack/link", "not a plain file"),
    ],
)
def test_unsafe_members_are_refused_before_anything_is_unpacked(
    tmp_path: Path, keys: Keys, name: str, symlink: str | None, reason: str
) -> None:
    bundle = tmp_path / "evil.mncbundle"
    bundle.write_bytes(_zip({"manifest.json": b"{}", name: b"x"}, symlink))
    with pytest.raises(BundleRefused, match=reason):
        read_bundle(bundle, public_key_from_text(keys.public_line))


def test_a_huge_member_is_refused_by_its_size(tmp_path: Path, keys: Keys) -> None:
    bundle = tmp_path / "big.mncbundle"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pack/zeros.md", bytes(17 * 1024 * 1024))  # compresses to ~17 KiB
    bundle.write_bytes(out.getvalue())
    with pytest.raises(BundleRefused, match="larger than"):
        read_bundle(bundle, public_key_from_text(keys.public_line))


def test_a_fifo_in_the_folder_is_refused_without_blocking(tmp_path: Path, keys: Keys) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "x.mncbundle"
    os.mkfifo(fifo)
    with pytest.raises(BundleRefused, match="named pipe"):
        read_bundle(fifo, public_key_from_text(keys.public_line))


def test_the_pointer_names_a_folder_inside_the_state_folder(with_bundle_2: Machine) -> None:
    (with_bundle_2.state / CURRENT).write_text("../../etc\n")
    assert installed(with_bundle_2.state) is None


def test_a_refusal_is_recorded_before_any_bundle_was_applied(
    machine: Machine, make_bundle: MakeBundle
) -> None:
    machine.drop("clinic-1.mncbundle", make_bundle(1, sign=False))
    check_folder(machine.managed, machine.state, WHEN)
    assert _in_use(machine) is None
    assert _refusal(machine) == (None, "it is not signed")


def test_a_full_disk_while_unpacking_keeps_the_last_good_one_and_tries_again_later(
    with_bundle_2: Machine, make_bundle: MakeBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.fleet import install as install_module

    real_unpack = install_module._unpack

    def full_disk(verified: object, target: Path) -> None:
        target.mkdir(mode=0o700)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with_bundle_2.drop("clinic-3.mncbundle", make_bundle(3))
    monkeypatch.setattr(install_module, "_unpack", full_disk)
    assert check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN).applied is None
    assert _in_use(with_bundle_2) == 2
    assert not [p for p in with_bundle_2.state.iterdir() if p.name.startswith(".incoming")]
    monkeypatch.setattr(install_module, "_unpack", real_unpack)  # space was freed
    assert check_folder(with_bundle_2.managed, with_bundle_2.state, WHEN).applied is not None
    assert _in_use(with_bundle_2) == 3
