"""The check-in summary for the clinic: every day on paper, the note as the patient wrote it,
written in one step, and made without the window's code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from app.domain.checkin import CheckIn, Severity
from app.domain.checkin_words import triaged_history
from app.export.checkin_summary import Summary, build_summary, save_summary
from tests.checkin_model import make_warnings
from tests.conftest import REPO

TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo("America/New_York"))


def summary_of(days: list[CheckIn]) -> Summary:
    warnings = make_warnings()
    return Summary(
        treated_at=TREATED,
        days=triaged_history(days, warnings.model),
        model=warnings.model,
        text=warnings.text,
        values={"emergency_number": "999", "clinic_name": "your clinic"},
        clinic_name="",
        made_on=date(2026, 3, 22),
    )


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text), len(reader.pages)


def test_fifteen_long_days_run_onto_more_pages_and_every_day_is_there(tmp_path: Path) -> None:
    note = "Line one of the day <b>not bold</b> & *not markdown*.\nLine two. " + "x" * 1700
    days = [
        CheckIn(date(2026, 3, 6) + timedelta(days=n), n, {"redness": Severity(n % 4)}, note=note)
        for n in range(1, 16)
    ]
    out = tmp_path / "summary.pdf"
    save_summary(summary_of(days), out)
    text, pages = pdf_text(out)
    assert pages >= 2
    assert all(f"Day {n}:" in text for n in range(1, 16))
    assert "<b>not bold</b> & *not markdown*. Line two." in text  # the note, word for word
    assert "Result: Call today." in text  # the days answered "severe": 3, 7, 11 and 15
    assert "Warning questions: 0 yes, 0 no, 3 not answered." in text  # never "all no"


def test_an_empty_summary_says_so() -> None:
    document = build_summary(summary_of([]))
    assert "No check-ins yet." in document.toPlainText()


def test_a_summary_that_cannot_be_written_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        save_summary(summary_of([]), tmp_path / "missing-folder" / "summary.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_summary_is_made_without_the_windows_code() -> None:
    probe = (
        "import sys, app.export.checkin_summary; "
        "print(sorted(m for m in sys.modules if m.startswith('app.ui')))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
