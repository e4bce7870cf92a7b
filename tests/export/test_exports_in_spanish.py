"""The handout and the calendar file in the patient's language: --language es gives Spanish
words (Qt's translation) around the Spanish content (the pack's es folder) and Spanish dates."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

from app.cli import main
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))

WHEN = ["--treated-at", "2026-03-07T16:00", "--tz", "America/New_York"]


def _milestone(test_pack: Path, language: str) -> str:
    words = tomllib.loads((test_pack / language / "aftercare.toml").read_text("utf-8"))
    return str(words["rules"]["makeup"]["milestone"])


def test_the_calendar_file_is_in_spanish_with_language_es(
    tmp_path: Path, test_pack: Path, spanish: None
) -> None:
    out = tmp_path / "plan.ics"
    args = ["export-ics", *WHEN, "--content-pack", str(test_pack), "--language", "es"]
    assert main([*args, "--out", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Cuidados después del microneedling"
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert _milestone(test_pack, "es") in summaries
    assert _milestone(test_pack, "en") not in summaries
    descriptions = " ".join(str(event.get("DESCRIPTION", "")) for event in calendar.walk("VEVENT"))
    assert "Desde las" in descriptions  # "From about 5:30 PM on Sunday." in Spanish
    assert re.search(r"\b(lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b", descriptions)


def test_the_handout_is_in_spanish_with_language_es(
    tmp_path: Path, test_pack: Path, spanish: None
) -> None:
    out = tmp_path / "plan.pdf"
    args = ["export-handout", *WHEN, "--content-pack", str(test_pack), "--language", "es"]
    assert main([*args, "--out", str(out)]) == 0
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Su plan de cuidados" in text
    assert "Lista de cada día" in text
    assert "Your aftercare plan" not in text
    assert re.search(r"\b(sáb|dom|lun)\.? 7? ?", text)


def test_without_a_language_the_exports_stay_as_they_were(tmp_path: Path, test_pack: Path) -> None:
    out = tmp_path / "plan.ics"
    assert main(["export-ics", *WHEN, "--content-pack", str(test_pack), "--out", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Microneedling aftercare"
