"""One function finds resources from a source checkout and from an installed wheel."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
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


@pytest.fixture
def umask_000() -> Iterator[None]:
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")
def test_missing_parents_of_the_data_folder_are_owner_only_whatever_the_umask(
    tmp_path: Path, umask_000: None
) -> None:
    paths.data_dir(tmp_path / "a" / "b" / "data")
    for folder in ("a", "a/b", "a/b/data"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")
def test_existing_parents_are_left_as_they_are(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    paths.make_private_dirs(shared / "mine")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "mine").stat().st_mode) == 0o700


def test_a_file_where_the_data_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError):
        paths.data_dir(tmp_path / "data")


@pytest.mark.skipif(os.name != "posix", reason="umask is POSIX")
def test_new_files_of_the_app_are_private_whatever_the_umask_it_started_with() -> None:
    before = os.umask(0o002)
    try:
        paths.make_new_files_private()
        assert os.umask(0o002) == 0o077
    finally:
        os.umask(before)


_APP_UNDER_UMASK_000 = (
    "import os, sys; os.umask(0); from app.cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")
def test_everything_the_app_makes_is_owner_only_under_umask_000(tmp_path: Path) -> None:
    """The app started by a login with umask 000: its folders (and their missing parents),
    the log, the lock file, the socket and the database are its user's alone."""
    base = tmp_path / "new"
    data = base / "parent" / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-c", _APP_UNDER_UMASK_000, "--data-dir", str(data)], env=env, cwd=REPO
    )
    try:
        log = data / "logs" / "companion.log"
        deadline = time.monotonic() + 60
        # The log file is opened after the first paint, once the listener for a second copy
        # is up: with this line in it, every file of a running app is there.
        while not (log.exists() and "window shown" in log.read_text(encoding="utf-8")):
            assert app.poll() is None, "the app ended on its own"
            assert time.monotonic() < deadline, "the app never showed its window"
            time.sleep(0.1)
    finally:
        app.kill()  # as a crash would: what is on disk is what any moment leaves
        app.wait(timeout=10)
    modes = {str(p.relative_to(base)): p.lstat().st_mode for p in base.rglob("*")}
    made = {"parent", "parent/data", "parent/data/logs", "parent/data/companion.lock"}
    assert made | {"parent/data/companion.sqlite3"} <= set(modes)
    # The socket is in the data folder when its path fits in sun_path, else in a short private
    # folder of the user's own (a deep temp folder moves it): owner-only either way.
    from app.ui.single_instance import server_address

    socket_path = Path(str(server_address(data)))
    modes[str(socket_path)] = socket_path.lstat().st_mode
    for name, mode in modes.items():
        if stat.S_ISDIR(mode):
            assert stat.S_IMODE(mode) == 0o700, name
        elif stat.S_ISREG(mode):
            assert stat.S_IMODE(mode) == 0o600, name
        else:  # the socket: srwx------
            assert stat.S_ISSOCK(mode) and not stat.S_IMODE(mode) & 0o077, name
