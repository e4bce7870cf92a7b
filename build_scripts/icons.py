"""The app icon for installers, drawn from resources/icons/app.svg (the one source of the icon).

- PNGs at the sizes the Linux hicolor theme wants (48, 128, 256 px), for the .deb;
- a Windows .ico and a macOS .icns, each holding PNG images (both formats allow PNG entries:
  Windows Vista and later, macOS 10.7 and later), for the PyInstaller spec. Writing them here
  spares the build an image library (PyInstaller would need Pillow to convert them).
Usage: python build_scripts/icons.py OUT_FOLDER   (writes app-<size>.png, app.ico, app.icns)
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_SVG = REPO / "resources" / "icons" / "app.svg"
HICOLOR_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
# ICNS element types that hold PNG data, by pixel size (Apple's icns format).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size pixels on a transparent background, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts, should it have text
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode {svg} at {size} px as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico file whose images are the given PNGs (size in px -> PNG bytes)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns file whose elements are the given PNGs (size in px -> PNG bytes)."""
    body = b""
    for size in sorted(pngs):
        kind = ICNS_TYPES.get(size)
        if kind is None:
            raise ValueError(f"icns has no PNG element for {size} px; sizes: {list(ICNS_TYPES)}")
        body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out: Path, svg: Path = APP_SVG) -> dict[str, Path]:
    """Write app-<size>.png for the hicolor sizes, app.ico and app.icns into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | {512})
    pngs = {size: render_png(svg, size) for size in sizes}
    written: dict[str, Path] = {}
    for size in HICOLOR_SIZES:
        path = out / f"app-{size}.png"
        path.write_bytes(pngs[size])
        written[f"png{size}"] = path
    written["ico"] = out / "app.ico"
    written["ico"].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    written["icns"] = out / "app.icns"
    written["icns"].write_bytes(icns_bytes({s: pngs[s] for s in (16, 32, 64, 128, 256, 512)}))
    return written


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[-1], file=sys.stderr)
        return 2
    for path in write_icons(Path(sys.argv[1])).values():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
