"""The PyInstaller bundle: it runs its self-test offscreen and on X11, it fits its size budget,
it carries what the app uses and leaves out what it does not."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import selftest
from tests.packaging.conftest import Artifacts, need_tool, package, sandbox_env

pytestmark = pytest.mark.packaging

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_scripts"))
from bench import BUNDLE_BUDGET_MIB  # noqa: E402


def self_test(artifacts: Artifacts, home: Path, *args: str, **env: str) -> tuple[int, str]:
    home.mkdir(exist_ok=True)
    result = subprocess.run(
        [str(artifacts.executable), "--self-test", *args],
        capture_output=True,
        text=True,
        env=sandbox_env(home, **env),
        cwd=home,
        timeout=180,
    )
    return result.returncode, result.stdout + result.stderr


def assert_all_checks_passed(output: str) -> None:
    for check in selftest.CHECKS:
        assert re.search(rf"^ok   {re.escape(check.name)}: ", output, re.MULTILINE), output
    assert f"self-test passed: {len(selftest.CHECKS)} checks" in output, output


def test_self_test_passes_offscreen(artifacts: Artifacts, tmp_path: Path) -> None:
    # No QT_QPA_PLATFORM: the self-test chooses offscreen itself.
    code, output = self_test(artifacts, tmp_path / "home")
    assert code == 0, output
    assert_all_checks_passed(output)
    assert "on the offscreen platform" in output
    # The bundle's own resources, not the checkout's.
    assert f"resources: {artifacts.bundle}" in output


def test_self_test_passes_on_a_virtual_x_screen(
    artifacts: Artifacts, tmp_path: Path, x_display: str
) -> None:
    code, output = self_test(artifacts, tmp_path / "home", QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    assert code == 0, output
    assert_all_checks_passed(output)
    assert "on the xcb platform" in output


def test_the_same_executable_runs_the_kiosk(
    artifacts: Artifacts, tmp_path: Path, x_display: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    kiosk = subprocess.Popen(
        [str(artifacts.executable), "--kiosk"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=sandbox_env(home, QT_QPA_PLATFORM="xcb", DISPLAY=x_display),
        cwd=home,
    )
    try:
        time.sleep(5)  # it loads the content pack and starts its loop; a broken bundle dies
        still_running = kiosk.poll() is None
    finally:
        kiosk.terminate()
        _, errors = kiosk.communicate(timeout=30)
    assert still_running, errors
    assert "as a kiosk" in errors and "Traceback" not in errors, errors


def test_self_test_in_the_bundle_fails_with_the_reason(
    artifacts: Artifacts, tmp_path: Path
) -> None:
    empty = tmp_path / "not-a-pack"
    empty.mkdir()
    code, output = self_test(artifacts, tmp_path / "home", "--content-pack", str(empty))
    assert code == 1, output
    assert re.search(
        rf"^FAIL content pack: {re.escape(str(empty))} could not be used", output, re.M
    )


def test_the_bundle_fits_its_size_budget(artifacts: Artifacts) -> None:
    size_mib = package.bundle_size(artifacts.bundle) / 2**20
    assert size_mib <= BUNDLE_BUDGET_MIB, f"{size_mib:.1f} MiB > {BUNDLE_BUDGET_MIB} MiB"


def files(artifacts: Artifacts) -> list[str]:
    internal = artifacts.bundle / "_internal"
    return sorted(p.relative_to(internal).as_posix() for p in internal.rglob("*"))


def python_modules(artifacts: Artifacts) -> set[str]:
    """The modules compiled into the executable's archive (PYZ)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(artifacts.executable))
    pyz = next(name for name in archive.toc if name.endswith(".pyz"))
    return set(archive.open_embedded_archive(pyz).toc)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux file names")
def test_the_bundle_leaves_out_what_the_app_never_uses(artifacts: Artifacts) -> None:
    present = files(artifacts)
    unwanted = [
        r"^PySide6/Qt/translations/(?!qtbase_es\.qm$)",  # Qt's, but those the app installs
        r"^PySide6/Qt/qml/",
        r"libQt6(Quick|Qml|Pdf|VirtualKeyboard|WaylandClient|EglFS|OpenGL)",
        r"/plugins/(wayland-|egldeviceintegrations|generic|tls|networkinformation|sqldrivers)",
        r"/plugins/platforms/(?!libqxcb\.so|libqoffscreen\.so)",
        r"/plugins/imageformats/(?!libqsvg\.so)",
        r"/plugins/platforminputcontexts/libqtvirtualkeyboard",
        r"/plugins/platformthemes/libqgtk3",
        r"(^|/)lib(gtk|gdk|pango|cairo|atk|gnutls|cups|dbus|systemd|avahi)[-.]",
        # QtNetwork (the single-instance check uses Python's socket) and what only it needed.
        r"(^|/)(libQt6Network|QtNetwork)[.]",
        r"(^|/)lib(krb5|gssapi_krb5|k5crypto|ssl)[.]",
        # TLS, CJK codecs and concurrency modules the app never imports.
        r"/lib-dynload/_(ssl|multibytecodec|codecs_\w+|asyncio|multiprocessing|bz2|lzma)\.",
    ]
    found = [name for name in present for rule in unwanted if re.search(rule, name)]
    assert found == []
    modules = python_modules(artifacts)
    dev_only = {"mypy", "hypothesis", "pytest", "_pytest", "pytestqt", "pypdf", "PyInstaller"}
    assert sorted(m for m in modules if m.split(".")[0] in dev_only) == []
    assert "PySide6.QtDBus" not in modules and "PySide6.QtQml" not in modules
    unused = {"PySide6.QtNetwork", "ssl", "asyncio", "multiprocessing", "concurrent", "xmlrpc"}
    assert sorted(m for m in modules if m in unused or m.split(".")[0] in unused) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux file names")
def test_the_bundle_carries_what_the_app_uses(artifacts: Artifacts) -> None:
    present = set(files(artifacts))
    plugins = "PySide6/Qt/plugins/"
    for needed in (
        plugins + "platforms/libqxcb.so",
        plugins + "platforms/libqoffscreen.so",
        plugins + "imageformats/libqsvg.so",  # every icon and illustration
        plugins + "iconengines/libqsvgicon.so",
        plugins + "printsupport/libcupsprintersupport.so",  # printing the handout
        plugins + "platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # accents
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "libxcb-cursor.so.0",  # the xcb libraries a fresh desktop may lack
        "libxcb-icccm.so.4",
        "app/resources/content/microneedling-acne-scars/pack.toml",
        "app/resources/icons/app.svg",
        "app/resources/clinic.example.toml",
    ):
        assert needed in present, needed
    modules = python_modules(artifacts)
    # segno is imported lazily by the kiosk; logging and inspect by shiboken from C.
    # No OpenSSL at all: hashlib's own hashes, and the kiosk PIN's scrypt from libsodium.
    assert not any(re.search(r"(^|/)(_hashlib\.|libcrypto\.so)", name) for name in present)
    assert any(re.search(r"(^|/)nacl/_sodium\.", name) for name in present)
    for module in ("segno", "app.selftest", "app.ui.kiosk.qr", "logging", "inspect"):
        assert module in modules, module


def test_no_link_in_the_bundle_points_nowhere(artifacts: Artifacts) -> None:
    dangling = [p for p in artifacts.bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_every_library_the_bundle_leaves_out_comes_from_the_named_debian_package(
    artifacts: Artifacts,
) -> None:
    left_out = package.check_system_libraries(artifacts.bundle)  # SystemExit if one is unknown
    assert {"libGL.so.1", "libxcb.so.1", "libcups.so.2", "libdbus-1.so.3"} <= set(left_out)
    dpkg = need_tool("dpkg", "to find which package provides each library")
    for soname, expected in sorted(left_out.items()):
        owners = subprocess.run([dpkg, "-S", f"*/{soname}"], capture_output=True, text=True).stdout
        if not owners:
            continue  # not on this machine (e.g. the other architecture's loader)
        packages = {line.split(":")[0] for line in owners.splitlines()}
        assert expected in packages, f"{soname}: {expected} expected, dpkg says {packages}"
