"""The three warning levels come from one source, and every surface shows the same signs: Learn's
"Is this normal?" and "When should I get help?", the Warning signs area, About, the printed
handout (read back from the PDF) and the kiosk. On each, every sign of the model stands under its
own level's title, and no sign is shown at two levels. The pack is the tests' own
(tests/warning_pack.py), so this pins how the app shows a model, not what the shipped one says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.checkin import Triage
from app.domain.checkin_words import card_words
from app.domain.plan import build_plan
from app.domain.warnings import LEVELS, Level
from app.export.handout import build_handout, write_pdf
from app.render.content_provider import ContentProvider
from app.render.images import image_fragments
from app.ui.screens.about import AboutScreen
from app.ui.screens.learn import LearnArea
from app.ui.screens.level_boxes import LEVEL_PROPERTY
from app.ui.screens.warning_signs import WarningSignsArea
from app.ui.theme import LIGHT
from tests.warning_pack import SIGNS, build_warning_pack, sign_texts

TITLES = {
    "emergency": "Rare but urgent: dial 999 now",
    "call_today": "Phone your clinic today",
    "office_hours": "Phone your clinic in office hours",
}
ALL = tuple(level.value for level in LEVELS)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_warning_pack(tmp_path_factory.mktemp("warning-pack") / "pack")


@pytest.fixture
def provider(pack: Path, qapp: QApplication) -> ContentProvider:
    provider = ContentProvider(pack, language="en")
    provider.load()
    assert not provider.content().used_fallback, provider.content().problems
    provider.region = "GB"
    return provider


def _flat(text: str) -> str:
    # NFKC: a PDF's "ﬃ" ligature reads back as one character.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def assert_signs_under_their_titles(text: str, shown: Sequence[str] = ALL) -> None:
    """Each level in `shown` in the model's order, every one of its signs once between its title
    and the next level's; no other level's sign anywhere."""
    text = _flat(text)
    at = {level: text.index(TITLES[level]) for level in shown}
    assert sorted(shown, key=at.__getitem__) == [level for level in ALL if level in shown]
    ends = [*(at[level] for level in shown[1:]), len(text)]
    for level, end in zip(shown, ends, strict=True):
        part = text[at[level] : end]
        for sign in sign_texts(level):
            assert part.count(sign) == 1, (level, sign)
    for level in SIGNS:
        for sign in sign_texts(level):
            assert text.count(sign) == (1 if level in shown else 0), sign


def _boxes(document: QTextDocument) -> list[tuple[str, str, str]]:
    """(level, background, first line) of each level box, in order."""
    found = []
    for frame in document.rootFrame().childFrames():
        level = frame.frameFormat().property(LEVEL_PROPERTY)
        if level:
            first = document.findBlock(frame.firstPosition()).text()
            background = frame.frameFormat().background().color().name().upper()
            found.append((str(level), background, first))
    return found


def _assert_boxed(document: QTextDocument, levels: Sequence[str]) -> None:
    colours = {
        "emergency": LIGHT.emergency_bg,
        "call_today": LIGHT.caution_bg,
        "office_hours": LIGHT.background,
    }
    words = {"emergency": "Emergency", "call_today": "Call today", "office_hours": "Office hours"}
    boxes = _boxes(document)
    assert [box[0] for box in boxes] == list(levels)
    for level, background, first in boxes:
        assert background == colours[level]  # red only for the emergency, amber for today
        assert first.startswith("\ufffc") and words[level] in first  # its icon, then its word
    icons = [picture.name() for _p, _l, picture in image_fragments(document)]
    assert [name for name in icons if name.startswith("mnc-level:")] == [
        f"mnc-level:{level}" for level in levels
    ]


@pytest.mark.parametrize("screen_id", ["normal-or-not", "warning-signs"])
def test_learn_screens_show_every_sign_under_its_level(
    qtbot: QtBot, provider: ContentProvider, screen_id: str
) -> None:
    area = LearnArea(provider, lambda: LIGHT)
    qtbot.addWidget(area)
    area.open_screen(screen_id)
    assert area.current_screen_id() == screen_id
    assert_signs_under_their_titles(area.view.toPlainText())
    _assert_boxed(area.view.document(), ALL)
    if screen_id == "normal-or-not":  # the author's own words stay, between the levels
        text = area.view.toPlainText()
        assert text.index(TITLES["emergency"]) < text.index("What is normal?")
        assert text.index("What is normal?") < text.index(TITLES["call_today"])
        assert "The number to call is 999." in text


def test_the_warning_signs_area_shows_every_level_emergency_first(
    qtbot: QtBot, provider: ContentProvider
) -> None:
    area = WarningSignsArea(provider, lambda: LIGHT, lambda _id: None)
    qtbot.addWidget(area)
    text = area.view.toPlainText()
    assert_signs_under_their_titles(text)
    _assert_boxed(area.view.document(), ALL)
    assert "What do I say?" in text  # the author's words around the block
    # No clinic phone set: a pointer to set it, never a placeholder's words.
    assert "Add your clinic's phone in Settings." in text
    assert "your clinic's phone number" not in text


def test_a_screen_without_every_level_is_replaced_by_the_model_in_the_area(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    pack = build_warning_pack(tmp_path / "pack")
    screen = pack / "en" / "screens" / "05-warning-signs.md"
    text = screen.read_text(encoding="utf-8").replace("{{warning_signs}}", "- Only my list.")
    screen.write_text(text, encoding="utf-8")
    provider = ContentProvider(pack, language="en")
    provider.region = "GB"
    area = WarningSignsArea(provider, lambda: LIGHT, lambda _id: None)
    qtbot.addWidget(area)
    provider.load()
    assert_signs_under_their_titles(area.view.toPlainText())
    assert "Only my list." not in area.view.toPlainText()


def test_about_shows_the_emergency_level_in_the_emergency_style(
    qtbot: QtBot, provider: ContentProvider
) -> None:
    about = AboutScreen(None, None, provider, lambda: LIGHT)
    qtbot.addWidget(about)
    card = about.emergency
    assert card.property("role") == "emergency" and card.property("level") == "emergency"
    assert card.word.text() == "Emergency" and not card.icon.pixmap().isNull()
    text = "\n".join(label.text() for label in about.findChildren(QLabel))
    assert_signs_under_their_titles(text, ["emergency"])
    assert not any(
        label.property("role") == "caution" for label in about.findChildren(QLabel)
    )  # the old amber box is gone


@pytest.mark.parametrize("phone", ["", "+44 20 7946 0000"])
def test_the_handout_shows_every_sign_under_its_level(
    provider: ContentProvider, tmp_path: Path, phone: str
) -> None:
    pack = provider.content()
    plan = build_plan(
        datetime(2026, 3, 7, 21, tzinfo=UTC), ZoneInfo("Europe/London"), pack.protocol, pack.text
    )
    out = tmp_path / "handout.pdf"
    document = build_handout(plan, provider, clinic_phone=phone)
    write_pdf(document, out)
    reader = PdfReader(out)
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) <= 2
    assert_signs_under_their_titles(text)
    for word in ("Emergency", "Call today", "Office hours"):
        assert f"{word} – " in text  # each level's word beside its title
    icons = [p.name() for _p, _l, p in image_fragments(document) if "level-" in p.name()]
    assert icons == [f"mnc-handout:level-{level}" for level in ALL]
    if phone:
        assert text.count(f"Clinic phone: {phone}") == 2  # call today and office hours
    else:  # a line to write the number on, never the placeholder's words
        assert text.count("Clinic phone: ____") == 2
        assert "your clinic's phone number" not in text


@pytest.fixture
def kiosk_window(qtbot: QtBot, pack: Path, app_style: QApplication) -> Iterator[object]:
    from app.domain.clock import ManualClock
    from app.ui.application import GuiOptions
    from app.ui.kiosk.run import build_kiosk

    options = GuiOptions(content_pack=str(pack), kiosk=True)
    clock = ManualClock(datetime(2026, 11, 24, 15, 10, tzinfo=UTC))
    window, notices = build_kiosk(app_style, options, clock, None, "", lambda _plan: False)
    assert notices == []
    qtbot.addWidget(window)
    yield window
    window.allow_close()


def test_the_kiosk_warning_screen_shows_every_sign_under_its_level(kiosk_window: object) -> None:
    from app.ui.kiosk.shell import KioskWindow

    assert isinstance(kiosk_window, KioskWindow)
    kiosk_window._content.region = "GB"  # the clinic's region, as a clinic config sets it
    kiosk_window.begin_visit()
    assert kiosk_window.visit is not None
    area = kiosk_window.visit.area("warning")
    assert isinstance(area, WarningSignsArea)
    text = area.view.toPlainText()
    assert_signs_under_their_titles(text)
    _assert_boxed(area.view.document(), ALL)
    assert "Ask at the desk for the clinic's phone number." in text  # no Settings on a kiosk


@pytest.mark.parametrize("level", list(LEVELS))
def test_the_check_in_card_names_each_level_as_the_other_surfaces_do(
    provider: ContentProvider, level: Level
) -> None:
    words = card_words(Triage(level), provider.warnings().text, provider.warning_values())
    shown = provider.level_words(level)
    assert (words.label, words.title, words.action) == (shown.label, shown.title, shown.action)
    assert _flat(shown.title) == TITLES[level.value]
