"""Every word the kiosk shows goes through Qt's translation: with a pseudo-translation
installed ("[!! … !!]" around every message), a walk of every kiosk screen, the preview's
views, "Still there?" and the staff PIN pad finds no text that is neither wrapped nor the
content pack's own words (tests/ui/pseudo_translation.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from app.render import translation
from app.render.content_provider import ContentProvider
from app.ui.kiosk.preview import PreviewArea
from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import STEADY, MakeKiosk
from tests.ui.pseudo_translation import (
    OPEN,
    pack_fragments,
    untranslated,
    visible_texts,
    write_pseudo_translation,
)


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    folder = tmp_path / "pseudo"
    folder.mkdir()
    write_pseudo_translation(folder, translation.NAME)
    monkeypatch.setattr(translation, "translations_folder", lambda: str(folder))
    default = QLocale()
    translation.install_language("es")
    assert QCoreApplication.translate("Areas", "Learn").startswith(OPEN)
    yield
    translation.install_language("en")
    QLocale.setDefault(default)


def _found(kiosk: KioskWindow, where: str, pack: set[str], wrapped: set[str]) -> list[str]:
    texts = list(visible_texts(kiosk))
    wrapped.update(text for _, text in texts if OPEN in text)
    return [f"{where}: {line}" for line in untranslated(texts, pack)]


def test_every_text_of_the_kiosk_goes_through_translation(
    make_kiosk: MakeKiosk, qtbot: QtBot, pseudo: None, test_pack: Path
) -> None:
    kiosk = make_kiosk(STEADY)
    # The kiosk shows the pack in the language installed: its words are the pack's Spanish.
    content = ContentProvider(test_pack, "es")
    pack = pack_fragments(content.content())
    clinic = kiosk._setup  # the clinic's own name and phone are the clinic's words, not ours
    pack |= {clinic.clinic_name, clinic.clinic_phone}
    wrapped: set[str] = set()
    found = _found(kiosk, "attract", pack, wrapped)
    kiosk.begin_visit()
    assert kiosk.visit is not None
    for key in ("start", "learn", "warning", "preview"):
        kiosk.go(key)
        qtbot.wait(10)
        found += _found(kiosk, key, pack, wrapped)
    preview = kiosk.visit.area("preview")
    assert isinstance(preview, PreviewArea)
    preview.picker.confirm()
    assert preview.result is not None
    for view in range(3):
        preview.result.show_view(view)
        qtbot.wait(10)
        found += _found(kiosk, f"view {view}", pack, wrapped)
    kiosk.still_there.ask(20)
    found += _found(kiosk, "still there", pack, wrapped)
    kiosk.still_there.hide()
    kiosk.pin_pad.open()
    found += _found(kiosk, "pin", pack, wrapped)
    assert not found, "\n".join(sorted(set(found))[:60])
    assert len(wrapped) > 30, "the walk saw almost no translated words: is it walking?"
