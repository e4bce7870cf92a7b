"""One function finds resources from a source checkout and from an installed wheel."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app import paths
from tests.conftest import REPO


def test_resources_are_found_in_the_source_checkout() -> None:
    assert paths.resources_root() == REPO / "resources"
    assert paths.resource_path("icons", "app.svg").is_file()


def test_frozen_bundle_layout_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "app" / "resources"
    (bundled / "content").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_root() == bundled


def test_missing_resources_name_every_place_looked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_resource_candidates", lambda: [Path("/nowhere/resources")])
    with pytest.raises(paths.ResourcesNotFound, match="/nowhere/resources"):
        paths.resources_root()


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")
def test_data_dir_is_created_owner_only_and_tightened(tmp_path: Path) -> None:
    created = paths.data_dir(tmp_path / "new" / "data")
    assert stat.S_IMODE(created.stat().st_mode) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    assert stat.S_IMODE(paths.data_dir(loose).stat().st_mode) == 0o700


def test_default_data_dir_is_qt_app_data_location() -> None:
    location = paths.default_data_dir()
    assert location.name == "Microneedling Companion"


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "app").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"


@pytest.mark.slow
def test_resources_are_found_from_an_installed_wheel(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        cwd=tmp_path,
    )
    [wheel] = list(wheels.glob("microneedling_companion-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    probe = "from app import paths, version; print(paths.resources_root()); print(version())"
    # Run from an empty folder with only the installed copy on the path, never the checkout.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout.split()
    root = Path(out[0])
    assert root == target / "app" / "resources"
    assert (root / "icons" / "app.svg").is_file()
    assert any((root / "content").iterdir())
