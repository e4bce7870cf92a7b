"""Clocks: every one speaks aware UTC, and the test clocks only move when told to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.clock import Clock, FixedClock, ManualClock, SystemClock, as_utc

NEW_YORK = ZoneInfo("America/New_York")


def test_system_clock_returns_aware_utc_close_to_now() -> None:
    before = datetime.now(UTC)
    now = SystemClock().now()
    after = datetime.now(UTC)
    assert now.tzinfo is UTC
    assert before <= now <= after


def test_fixed_clock_converts_a_zoned_instant_to_utc() -> None:
    clock = FixedClock(datetime(2026, 3, 7, 16, 0, tzinfo=NEW_YORK))
    assert clock.now() == datetime(2026, 3, 7, 21, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_fixed_clock_never_moves() -> None:
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    assert clock.now() == clock.now() == datetime(2026, 1, 1, tzinfo=UTC)


def test_manual_clock_advances_by_real_elapsed_time_across_spring_forward() -> None:
    clock = ManualClock(datetime(2026, 3, 7, 16, 0, tzinfo=NEW_YORK))
    clock.advance(timedelta(hours=24))
    local = clock.now().astimezone(NEW_YORK)
    assert (local.date().isoformat(), local.hour) == ("2026-03-08", 17)


def test_manual_clock_can_be_set_and_moved_back_for_previews() -> None:
    clock = ManualClock(datetime(2026, 1, 1, tzinfo=UTC))
    clock.set(datetime(2026, 1, 10, 9, 30, tzinfo=UTC))
    assert clock.now() == datetime(2026, 1, 10, 9, 30, tzinfo=UTC)
    clock.advance(timedelta(days=-2))
    assert clock.now() == datetime(2026, 1, 8, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("make", [FixedClock, ManualClock])
def test_test_clocks_refuse_naive_datetimes(make: type[FixedClock] | type[ManualClock]) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        make(datetime(2026, 1, 1, 12, 0))


def test_manual_clock_set_refuses_naive_datetime() -> None:
    clock = ManualClock(datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.set(datetime(2026, 1, 2))


@pytest.mark.parametrize(
    "clock",
    [SystemClock(), FixedClock(datetime(2026, 1, 1, tzinfo=UTC)), ManualClock(datetime.now(UTC))],
)
def test_every_clock_satisfies_the_clock_protocol(clock: Clock) -> None:
    assert isinstance(clock, Clock)
    assert clock.now().utcoffset() == timedelta(0)


def test_as_utc_keeps_the_instant() -> None:
    ambiguous_second = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1)
    assert as_utc(ambiguous_second) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
