"""The bundle and the Linux packages, built once per test session.

`make test-packaging` builds them with `make package` and passes the folder in MNC_DIST; run
directly (`pytest -m packaging tests/packaging`), the first test that needs them builds them into
build/packaging-test/ (which `make clean` removes). Tools the tests need (Xvfb,
desktop-file-validate, appstreamcli, dpkg) make a test skip with the reason when missing, and
fail in CI (CI=true), where build_scripts/debian-deps.sh test must have installed them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import APP_ID, __version__

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "build_scripts"))

import package  # noqa: E402  (build_scripts/package.py)


@dataclass(frozen=True)
class Artifacts:
    bundle: Path  # the onedir folder
    executable: Path
    tarball: Path | None  # Linux only
    deb: Path | None  # Linux with dpkg only


def need_tool(name: str, why: str) -> str:
    """The tool's path; a skip (a failure in CI) naming it when it is missing."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed ({why}); build_scripts/debian-deps.sh test installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def artifacts() -> Artifacts:
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed: `make test-packaging` installs and runs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    given = os.environ.get("MNC_DIST")
    if given:
        dist = Path(given)
    else:
        dist = REPO / "build" / "packaging-test" / "dist"
        package.main(["--dist", str(dist), "--work", str(dist.parent / "work")])
    bundle = dist / APP_ID
    executable = bundle / package.executable_name()
    assert executable.is_file(), f"no bundle in {dist}: run `make package` first"
    linux = sys.platform.startswith("linux")
    tarball = dist / f"{APP_ID}-{__version__}-linux-{os.uname().machine}.tar.xz" if linux else None
    debs = sorted(dist.glob(f"{APP_ID}_{__version__}_*.deb")) if linux else []
    return Artifacts(bundle, executable, tarball, debs[-1] if debs else None)


def sandbox_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment less anything that points at the developer's home, Qt or Python."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "QT_", "PYTHON", "MICRONEEDLING_")) and k != "DISPLAY"
    }
    return env | {"HOME": str(home)} | extra


@pytest.fixture(scope="session")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A virtual X screen (Xvfb) for the session; its display name, e.g. ":93"."""
    xvfb = need_tool("Xvfb", "the bundle is run on a virtual X screen")
    number = 93
    while Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    log = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [xvfb, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            if server.poll() is not None:
                pytest.fail(f"Xvfb stopped at once: {log.read_text()}")
            time.sleep(0.05)
        else:
            pytest.fail("Xvfb did not start within 5 s")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
