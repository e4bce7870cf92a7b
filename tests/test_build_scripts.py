"""The parts of the installer build that need no bundle: icons, translations, templates.

The bundle and the packages themselves are tested in tests/packaging (make test-packaging).
"""

from __future__ import annotations

import re
import shutil
import struct
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QImage

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))

import icons
import package
import translations

from app import APP_ID, __version__


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_icons_are_drawn_at_every_size_from_the_one_svg(tmp_path: Path) -> None:
    written = icons.write_icons(tmp_path)
    for size in icons.HICOLOR_SIZES:
        data = written[f"png{size}"].read_bytes()
        assert png_size(data) == (size, size)
        image = QImage.fromData(data)
        # The icon's teal square fills the middle; the corners stay transparent (rounded).
        assert image.pixelColor(size // 2, size // 4).name() == "#0b6e74"
        assert image.pixelColor(0, 0).alpha() == 0


def test_the_windows_icon_holds_each_size_as_png(tmp_path: Path) -> None:
    data = icons.write_icons(tmp_path)["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index, size in enumerate(icons.ICO_SIZES):
        width, height, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert (width or 256, height or 256) == (size, size)
        assert png_size(data[offset : offset + length]) == (size, size)


def test_the_mac_icon_holds_each_size_as_png(tmp_path: Path) -> None:
    data = icons.write_icons(tmp_path)["icns"].read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    sizes, at = [], 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        width, _ = png_size(data[at + 8 : at + length])
        assert icons.ICNS_TYPES[width] == kind
        sizes.append(width)
        at += length
    assert sizes == [16, 32, 64, 128, 256, 512]


def test_translations_compile_to_files_qt_loads(tmp_path: Path) -> None:
    sources = tmp_path / "ts"
    sources.mkdir()
    (sources / "app_es.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="es">'
        "<context><name>Areas</name><message><source>Learn</source>"
        "<translation>Aprender</translation></message></context></TS>\n",
        encoding="utf-8",
    )
    compiled = translations.compile_translations(sources, tmp_path / "qm")
    assert [p.name for p in compiled] == ["app_es.qm"]
    translator = QTranslator()
    assert translator.load(str(compiled[0]))
    assert translator.translate("Areas", "Learn") == "Aprender"


def test_no_translation_sources_compile_to_nothing(tmp_path: Path) -> None:
    assert translations.compile_translations(tmp_path / "none", tmp_path / "qm") == []


def test_templates_are_filled_and_a_missing_value_is_named(tmp_path: Path) -> None:
    template = tmp_path / "t.in"
    template.write_text("Package: @APP_ID@\nVersion: @VERSION@\n", encoding="utf-8")
    assert package.fill(template, {"APP_ID": APP_ID, "VERSION": __version__}) == (
        f"Package: {APP_ID}\nVersion: {__version__}\n"
    )
    with pytest.raises(SystemExit, match="VERSION"):
        package.fill(template, {"APP_ID": APP_ID})


def test_the_shipped_templates_have_every_value(tmp_path: Path) -> None:
    values = {
        "APP_ID": APP_ID,
        "COMPONENT_ID": package.COMPONENT_ID,
        "VERSION": __version__,
        "DATE": "2026-01-01",
        "ARCH": "amd64",
        "INSTALLED_SIZE": "1",
        "DEPENDS": "libc6",
    }
    for name in ("metainfo.xml.in", "debian-control.in"):
        filled = package.fill(package.PACKAGING / name, values)  # raises on a leftover @KEY@
        assert APP_ID in filled and __version__ in filled


def test_the_desktop_entry_starts_the_command_with_the_apps_icon() -> None:
    entry = (package.PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert re.search(rf"^Exec={APP_ID}$", entry, re.MULTILINE)
    assert re.search(rf"^Icon={APP_ID}$", entry, re.MULTILINE)


def test_the_windows_and_mac_recipes_use_the_apps_names() -> None:
    iss = (REPO / "build_scripts" / "windows" / f"{APP_ID}.iss").read_text(encoding="utf-8")
    assert f'#define AppId "{APP_ID}"' in iss
    assert "dist\\{#AppId}\\*" in iss, "it installs the onedir folder package.py makes"
    dmg = (REPO / "build_scripts" / "macos" / "build-dmg.sh").read_text(encoding="utf-8")
    assert "hdiutil create" in dmg and "companion.spec" in dmg


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("objdump") is None,
    reason="ELF files, read with objdump (binutils)",
)
def test_a_library_the_bundle_lacks_stops_the_build_with_its_name(tmp_path: Path) -> None:
    import PySide6

    # The X11 platform plugin alone: it links Qt's xcb library and the xcb-* libraries, which a
    # bundle must carry, as well as libxcb and libGL, which the system provides.
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy(plugin, bundle)
    lacking = package.unbundled_libraries(bundle)
    assert {"libQt6XcbQpa.so.6", "libxcb.so.1", "libGL.so.1"} <= set(lacking)
    with pytest.raises(SystemExit, match=r"libQt6XcbQpa\.so\.6 \(linked by libqxcb\.so\)") as err:
        package.check_system_libraries(bundle)
    assert "libxcb.so.1" not in str(err.value), "the system's own libraries are not reported"
    assert re.fullmatch(r"2\.\d+", package.glibc_needed(bundle))
