"""The reader loads nothing outside the pack even when a check upstream were missed.

ScreenView draws a screen with a ClosedTextDocument, which answers every picture it was not
given with an empty one and reads no file, and render_svg reads only a regular, capped,
self-contained drawing. These tests hand the reader screens the pack loader would refuse.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from app.domain.pack import Screen, ScreenMeta
from app.ui.images import render_svg
from app.ui.screens.screen_view import ScreenView
from tests.conftest import REPO
from tests.content.conftest import SVG

IMAGE = QTextDocument.ResourceType.ImageResource.value
needs_fifo = pytest.mark.skipif(os.name != "posix", reason="FIFOs as on POSIX")


def _screen(body: str, images: tuple[tuple[str, Path], ...] = ()) -> Screen:
    meta = ScreenMeta(id="x", title="A screen", order=1, summary="Short.", sources=["S1"])
    return Screen(
        meta=meta, body=body, path=Path("x.md"), file="en/screens/01-x.md", language="en",
        images=images,
    )  # fmt: skip


def _shown(qtbot: QtBot, screen: Screen) -> ScreenView:
    view = ScreenView(lambda _id: None)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_screen(screen, {})
    view.grab()  # lays the document out and draws it: every picture is asked for now
    return view


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A red picture outside any pack, also reachable as "secret.png" from the working folder."""
    picture = QImage(20, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    path = tmp_path / "secret.png"
    assert picture.save(str(path))
    monkeypatch.chdir(tmp_path)
    return path


def test_the_reader_never_reads_a_picture_it_was_not_given(qtbot: QtBot, outside: Path) -> None:
    names = [str(outside), outside.as_uri(), "secret.png", "../secret.png"]
    body = (
        f'![a]({names[0]}) ![b][r] ![c](secret.png)\n\n<img src="../secret.png">\n\n'
        f"[r]: {names[1]}\n"
    )

    view = _shown(qtbot, _screen(body))

    for name in names:
        picture = view.document().resource(IMAGE, QUrl(name))
        assert isinstance(picture, QImage) and picture.size().width() == 1, name


def test_the_reader_draws_a_body_picture_from_its_checked_location(
    qtbot: QtBot, tmp_path: Path
) -> None:
    drawing = tmp_path / "pack" / "illustrations" / "skin.svg"
    drawing.parent.mkdir(parents=True)
    drawing.write_text(SVG, encoding="utf-8")

    view = _shown(
        qtbot,
        _screen("![A drawing](illustrations/skin.svg)", (("illustrations/skin.svg", drawing),)),
    )

    picture = view.document().resource(IMAGE, QUrl("illustrations/skin.svg"))
    assert isinstance(picture, QImage) and picture.width() > 1


READ_A_FIFO = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.domain.pack import Screen, ScreenMeta
from app.ui.images import render_svg
from app.ui.screens.screen_view import ScreenView

fifo = Path(sys.argv[1])
app = QApplication([])
meta = ScreenMeta(id="x", title="A screen", order=1, summary="Short.", sources=["S1"])
screen = Screen(meta=meta, body=f"![x]({fifo}) ![y](pipe.svg)", path=Path("x.md"),
                file="x.md", language="en", images=(("pipe.svg", fifo),),
                illustration_path=fifo)
view = ScreenView(lambda _id: None)
view.resize(600, 400)
view.show_screen(screen, {})
view.grab()
print("drawn", render_svg(fifo) is None, flush=True)
"""


@needs_fifo
def test_a_fifo_named_by_a_picture_never_blocks_the_reader(tmp_path: Path) -> None:
    # In a process of its own: Qt retries a blocked open() itself, so nothing in this
    # process could stop it; the timeout can.
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}

    done = subprocess.run(
        [sys.executable, "-c", READ_A_FIFO, str(fifo)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "drawn True" in done.stdout


@pytest.mark.parametrize(
    "inside",
    ['<image href="{outside}"/>', '<rect style="fill: url({outside}#a)"/>'],
)
def test_render_svg_refuses_a_drawing_that_names_another_file(
    tmp_path: Path, outside: Path, inside: str
) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        + inside.format(outside=outside)
        + "</svg>",
        encoding="utf-8",
    )

    assert render_svg(path) is None


@pytest.mark.skipif(os.name == "nt", reason="creating symbolic links needs extra rights")
def test_render_svg_refuses_a_link_and_draws_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.svg"
    real.write_text(SVG, encoding="utf-8")
    (tmp_path / "link.svg").symlink_to(real)

    assert render_svg(tmp_path / "link.svg") is None
    image = render_svg(real, width=40)
    assert image is not None and image.width() == 40
