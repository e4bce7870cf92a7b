"""The .tar.xz and the .deb: what they hold, that the desktop entry and AppStream metadata pass
their validators, and (as root, with dpkg) that the .deb installs, runs and removes cleanly."""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import APP_ID, __version__
from tests.packaging.conftest import Artifacts, need_tool, package, sandbox_env

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux packages"),
]

METAINFO = f"usr/share/metainfo/{package.COMPONENT_ID}.metainfo.xml"
DESKTOP = f"usr/share/applications/{APP_ID}.desktop"
ICON_SIZES = (48, 128, 256)


def deb(artifacts: Artifacts) -> Path:
    need_tool("dpkg-deb", "to build and read the .deb")
    assert artifacts.deb is not None, "make package made no .deb"
    return artifacts.deb


@pytest.fixture(scope="module")
def unpacked(artifacts: Artifacts, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(deb(artifacts)), str(root)], check=True)
    return root


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def control(artifacts: Artifacts) -> dict[str, str]:
    text = subprocess.run(
        ["dpkg-deb", "--field", str(deb(artifacts))], capture_output=True, text=True, check=True
    ).stdout
    return dict(re.findall(r"^([A-Za-z-]+): (.*)$", text, re.MULTILINE))


def test_the_tarball_holds_the_bundle_and_its_desktop_files(artifacts: Artifacts) -> None:
    assert artifacts.tarball is not None and artifacts.tarball.is_file()
    top = artifacts.tarball.name.removesuffix(".tar.xz")
    with tarfile.open(artifacts.tarball) as archive:
        members = {m.name: m for m in archive.getmembers()}
    executable = members[f"{top}/{APP_ID}"]
    assert executable.isfile() and executable.mode & stat.S_IXUSR
    assert members[f"{top}/_internal/app/resources/icons/app.svg"].isfile()
    assert any(m.issym() for m in members.values()), "the bundle's links stay links"
    for name in (DESKTOP, METAINFO, f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"):
        assert f"{top}/{name.removeprefix('usr/')}" in members, name
    assert {m.uid for m in members.values()} == {0}


def test_each_package_fits_its_download_budget(artifacts: Artifacts) -> None:
    assert artifacts.tarball is not None and artifacts.deb is not None
    for made in (artifacts.tarball, artifacts.deb):
        size_mib = made.stat().st_size / 2**20
        assert size_mib <= package.PACKAGE_BUDGET_MIB, f"{made.name}: {size_mib:.1f} MiB"
    # xz, as the names say (dpkg-deb names its data member after the compressor).
    with artifacts.tarball.open("rb") as archive:
        assert archive.read(6) == b"\xfd7zXZ\x00"
    members = subprocess.run(
        ["ar", "t", str(deb(artifacts))], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "data.tar.xz" in members, members


def test_the_deb_names_itself_and_what_it_needs(artifacts: Artifacts) -> None:
    fields = control(artifacts)
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert (fields["Package"], fields["Version"], fields["Architecture"]) == (
        APP_ID,
        __version__,
        arch,
    )
    depends = {d.split(" ")[0] for d in fields["Depends"].split(", ")}
    # What the bundle links and does not carry (package.SYSTEM_LIBRARIES), and fontconfig's
    # configuration and a font.
    left_out = set(package.check_system_libraries(artifacts.bundle).values())
    assert left_out <= depends
    assert {"libgl1", "libegl1", "libxcb1", "libcups2", "libdbus-1-3", "libfontconfig1"} <= depends
    assert re.search(r"libc6 \(>= 2\.\d+\)", fields["Depends"])
    assert int(fields["Installed-Size"]) >= package.bundle_size(artifacts.bundle) // 1024


def test_the_deb_installs_the_bundle_a_command_and_desktop_files(unpacked: Path) -> None:
    command = unpacked / "usr" / "bin" / APP_ID
    assert command.is_symlink() and str(command.readlink()) == f"../lib/{APP_ID}/{APP_ID}"
    target = command.resolve()
    assert target == unpacked / "usr" / "lib" / APP_ID / APP_ID
    assert target.stat().st_mode & stat.S_IXOTH
    assert (unpacked / DESKTOP).is_file() and (unpacked / METAINFO).is_file()
    hicolor = unpacked / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_text().startswith("<svg")


def test_the_desktop_entry_is_valid_and_starts_the_command(unpacked: Path) -> None:
    validate = need_tool("desktop-file-validate", "to check the desktop entry")
    result = subprocess.run([validate, str(unpacked / DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout
    entry = (unpacked / DESKTOP).read_text(encoding="utf-8")
    assert f"\nExec={APP_ID}\n" in entry and f"\nIcon={APP_ID}\n" in entry


def test_the_appstream_metadata_is_valid_and_points_at_the_entry(unpacked: Path) -> None:
    appstreamcli = need_tool("appstreamcli", "to check the AppStream metadata")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(unpacked / METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    component = ET.parse(unpacked / METAINFO).getroot()
    assert component.findtext("id") == package.COMPONENT_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/binary") == APP_ID
    release = component.find("releases/release")
    assert release is not None and release.get("version") == __version__


def test_the_deb_installs_runs_its_self_test_and_removes(
    artifacts: Artifacts, tmp_path: Path
) -> None:
    dpkg = need_tool("dpkg", "to install the .deb")
    if os.geteuid() != 0:
        message = "installing a .deb needs root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    installed = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", APP_ID], capture_output=True, text=True
    )
    if "installed" in installed.stdout.split():
        pytest.skip(f"{APP_ID} is installed on this machine already; not touching it")
    package_file = deb(artifacts)
    result = subprocess.run([dpkg, "-i", str(package_file)], capture_output=True, text=True)
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        command = shutil.which(APP_ID, path="/usr/bin")
        assert command == f"/usr/bin/{APP_ID}"
        home = tmp_path / "home"
        home.mkdir()
        ran = subprocess.run(
            [command, "--self-test"],
            capture_output=True,
            text=True,
            env=sandbox_env(home),
            cwd=home,
            timeout=180,
        )
        assert ran.returncode == 0, ran.stdout + ran.stderr
        assert f"resources: /usr/lib/{APP_ID}/_internal/app/resources" in ran.stdout
        assert "self-test passed" in ran.stdout
    finally:
        removed = subprocess.run([dpkg, "-r", APP_ID], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not Path(f"/usr/bin/{APP_ID}").exists()
    assert not Path(f"/usr/lib/{APP_ID}").exists()
