"""The kiosk's usage counts file and `kiosk-stats`: per day, written only in batches and at exit,
owner-only, and a damaged or unwritable file never stops the counting."""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app import kiosk_usage
from app.cli import main
from app.domain.clock import ManualClock
from app.kiosk_usage import (
    DAMAGED_NAME,
    FILE_NAME,
    FileUsageCounter,
    UsageCounter,
    counts_path,
    usage_counter,
)

NEW_YORK = ZoneInfo("America/New_York")
# 22:30 in New York on Sunday 29 November: already Monday in UTC, so the day must be the kiosk's.
EVENING = datetime(2026, 11, 30, 3, 30, tzinfo=UTC)


def _visit(counter: UsageCounter, *screens: str, preview: bool = False) -> None:
    counter.visit_started()
    for screen in screens:
        counter.screen_viewed(screen)
    if preview:
        counter.preview_made()
        counter.qr_shown()
        counter.counting_prints(lambda _plan: True)(object())
    counter.visit_ended()


def _days(path: Path) -> dict[str, dict[str, int]]:
    days: dict[str, dict[str, int]] = json.loads(path.read_bytes())["days"]
    return days


@pytest.fixture
def counter(tmp_path: Path) -> FileUsageCounter:
    return FileUsageCounter(tmp_path / FILE_NAME, ManualClock(EVENING), NEW_YORK, flush_after=5)


def test_counts_add_up_per_day_on_the_kiosk_clock(counter: FileUsageCounter) -> None:
    clock = counter._clock
    assert isinstance(clock, ManualClock)
    _visit(counter, "start", "learn", "learn")
    _visit(counter, "start", "preview", preview=True)
    clock.advance(timedelta(hours=12))  # Monday morning in New York
    _visit(counter, "start", "warning")
    counter.close()

    assert _days(counter.path) == {
        "2026-11-29": {
            "visits": 2,
            "previews": 1,
            "qr_codes": 1,
            "prints": 1,
            "screen:start": 2,
            "screen:learn": 1,  # opened twice in one visit: one visit that opened it
            "screen:preview": 1,
        },
        "2026-11-30": {"visits": 1, "screen:start": 1, "screen:warning": 1},
    }
    assert stat.S_IMODE(counter.path.stat().st_mode) == 0o600
    assert [p.name for p in counter.path.parent.iterdir()] == [FILE_NAME]  # no temp file left


def test_the_file_changes_only_after_several_visits_or_at_exit(counter: FileUsageCounter) -> None:
    for _ in range(4):
        _visit(counter, "start")
    assert not counter.path.exists()  # four visits: one visitor's steps cannot be told apart
    _visit(counter, "start")
    assert _days(counter.path)["2026-11-29"]["visits"] == 5
    counter.visit_started()
    counter.screen_viewed("learn")
    assert _days(counter.path)["2026-11-29"]["visits"] == 5  # never in the middle of a visit
    counter.close()  # the kiosk stops: the visit on the screen ends and is counted
    assert _days(counter.path)["2026-11-29"] == {"visits": 6, "screen:start": 5, "screen:learn": 1}


def test_counts_already_in_the_file_are_kept(counter: FileUsageCounter) -> None:
    counter.path.write_text('{"format": 1, "days": {"2026-11-01": {"visits": 7}}}')
    _visit(counter, "start")
    counter.close()
    assert _days(counter.path) == {
        "2026-11-01": {"visits": 7},
        "2026-11-29": {"visits": 1, "screen:start": 1},
    }


def test_a_damaged_file_is_kept_aside_and_the_good_counts_carry_on(
    counter: FileUsageCounter, caplog: pytest.LogCaptureFixture
) -> None:
    damaged = b'{"format": 1, "days": {"2026-11-01": {"visits": 7}, "x": 1, "2026-11-02": "?"}}'
    counter.path.write_bytes(damaged)
    _visit(counter, "start")
    with caplog.at_level(logging.WARNING):
        counter.close()
    assert _days(counter.path) == {
        "2026-11-01": {"visits": 7},
        "2026-11-29": {"visits": 1, "screen:start": 1},
    }
    assert (counter.path.parent / DAMAGED_NAME).read_bytes() == damaged
    assert "damaged" in caplog.text


def test_a_file_that_is_not_json_starts_counting_afresh(counter: FileUsageCounter) -> None:
    counter.path.write_bytes(b"\x00garbage")
    _visit(counter, "start")
    counter.close()
    assert _days(counter.path) == {"2026-11-29": {"visits": 1, "screen:start": 1}}


def test_a_failing_write_logs_once_and_keeps_counting_in_memory(
    counter: FileUsageCounter, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes, **_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    with monkeypatch.context() as patched:
        patched.setattr(kiosk_usage, "write_atomically", disk_full)
        with caplog.at_level(logging.WARNING):
            for _ in range(10):
                _visit(counter, "start")  # two failed writes, no exception
    assert caplog.text.count("keeps counting in memory") == 1
    assert "No space left" in caplog.text
    assert not counter.path.exists()
    counter.close()  # the disk has room again: nothing was lost
    assert _days(counter.path)["2026-11-29"]["visits"] == 10


def test_a_file_that_cannot_be_read_is_never_replaced(
    counter: FileUsageCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter.path.write_text('{"format": 1, "days": {"2026-11-01": {"visits": 7}}}')

    def refused(path: Path, *_: object, **__: object) -> bytes:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    with monkeypatch.context() as patched:
        patched.setattr(kiosk_usage, "read_regular_file", refused)
        _visit(counter, "start")
        assert counter.flush() is False
    assert _days(counter.path) == {"2026-11-01": {"visits": 7}}
    assert counter.flush() is True  # readable again: the visit is added, not lost
    assert _days(counter.path)["2026-11-29"]["visits"] == 1


def test_with_the_option_off_nothing_counts_and_nothing_is_written(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    off = usage_counter(config, False, ManualClock(EVENING), NEW_YORK)
    assert type(off) is UsageCounter
    _visit(off, "start", preview=True)
    off.close()
    assert list(tmp_path.iterdir()) == []
    on = usage_counter(config, True, ManualClock(EVENING), NEW_YORK)
    assert isinstance(on, FileUsageCounter) and on.path == tmp_path / FILE_NAME


# kiosk-stats ---------------------------------------------------------------------------------


@pytest.fixture
def config_with_counts(tmp_path: Path) -> Path:
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk]\nusage_counts = true\n")
    counts_path(config).write_text(
        json.dumps(
            {
                "format": 1,
                "days": {
                    "2026-11-30": {"visits": 1, "screen:warning": 1},
                    "2026-11-29": {"visits": 12, "prints": 3, "screen:learn/risks": 4},
                },
            }
        )
    )
    return config


def test_kiosk_stats_prints_a_table_per_day(
    config_with_counts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kiosk-stats", "--clinic-config", str(config_with_counts)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == ["date", "visits", "previews", "QR", "codes", "prints"]
    assert lines[3].split() == ["2026-11-29", "12", "0", "0", "3"]
    assert lines[4].split() == ["2026-11-30", "1", "0", "0", "0"]
    assert ["2026-11-29", "learn/risks", "4"] in [line.split() for line in lines]
    assert ["2026-11-30", "warning", "1"] in [line.split() for line in lines]


def test_kiosk_stats_prints_csv_with_a_header(
    config_with_counts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The program's own --clinic-config, before the command, works too.
    assert main(["--clinic-config", str(config_with_counts), "kiosk-stats", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "date,counter,count",
        "2026-11-29,visits,12",
        "2026-11-29,previews,0",
        "2026-11-29,qr_codes,0",
        "2026-11-29,prints,3",
        "2026-11-29,screen:learn/risks,4",
        "2026-11-30,visits,1",
        "2026-11-30,previews,0",
        "2026-11-30,qr_codes,0",
        "2026-11-30,prints,0",
        "2026-11-30,screen:warning,1",
    ]


def test_kiosk_stats_says_when_there_are_no_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("")
    assert main(["kiosk-stats", "--clinic-config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "No usage counts" in out and "usage_counts = true" in out
    assert list(tmp_path.iterdir()) == [config]  # reading never writes


def test_kiosk_stats_shows_what_a_damaged_file_still_holds(
    config_with_counts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = counts_path(config_with_counts)
    path.write_text('{"format": 1, "days": {"2026-11-29": {"visits": 2}, "bad": {}}}')
    assert main(["kiosk-stats", "--csv", "--clinic-config", str(config_with_counts)]) == 1
    captured = capsys.readouterr()
    assert "2026-11-29,visits,2" in captured.out
    assert "'bad'" in captured.err
