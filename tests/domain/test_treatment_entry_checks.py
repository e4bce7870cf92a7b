"""Entering a treatment: a typed time read whole, sessions that are close together found, and
a patient's clinic details checked as a clinic config's are."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.clinic_details import NAME_MAX, PHONE_MAX, DetailProblem, check_name, check_phone
from app.domain.series import TreatmentInput, close_session
from app.domain.typed_time import parse_typed_time

NEW_YORK = "America/New_York"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15:00", time(15, 0)),
        ("1500", time(15, 0)),
        ("15.00", time(15, 0)),
        ("15h30", time(15, 30)),
        (" 15 : 00 ", time(15, 0)),
        ("9", time(9, 0)),
        ("930", time(9, 30)),
        ("3 pm", time(15, 0)),
        ("3:00 PM", time(15, 0)),
        ("3:00\u202fPM", time(15, 0)),  # as CLDR writes it, narrow no-break space
        ("3:00 p.m.", time(15, 0)),
        ("12 am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_a_typed_time_is_read_whole(typed: str, expected: time) -> None:
    assert parse_typed_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "24:00", "25:00", "3:75", "13 pm", "0 am", "15:0", "abc"])
def test_text_that_names_no_time_is_not_a_time(typed: str) -> None:
    assert parse_typed_time(typed) is None


def test_the_locales_own_words_for_morning_and_afternoon_are_read() -> None:
    assert parse_typed_time("下午3:00", am=["上午"], pm=["下午"]) == time(15, 0)
    assert parse_typed_time("3:00 nachm.", am=["vorm."], pm=["nachm."]) == time(15, 0)


def _session(number: int, local: datetime, zone: str = NEW_YORK) -> TreatmentInput:
    return TreatmentInput(number, local.replace(tzinfo=ZoneInfo(zone)), zone)


def test_a_session_within_a_week_is_found_with_its_distance_in_calendar_days() -> None:
    first = _session(1, datetime(2026, 3, 3, 16))
    far = _session(2, datetime(2026, 4, 14, 16))
    later = datetime(2026, 3, 4, 10, tzinfo=ZoneInfo(NEW_YORK))
    close = close_session(later, NEW_YORK, [far, first])
    assert close is not None and close.other == first and close.days_apart == 1
    earlier = close_session(datetime(2026, 2, 28, 9, tzinfo=ZoneInfo(NEW_YORK)), NEW_YORK, [first])
    assert earlier is not None and earlier.days_apart == -3
    same_day = close_session(first.treated_at + timedelta(hours=1), NEW_YORK, [first])
    assert same_day is not None and same_day.days_apart == 0


def test_sessions_over_a_week_apart_are_not_close_and_the_one_changed_is_left_out() -> None:
    first = _session(1, datetime(2026, 3, 3, 16))
    start = first.treated_at.astimezone(UTC)  # real time: the clocks change on 8 March
    assert close_session(start + timedelta(days=7, minutes=1), NEW_YORK, [first]) is None
    assert close_session(start + timedelta(days=7), NEW_YORK, [first]) is not None
    # Changing session 1 by an hour is not "another session close to session 1".
    assert close_session(start + timedelta(hours=1), NEW_YORK, [first], 1) is None


def test_days_apart_are_counted_on_the_new_sessions_clock_across_a_clock_change() -> None:
    # 23:30 on Sat 7 March, then 00:30 on Mon 9 March: 24 real hours, two calendar days.
    first = _session(1, datetime(2026, 3, 7, 23, 30))
    new = datetime(2026, 3, 9, 0, 30, tzinfo=ZoneInfo(NEW_YORK))
    assert (new.astimezone(UTC) - first.treated_at.astimezone(UTC)) == timedelta(hours=24)
    close = close_session(new, NEW_YORK, [first])
    assert close is not None and close.days_apart == 2


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", None),
        ("+1 (555) 010-0199", None),
        ("020 7946 0958", None),
        ("call 555", DetailProblem.NOT_A_PHONE),
        ("555\n0199", DetailProblem.NOT_ONE_LINE),
        ("+-() ", DetailProblem.NO_DIGITS),
        ("1" * (PHONE_MAX + 1), DetailProblem.TOO_LONG),
    ],
)
def test_a_phone_is_digits_spaces_and_plus_brackets_dashes_within_a_cap(
    typed: str, problem: DetailProblem | None
) -> None:
    assert check_phone(typed) is problem


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", None),
        ("Riverside Skin Clinic", None),
        ("Skin & Co (Leeds)", None),
        ("<b>Riverside</b>", DetailProblem.NOT_PLAIN_TEXT),
        ('<img src="file:///etc/passwd">', DetailProblem.NOT_PLAIN_TEXT),
        ("Riverside\tClinic", DetailProblem.NOT_ONE_LINE),
        ("R" * (NAME_MAX + 1), DetailProblem.TOO_LONG),
    ],
)
def test_a_clinic_name_is_one_line_of_plain_text_within_a_cap(
    typed: str, problem: DetailProblem | None
) -> None:
    assert check_name(typed) is problem
