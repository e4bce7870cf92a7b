"""The shipped words are honest about sun care and about who set a timing (content brief,
section 6): no patient-facing text says sun care ends or is over (strict sun avoidance can
ease; sunscreen goes on every day through the whole course), and the handout and calendar say
"Many clinics ask" for the pack's defaults and "Your clinic asks" for what a clinic set.

Patient-facing text here is: every word of the shipped pack (screens, aftercare words, warning
signs), every app string that goes through tr() or translate(), the calendar's own words, and
the .ics file and the PDF handout the commands write, read back with icalendar and pypdf."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from app.cli import main
from app.domain.pack import load_pack
from app.export.ics import CalendarWords
from tests.conftest import REPO

# These tests are about the shipped pack's own words (build_scripts/content_independence.py).
pytestmark = pytest.mark.shipped_content

# "sun ... ends / is over / stops / finished" within a sentence, or "end of ... sun". "Sun" as
# a day ("Sun 8 Mar", "Sunday") is not sun care.
SUN_ENDS = re.compile(
    r"\bsun(?!day|\s\d)\w*\b[^.!?\n]{0,40}?\b(?:ends?|ended|ending|is\s+over|are\s+over|"
    r"stops?|stopped|finish\w*|done)\b"
    r"|\b(?:ends?|ending|stops?|stopping|finish\w*)\b[^.!?\n]{0,25}?\bsun(?!day|\s\d)"
    # The same in Spanish: "el cuidado del sol termina / se acaba", "fin del protector solar".
    r"|\bsol(?:ar)?\b[^.!?\n]{0,40}?\b(?:termina\w*|acaba\w*|se\s+acab\w*|deja\s+de)\b"
    r"|\b(?:fin|final|termina\w*)\b[^.!?\n]{0,25}?\bsol(?:ar)?\b",
    re.IGNORECASE,
)
CLINIC_EXAMPLE = REPO / "resources" / "clinic.example.toml"  # makeup 48 hours, sun 28 days


@pytest.fixture(autouse=True)
def _widgets_application(qapp: QApplication) -> QApplication:
    """A QApplication before export-handout runs: it would otherwise make a bare
    QGuiApplication, and every QWidget a later test in this process makes would abort."""
    return qapp


WHEN = ["--treated-at", "2026-03-07T16:07", "--tz", "America/New_York"]


def _strings(value: object) -> Iterator[str]:
    """Every string in parsed TOML."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _pack_words(pack: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(pack.rglob("*.toml")):
        for text in _strings(tomllib.loads(path.read_text("utf-8"))):
            yield str(path.relative_to(pack)), text
    for path in sorted(pack.rglob("*.md")):
        yield str(path.relative_to(pack)), path.read_text("utf-8")
    for path in sorted(pack.rglob("*.svg")):  # the words in the pictures and their <desc>
        yield str(path.relative_to(pack)), re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))


def _translated(call: ast.Call) -> bool:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    return name in ("tr", "_tr", "translate")


def _app_strings() -> Iterator[tuple[str, str]]:
    """Every string literal handed to tr(), _tr() or translate() in app/."""
    for path in sorted((REPO / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _translated(node):
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        yield str(path.relative_to(REPO)), arg.value


def _ics(tmp_path: Path, *extra: str) -> Calendar:
    out = tmp_path / f"plan{len(extra)}.ics"
    assert main(["export-ics", *WHEN, "--out", str(out), *extra]) == 0
    return Calendar.from_ical(out.read_bytes())


def _handout(tmp_path: Path, *extra: str) -> str:
    out = tmp_path / f"plan{len(extra)}.pdf"
    assert main(["export-handout", *WHEN, "--out", str(out), *extra]) == 0
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))


def _event_words(calendar: Calendar) -> Iterator[str]:
    for event in calendar.walk("VEVENT"):
        yield str(event["SUMMARY"])
        yield str(event["DESCRIPTION"])
        for alarm in event.walk("VALARM"):
            yield str(alarm["DESCRIPTION"])


def test_the_pattern_finds_what_it_is_for() -> None:
    for said in (
        "Strict sun care ends",
        "Your sun protection is over.",
        "the end of sun care",
        "El cuidado del sol termina",
        "Fin del protector solar.",
    ):
        assert SUN_ENDS.search(said), said
    for fine in (
        "Strict sun avoidance can ease",
        "Ya puede relajar el cuidado estricto del sol",
        "From about 5:30 PM on Sun 8 Mar. Ends",
        "Sunday",
    ):
        assert not SUN_ENDS.search(fine), fine


def test_no_shipped_word_says_sun_care_ends(shipped_pack: Path, tmp_path: Path) -> None:
    sources: list[tuple[str, str]] = [*_pack_words(shipped_pack), *_app_strings()]
    english = CalendarWords.english()
    sources += [
        ("CalendarWords", english.from_about),
        ("CalendarWords", english.not_an_appointment),
    ]
    for config in ((), ("--clinic-config", str(CLINIC_EXAMPLE))):
        sources += [(".ics", words) for words in _event_words(_ics(tmp_path, *config))]
        sources += [("handout", _handout(tmp_path, *config))]
    found = [
        f"{where}: ...{text[max(0, m.start() - 30) : m.end() + 30]}..."
        for where, text in sources
        for m in SUN_ENDS.finditer(text)
    ]
    assert found == [], "\n".join(found)
    assert len(sources) > 100  # the scan saw the pack, the app and both exports


def test_the_sun_words_say_it_can_ease_and_sunscreen_goes_on(shipped_pack: Path) -> None:
    text = load_pack(shipped_pack, "en").pack
    assert text is not None
    sun = text.text.rule("sun")
    assert sun.milestone == "Strict sun avoidance can ease"
    for words in (sun.detail, sun.detail_default):
        assert "strict sun avoidance can ease" in words
        assert "SPF 30 or higher every day for your whole course" in words


def test_shipped_exports_say_many_clinics_ask_unless_the_clinic_set_it(tmp_path: Path) -> None:
    calendar = _ics(tmp_path)
    descriptions = [str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")]
    assert descriptions and all("Many clinics" in d for d in descriptions)
    assert not any("Your clinic asks" in d for d in descriptions)
    handout = _handout(tmp_path)
    assert handout.count("Many clinics ask") == 4 and "Your clinic asks" not in handout
    assert handout.count("Check your clinic's sheet.") == 4

    # The example clinic sets makeup and sun: its words there, the defaults' elsewhere.
    config = ("--clinic-config", str(CLINIC_EXAMPLE))
    by_summary = {
        str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in _ics(tmp_path, *config).walk("VEVENT")
    }
    # 16:07 + 48 real hours: 17:07 on Monday, said the later way, in the locale's clock.
    assert re.match(
        r"From about (5:30 PM|17:30) on Monday\.\n", by_summary["You can wear makeup again"]
    )
    assert "Your clinic asks you to wait 48 hours" in by_summary["You can wear makeup again"]
    assert "Your clinic asks you to avoid direct sun" in by_summary["Strict sun avoidance can ease"]
    assert "Many clinics ask" in by_summary["You can work out and swim again"]
    next_session = by_summary["Book or check your next session"]
    assert next_session.startswith("This is a reminder, not an appointment.")
    assert "Many clinics plan it about 4 weeks after this one." in next_session
    handout = _handout(tmp_path, *config)
    assert handout.count("Your clinic asks") == 2 and handout.count("Many clinics ask") == 2


def test_the_timeline_picture_shows_sun_care_from_day_1_and_no_fixed_weeks(
    shipped_pack: Path,
) -> None:
    # Learn's "first days after" screen shows this picture; its alt text says sun care runs
    # the whole way from the first day, and a clinic's own timings must never contradict it.
    # The drawing has no words (numbers only); each language's caption says what they show.
    svg = (shipped_pack / "illustrations" / "recovery-timeline.svg").read_text("utf-8")
    words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert words.split() == ["1", "2", "3", "4"], words
    en = (shipped_pack / "en" / "screens" / "06-first-days-after.md").read_text("utf-8")
    es = (shipped_pack / "es" / "screens" / "06-first-days-after.md").read_text("utf-8")
    caption_en = next(line for line in en.splitlines() if line.startswith("*In the drawing"))
    caption_es = next(line for line in es.splitlines() if line.startswith("*En el dibujo"))
    assert "1 is day 1" in caption_en and "sun care" in caption_en
    assert "el 1 es el día 1" in caption_es and "cuidado del sol" in caption_es
    for caption in (caption_en, caption_es):
        assert not re.search(r"\b(weeks?|semanas?)\b", caption, re.IGNORECASE), caption
    [band] = re.findall(r'<rect x="(\d+)"[^>]*fill="#FFF2B3"', svg)  # the sun-care band
    [day_1] = re.findall(r'<circle cx="(\d+)" cy="200"', svg)[:1]  # the first mark
    assert int(band) <= int(day_1)
    # The redness is shown on more than one skin tone.
    assert "#F6D7C3" in svg and "#7A4A2A" in svg


def test_the_spanish_sun_words_say_it_can_ease_and_sunscreen_goes_on(shipped_pack: Path) -> None:
    pack = load_pack(shipped_pack, "es").pack
    assert pack is not None
    sun = pack.text.rule("sun")
    assert sun.milestone == "Ya puede relajar el cuidado estricto del sol"
    for words in (sun.detail, sun.detail_default):
        assert "puede relajar ese cuidado" in words
        assert "FPS 30 o más cada día durante todo el tratamiento" in words
