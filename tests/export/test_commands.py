"""export-ics and export-handout from the command line: same plan as the window, clear errors.

Every export here runs on the test pack (tests/fixtures: makeup 30 real hours, sun protection 10
calendar days, next session 35 days) through --content-pack, so a change to a shipped timing
never breaks them."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar, Event
from pypdf import PdfReader

from app.cli import main
from tests.conftest import REPO
from tests.fixtures.testpack import TEXT

WHEN = ["--treated-at", "2026-03-07T16:00", "--tz", "America/New_York"]
ARGS = WHEN  # with "--content-pack <the test pack>" added for every test, just below
MAKEUP = TEXT.rule("makeup").milestone
CLINIC_TOML = """\
format = 1
[clinic]
name = "Test Clinic"
{phone}
[protocol]
makeup = {{ amount = 48, unit = "hours" }}
"""


@pytest.fixture(autouse=True)
def _exports_use_the_test_pack(test_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "ARGS", [*WHEN, "--content-pack", str(test_pack)])


def _clinic_config(tmp_path: Path, phone: str = "") -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(CLINIC_TOML.format(phone=f'phone = "{phone}"' if phone else ""), "utf-8")
    return path


def _events(path: Path) -> dict[str, Event]:
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def _starts(path: Path) -> dict[str, datetime]:
    events = _events(path)
    return {
        summary: event.decoded("DTSTART").astimezone(UTC)
        for summary, event in events.items()
        if isinstance(event.decoded("DTSTART"), datetime)
    }


def _pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)  # Qt's PDF writer maps spaces to a glyph read as tabs


def test_export_ics_writes_the_plan_across_the_spring_change(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    assert main(["export-ics", *ARGS, "--out", str(out)]) == 0
    # 16:00 EST on 7 March plus 30 real hours is 23:00 EDT on 8 March (03:00 UTC on the 9th).
    assert _starts(out)[MAKEUP] == datetime(2026, 3, 9, 3, 0, tzinfo=UTC)


def test_clinic_timings_and_words_reach_the_calendar_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    config = _clinic_config(tmp_path, "+1 555 0100")  # makeup 48 hours
    assert main(["export-ics", *ARGS, "--clinic-config", str(config), "--out", str(out)]) == 0
    # 16:00 EST plus 48 real hours is 17:00 EDT on 9 March.
    assert _starts(out)[MAKEUP] == datetime(2026, 3, 9, 21, 0, tzinfo=UTC)
    events = _events(out)
    # The clinic set makeup, and only makeup: its words there, the default's everywhere else.
    assert "Test clinic: no makeup for 48 hours." in str(events[MAKEUP]["DESCRIPTION"])
    for summary, event in events.items():
        description = str(event["DESCRIPTION"])
        assert description.endswith("\nTest Clinic: +1 555 0100")
        if summary != MAKEUP:
            assert "Test default:" in description and "Test clinic:" not in description


def test_the_program_wide_content_pack_option_counts_for_exports(
    tmp_path: Path, test_pack: Path
) -> None:
    out = tmp_path / "plan.ics"
    assert main(["--content-pack", str(test_pack), "export-ics", *WHEN, "--out", str(out)]) == 0
    assert MAKEUP in _starts(out)


def test_export_handout_writes_a_pdf_with_the_dates(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    assert main(["export-handout", *ARGS, "--out", str(out)]) == 0
    text = _pdf_text(out)
    assert "Sun 8 Mar" in text and "Tue 17 Mar" in text  # makeup; sun care, 10 days later
    assert "Test default: many clinics say no makeup for 30 hours." in text
    assert "Phone: ____" in text.split("Your treatment")[0]  # no clinic config: a line for it


def test_export_handout_with_a_clinic_config_uses_its_words_and_phone(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    config = _clinic_config(tmp_path, "+1 555 0100")
    assert main(["export-handout", *ARGS, "--clinic-config", str(config), "--out", str(out)]) == 0
    text = _pdf_text(out)
    assert "Test clinic: no makeup for 48 hours." in text
    assert "Test default: many clinics say no hard sweating for 60 hours." in text
    assert "+1 555 0100" in text and "____" not in text.split("Warning signs")[0]


@pytest.mark.parametrize(
    "make", [lambda tmp: tmp / "missing", lambda tmp: tmp], ids=["missing", "empty"]
)
def test_a_content_pack_that_cannot_be_used_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path]
) -> None:
    pack = make(tmp_path)
    out = tmp_path / "plan.ics"
    assert main(["export-ics", *WHEN, "--content-pack", str(pack), "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert str(pack) in error and ("not found" in error or "validate-pack" in error)
    assert len(error.splitlines()) == 1
    assert not out.exists()


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


def _export(out: Path, *extra: str) -> int:
    return main(["export-ics", *ARGS, "--out", str(out), *extra])


def test_an_existing_file_is_kept_unless_force_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    out.write_bytes(b"the patient's own file")
    assert _export(out) == 2
    error = capsys.readouterr().err.strip()
    assert error.endswith(f"{out} already exists; add --force to replace it")
    assert len(error.splitlines()) == 1
    assert out.read_bytes() == b"the patient's own file"
    assert _export(out, "--force") == 0
    assert b"BEGIN:VCALENDAR" in out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]  # no temporary left


@pytest.mark.skipif(os.name != "posix", reason="POSIX mode bits")
def test_a_read_only_file_is_never_replaced_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    out.write_bytes(b"kept")
    out.chmod(0o444)  # root could write it anyway: the mode bits decide
    assert _export(out, "--force") == 2
    assert "read-only" in capsys.readouterr().err
    assert out.read_bytes() == b"kept"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.ics"
    os.mkfifo(path)
    return path


def _link_to_folder(tmp_path: Path) -> Path:
    (tmp_path / "folder").mkdir()
    link = tmp_path / "link.ics"
    link.symlink_to(tmp_path / "folder")
    return link


def _link_to_null(tmp_path: Path) -> Path:
    link = tmp_path / "null.ics"
    link.symlink_to("/dev/null")
    return link


def _dangling_link(tmp_path: Path) -> Path:
    link = tmp_path / "dangling.ics"
    link.symlink_to(tmp_path / "nowhere" / "plan.ics")
    return link


@pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links are POSIX here")
@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: Path("/dev/null"), "not a regular file"),
        (_fifo, "not a regular file"),
        (lambda tmp: tmp, "it is a folder"),
        (_link_to_folder, "it is a folder"),
        (_link_to_null, "not a regular file"),
        (_dangling_link, "does not exist"),
    ],
    ids=["dev-null", "fifo", "folder", "link-to-folder", "link-to-dev-null", "dangling-link"],
)
@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_alone(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    says: str,
    force: bool,
) -> None:
    out = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    kind = out.stat().st_mode if out.exists() else None
    assert _export(out, *(["--force"] if force else [])) == 2
    error = capsys.readouterr().err.strip()
    assert says in error and len(error.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    if kind is not None:
        assert stat.S_IFMT(out.stat().st_mode) == stat.S_IFMT(kind)


def test_a_link_to_a_regular_file_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    assert _export(link) == 2  # it exists: --force needed
    assert _export(link, "--force") == 0
    assert link.is_symlink() and b"BEGIN:VCALENDAR" in real.read_bytes()


def test_a_file_that_appears_while_writing_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.export import files

    out = tmp_path / "plan.ics"
    real_save = files.save_calendar

    def save_after_someone_else(*args: object, **kwargs: object) -> None:
        out.write_bytes(b"written meanwhile")
        real_save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "save_calendar", save_after_someone_else)
    assert _export(out) == 2
    assert "add --force" in capsys.readouterr().err
    assert out.read_bytes() == b"written meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


@pytest.mark.parametrize("command", ["export-ics", "export-handout"])
@pytest.mark.parametrize(
    ("when", "zone"),
    [
        ("0001-01-01T00:00", "Asia/Tokyo"),
        ("0001-01-01T00:00", "America/New_York"),
        ("9999-12-31T23:00", "Pacific/Kiritimati"),
        ("9999-11-30T16:00", "Europe/London"),
        ("1899-12-31T12:00", "Europe/London"),
        ("3000-01-01T12:00", "Europe/London"),
    ],
)
def test_an_out_of_range_year_gets_one_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, when: str, zone: str
) -> None:
    out = tmp_path / "plan.out"
    code = main([command, "--treated-at", when, "--tz", zone, "--out", str(out)])
    assert code == 2
    error = capsys.readouterr().err.strip()
    assert "out of range" in error and "Traceback" not in error
    assert len(error.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


_UMASK_000 = "import os, sys; os.umask(0); from app.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and umask")
def test_exports_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    for command, name in (("export-ics", "plan.ics"), ("export-handout", "plan.pdf")):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, "-c", _UMASK_000, command, *ARGS, "--out", str(out)],
            env=env,
            cwd=REPO,
            check=True,
            timeout=120,
        )
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {
        "plan.ics": 0o600,
        "plan.pdf": 0o600,
    }


def test_the_handout_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"kept")
    assert main(["export-handout", *ARGS, "--out", str(out)]) == 2
    assert out.read_bytes() == b"kept"
    assert main(["export-handout", *ARGS, "--out", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]
