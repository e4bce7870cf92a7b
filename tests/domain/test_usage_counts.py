"""The kiosk's usage counts as data: per day, a visit's steps as totals only, bounded, and a
damaged file read for whatever is still good in it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from app.domain.clinic import clinic_config_from_mapping
from app.domain.usage_counts import (
    KEEP_DAYS,
    MAX_COUNT,
    VisitTally,
    add_day,
    csv_rows,
    merged,
    parse,
    pruned,
    serialize,
)


def test_a_visit_counts_each_screen_once_and_keeps_no_order() -> None:
    visit = VisitTally("2026-11-29", previews=2, qr_codes=1)
    for screen in ("start", "learn", "learn/risks", "start", "learn/risks", "warning"):
        visit.screens.add(screen)
    assert visit.totals() == {
        "visits": 1,
        "previews": 2,
        "qr_codes": 1,
        "screen:start": 1,
        "screen:learn": 1,
        "screen:learn/risks": 1,
        "screen:warning": 1,
    }


def test_a_screen_id_that_is_not_a_plain_name_is_not_counted() -> None:
    visit = VisitTally("2026-11-29", screens={"learn/../x", "", "a" * 65, "ok-id"})
    assert visit.totals() == {"visits": 1, "screen:ok-id": 1}


def test_days_add_up_and_stay_apart() -> None:
    counts: dict[str, dict[str, int]] = {}
    add_day(counts, "2026-11-29", {"visits": 1, "screen:learn": 1})
    add_day(counts, "2026-11-29", {"visits": 1, "prints": 1})
    add_day(counts, "2026-11-30", {"visits": 1})
    assert counts == {
        "2026-11-29": {"visits": 2, "screen:learn": 1, "prints": 1},
        "2026-11-30": {"visits": 1},
    }
    assert merged(counts, {"2026-11-30": {"visits": 4}})["2026-11-30"] == {"visits": 5}
    add_day(counts, "2026-11-30", {"visits": MAX_COUNT})
    assert counts["2026-11-30"]["visits"] == MAX_COUNT  # capped, never a huge number


def test_only_the_last_400_days_are_kept() -> None:
    today = date(2026, 11, 29)
    counts = {(today - timedelta(days=n)).isoformat(): {"visits": 1} for n in range(500)}
    counts["2099-01-01"] = {"visits": 1}  # a clock that ran ahead for a while
    kept = pruned(counts, today)
    assert len(kept) == KEEP_DAYS
    assert (today - timedelta(days=KEEP_DAYS - 1)).isoformat() not in kept  # the bound holds
    assert today.isoformat() in kept and "2099-01-01" in kept


def test_the_file_format_reads_back_as_written() -> None:
    counts = {"2026-11-30": {"visits": 1}, "2026-11-29": {"screen:learn/risks": 3, "visits": 2}}
    data = serialize(counts)
    assert parse(data) == (counts, [])
    document = json.loads(data)
    assert document["format"] == 1
    assert list(document["days"]) == ["2026-11-29", "2026-11-30"]  # sorted: no order of events
    assert set(document) == {"format", "days"}  # no timestamp anywhere


def test_a_damaged_file_keeps_what_is_still_good() -> None:
    data = json.dumps(
        {
            "format": 1,
            "days": {
                "2026-11-29": {"visits": 2, "prints": -1, "patient": 1, "screen:x": "3"},
                "2026-11-30T10:00": {"visits": 1},
                "2026-02-30": {"visits": 1},
                "2026-12-01": [1, 2],
                "2026-12-02": {"visits": 1},
            },
        }
    ).encode()
    counts, problems = parse(data)
    assert counts == {"2026-11-29": {"visits": 2}, "2026-12-02": {"visits": 1}}
    assert len(problems) == 6
    assert any("2026-11-30T10:00" in problem for problem in problems)


def test_a_file_that_is_not_json_gives_no_counts_and_says_why() -> None:
    for data in (b"", b"{\x00", b'{"days": 3}', b"[]", b"\xff\xfe", b"[" * 100_000):
        counts, problems = parse(data)
        assert counts == {} and len(problems) == 1, data[:10]


def test_csv_rows_give_every_fixed_counter_for_every_day() -> None:
    rows = list(csv_rows({"2026-11-29": {"visits": 2, "screen:learn": 1}}))
    assert rows == [
        ("2026-11-29", "visits", 2),
        ("2026-11-29", "previews", 0),
        ("2026-11-29", "qr_codes", 0),
        ("2026-11-29", "prints", 0),
        ("2026-11-29", "screen:learn", 1),
    ]


def test_usage_counts_are_off_unless_the_clinic_config_says_true() -> None:
    source = Path("clinic.toml")
    assert clinic_config_from_mapping({}, source, ())[0].kiosk_usage_counts is False
    on, problems = clinic_config_from_mapping({"kiosk": {"usage_counts": True}}, source, ())
    assert on.kiosk_usage_counts is True and problems == []
    for wrong in ("yes", 1):
        config, problems = clinic_config_from_mapping(
            {"kiosk": {"usage_counts": wrong, "idle_seconds": 45}}, source, ()
        )
        assert config.kiosk_usage_counts is False  # a mistake never turns counting on
        assert config.kiosk_idle_seconds == 45  # and the good values stay
        assert [p.field for p in problems] == ["kiosk.usage_counts"]
        assert "expected true or false" in problems[0].message
