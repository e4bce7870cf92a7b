"""export-ics and export-handout from the command line: same plan as the window, clear errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from app.cli import main
from tests.conftest import REPO

ARGS = ["--treated-at", "2026-03-07T16:00", "--tz", "America/New_York"]


def _starts(path: Path) -> dict[str, datetime]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(event["SUMMARY"]): event.decoded("DTSTART").astimezone(UTC)
        for event in calendar.walk("VEVENT")
    }


def test_export_ics_writes_the_plan_across_the_spring_change(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    assert main(["export-ics", *ARGS, "--out", str(out)]) == 0
    starts = _starts(out)
    # 16:00 EST on 7 March plus 24 real hours is 17:00 EDT on 8 March (21:00 UTC).
    assert starts["You can wear makeup again"] == datetime(2026, 3, 8, 21, 0, tzinfo=UTC)


def test_clinic_timings_reach_the_calendar_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    config = REPO / "resources" / "clinic.example.toml"  # makeup 48 hours
    assert main(["export-ics", *ARGS, "--clinic-config", str(config), "--out", str(out)]) == 0
    assert _starts(out)["You can wear makeup again"] == datetime(2026, 3, 9, 21, 0, tzinfo=UTC)


def test_export_handout_writes_a_pdf_with_the_dates(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    assert main(["export-handout", *ARGS, "--out", str(out)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    text = " ".join(text.split())  # Qt's PDF writer maps spaces to a glyph pypdf reads as tabs
    assert "Sun 8 Mar" in text and "Sat 21 Mar" in text


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--treated-at", "2026-03-07T16:00", "--tz", "Mars/Olympus"], "unknown time zone"),
        (["--treated-at", "2026-02-30T16:00", "--tz", "Europe/London"], "not a date and time"),
        (["--treated-at", "2026-03-08T02:30", "--tz", "America/New_York"], "did not exist"),
    ],
)
def test_a_bad_argument_gets_one_line_and_no_file(
    arguments: list[str], says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    assert main(["export-ics", *arguments, "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert says in error and len(error.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_path_gets_one_line_and_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for out in (tmp_path / "missing" / "plan.ics", tmp_path):
        assert main(["export-ics", *ARGS, "--out", str(out)]) == 2
        assert "cannot write" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_clinic_config_is_a_bad_argument(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    code = main(
        ["export-ics", *ARGS, "--clinic-config", str(tmp_path / "no.toml"), "--out", str(out)]
    )
    assert code == 2 and "not found" in capsys.readouterr().err
    assert not out.exists()
