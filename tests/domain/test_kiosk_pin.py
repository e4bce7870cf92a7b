"""The kiosk PIN: stored only as a salted scrypt hash; wrong PINs lock the keypad for longer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.kiosk_pin import (
    FREE_TRIES,
    LOCK_FIRST,
    LOCK_MAX,
    PinError,
    PinGate,
    check_pin_format,
    hash_pin,
    parse_pin_hash,
)

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_the_stored_hash_never_contains_the_pin_and_salts_differ() -> None:
    first, second = hash_pin("246810"), hash_pin("246810")
    assert "246810" not in first
    assert first != second  # a new salt each time
    assert first.startswith("scrypt$n=16384,r=8,p=1$")
    assert parse_pin_hash(first).matches("246810")
    assert parse_pin_hash(second).matches("246810")


def test_only_the_right_pin_matches() -> None:
    stored = parse_pin_hash(hash_pin("1234", salt=b"0123456789abcdef"))
    assert stored.matches("1234")
    for wrong in ("1235", "12345", "123", "", "１２３４", "abcd"):
        assert not stored.matches(wrong)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", " 1234", "١٢٣٤"])
def test_a_pin_must_be_4_to_12_ascii_digits(pin: str) -> None:
    with pytest.raises(PinError):
        check_pin_format(pin)


@pytest.mark.parametrize(
    "text",
    [
        "1234",
        "scrypt$n=16384,r=8,p=1$!!$abc",
        "scrypt$n=1000,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3",
        "scrypt$n=1073741824,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$MDEyMzQ1Njc4OWFiY2RlZg==",
        "scrypt$n=16384,r=8,p=1$YQ==$MDEyMzQ1Njc4OWFiY2RlZg==",
        "bcrypt$2b$12$abcdefghijklmnopqrstuv",
    ],
)
def test_a_damaged_or_foreign_hash_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(PinError, match=r"\w"):
        parse_pin_hash(text)


def test_three_wrong_pins_lock_the_keypad_and_the_lock_doubles() -> None:
    clock = ManualClock(START)
    gate = PinGate(parse_pin_hash(hash_pin("4321")), clock)
    for _ in range(FREE_TRIES - 1):
        attempt = gate.try_pin("0000")
        assert not attempt.accepted and attempt.locked_until is None
    attempt = gate.try_pin("0000")
    assert attempt.locked_until == START + LOCK_FIRST
    assert gate.locked_for() == LOCK_FIRST

    # While locked even the right PIN is refused, and the try does not count.
    clock.advance(timedelta(seconds=10))
    assert not gate.try_pin("4321").accepted
    assert gate.locked_for() == LOCK_FIRST - timedelta(seconds=10)

    clock.advance(LOCK_FIRST)
    attempt = gate.try_pin("0000")
    assert attempt.locked_until == clock.now() + 2 * LOCK_FIRST

    clock.advance(2 * LOCK_FIRST)
    assert gate.try_pin("4321").accepted
    assert gate.locked_for() == timedelta(0)
    # A success starts the count again.
    for _ in range(FREE_TRIES - 1):
        assert gate.try_pin("9999").locked_until is None


def test_the_lock_never_grows_past_its_maximum() -> None:
    clock = ManualClock(START)
    gate = PinGate(parse_pin_hash(hash_pin("4321")), clock)
    for _ in range(30):
        gate.try_pin("0000")
        clock.advance(gate.locked_for())
    gate.try_pin("0000")
    assert gate.locked_for() == LOCK_MAX


def test_without_a_stored_pin_nothing_unlocks() -> None:
    gate = PinGate(None, ManualClock(START))
    assert not gate.has_pin
    assert not gate.try_pin("0000").accepted
