"""The kiosk PIN: stored only as a salted scrypt hash; wrong PINs lock the keypad for longer."""

from __future__ import annotations

import base64
import hashlib
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.clinic import load_clinic_config
from app.domain.clock import ManualClock
from app.domain.kiosk_pin import (
    FREE_TRIES,
    LOCK_FIRST,
    LOCK_MAX,
    MAX_MEMORY,
    MAX_N,
    PinError,
    PinGate,
    check_new_pin,
    check_pin_format,
    hash_new_pin,
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


SALT = "MDEyMzQ1Njc4OWFiY2RlZg=="  # 16 bytes
DIGEST = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="  # 32 bytes


def _stored(n: int, r: int, p: int, salt: str = SALT, digest: str = DIGEST) -> str:
    return f"scrypt$n={n},r={r},p={p}${salt}${digest}"


@pytest.mark.parametrize(
    ("n", "r", "p"),
    [(2**10, 8, 1), (2**13, 8, 1), (2**14, 4, 1), (2**14, 8, 0), (2**15, 1, 1)],
)
def test_costs_too_weak_to_protect_the_pin_are_refused(n: int, r: int, p: int) -> None:
    with pytest.raises(PinError, match="too weak"):
        parse_pin_hash(_stored(n, r, p))


@pytest.mark.parametrize(
    ("n", "r", "p"),
    [
        (2**18, 1, 1),  # n beyond 2**17
        (2**17, 8, 1),  # 128 MiB
        (2**16, 16, 1),  # 128 MiB
        (2**14, 64, 1),  # r beyond 32
        (2**14, 8, 5),  # p beyond 4
        (2**30, 8, 1),
    ],
)
def test_costs_that_would_hang_the_kiosk_are_refused(n: int, r: int, p: int) -> None:
    with pytest.raises(PinError, match="too high"):
        parse_pin_hash(_stored(n, r, p))


@pytest.mark.parametrize(
    ("n", "r", "p"),
    [(2**14, 8, 1), (2**17, 4, 1), (2**16, 8, 1), (2**14, 32, 1), (2**14, 8, 4)],
)
def test_costs_within_bounds_are_accepted_and_still_checked(n: int, r: int, p: int) -> None:
    stored = parse_pin_hash(_stored(n, r, p))
    assert (stored.n, stored.r, stored.p) == (n, r, p)
    assert 128 * r * n <= MAX_MEMORY


def test_the_costliest_accepted_hash_is_checked_in_under_two_seconds() -> None:
    salt = b"0123456789abcdef"
    n, r, p = MAX_N, MAX_MEMORY // (128 * MAX_N), 1
    digest = hashlib.scrypt(b"2468", salt=salt, n=n, r=r, p=p, dklen=32, maxmem=2 * MAX_MEMORY)
    text = _stored(n, r, p, base64.b64encode(salt).decode(), base64.b64encode(digest).decode())
    stored = parse_pin_hash(text)
    started = time.perf_counter()
    assert stored.matches("2468")
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    ("salt", "digest"),
    [
        (base64.b64encode(b"s" * 8).decode(), DIGEST),  # salt too short
        (base64.b64encode(b"s" * 65).decode(), DIGEST),  # salt too long
        (SALT, base64.b64encode(b"d" * 16).decode()),  # hash too short
        (SALT, base64.b64encode(b"d" * 65).decode()),  # hash too long
    ],
)
def test_salt_and_hash_lengths_outside_bounds_are_refused(salt: str, digest: str) -> None:
    with pytest.raises(PinError, match="length"):
        parse_pin_hash(_stored(2**14, 8, 1, salt, digest))


@pytest.mark.parametrize("n", ["3", "16385", "0", "9" * 11, "9" * 5000])
def test_odd_or_absurd_numbers_are_refused_quickly(n: str) -> None:
    with pytest.raises(PinError):
        parse_pin_hash(f"scrypt$n={n},r=8,p=1${SALT}${DIGEST}")


def test_a_hash_outside_the_bounds_reaches_staff_as_a_config_problem(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text(f'[kiosk]\npin_hash = "{_stored(2**20, 8, 1)}"\n', encoding="utf-8")
    loaded, problems = load_clinic_config(config, [])
    assert loaded.kiosk_pin is None
    assert any("too high" in str(problem) for problem in problems)


@pytest.mark.parametrize(
    ("pin", "reason"),
    [
        ("12345", "6 to 12 digits"),
        ("1234567890123", "6 to 12 digits"),
        ("12a456", "digits only"),
        ("000000", "repeats one digit"),
        ("99999999", "repeats one digit"),
        ("123456", "counts up or down"),
        ("012345", "counts up or down"),
        ("654321", "counts up or down"),
        ("890123", "counts up or down"),  # through 9 to 0, as on a keypad's row
        ("135791", "counts up or down"),
        ("121212", "repeats a short block"),
        ("123123", "repeats a short block"),
        ("1231231", "repeats a short block"),
        ("45674567", "repeats a short block"),
    ],
)
def test_a_new_pin_that_is_short_a_sequence_or_a_repeat_is_refused_with_the_reason(
    pin: str, reason: str
) -> None:
    with pytest.raises(PinError, match=reason):
        check_new_pin(pin)


@pytest.mark.parametrize("pin", ["98765", "99999999", "890123", "45674567"])
def test_a_refused_pin_is_never_echoed_in_the_reason(pin: str) -> None:
    with pytest.raises(PinError) as refused:  # the reason may reach a terminal's log
        check_new_pin(pin)
    assert pin not in str(refused.value)


@pytest.mark.parametrize("pin", ["246813", "514273", "975318", "120934", "314159265358"])
def test_a_new_pin_without_a_pattern_is_accepted_and_hashed(pin: str) -> None:
    assert check_new_pin(pin) == pin
    assert parse_pin_hash(hash_new_pin(pin)).matches(pin)


def test_a_pin_stored_before_the_new_rules_still_opens_the_kiosk() -> None:
    # Hashes of 4-digit PINs set earlier keep working until staff set a new PIN.
    assert parse_pin_hash(hash_pin("2468")).matches("2468")
