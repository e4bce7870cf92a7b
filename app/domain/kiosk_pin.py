"""The kiosk's staff PIN: stored only as a salted scrypt hash, checked with wrong tries limited.

The clinic config keeps one string, written by `set-kiosk-pin`:

    scrypt$n=16384,r=8,p=1$<salt, base64>$<hash, base64>

The cost parameters travel with the hash, so a later version can raise them and still check PINs
set earlier. A kiosk stands in a public room and its config file may be read by anyone with the
computer, so the PIN itself is never stored, and a wrong-PIN limit slows guessing at the screen.
"""

import base64
import binascii
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from app.domain.clock import Clock

PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 12  # what a stored hash may have been made from
NEW_PIN_MIN_DIGITS = 6  # a new PIN: 10**6 choices, so guessing at the keypad takes years
SALT_BYTES = 16
HASH_BYTES = 32
# scrypt's interactive-login costs (16 MiB of memory, ~50 ms here): cheap for one check at the
# screen, expensive for someone who copied the config and tries every PIN offline.
DEFAULT_N, DEFAULT_R, DEFAULT_P = 2**14, 8, 1

# Bounds on a stored hash, checked when it is read. Below them, a copied config gives the PIN
# away cheaply; above them, one check could take seconds or more memory than the kiosk has, and
# staff must always be able to close it. The defaults sit at the lower bounds.
MIN_N, MAX_N = 2**14, 2**17
MAX_R = 32
MAX_P = 4  # each step of p repeats the whole memory-hard work
MIN_MEMORY = 128 * DEFAULT_R * DEFAULT_N  # scrypt needs 128 * r * n bytes: 16 MiB here
MAX_MEMORY = 64 * 1024 * 1024
SALT_LENGTHS = range(SALT_BYTES, 65)
HASH_LENGTHS = range(HASH_BYTES, 65)
# At most 10 digits per cost: a longer number is never sane, and int() of a huge one is slow.
_FORMAT = re.compile(
    r"scrypt\$n=(\d{1,10}),r=(\d{1,10}),p=(\d{1,10})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)"
)

# After FREE_TRIES wrong PINs in a row, each further wrong PIN locks the keypad for a while,
# doubling each time up to LOCK_MAX: 3 free tries, then 30 s, 60 s, 120 s, ... 15 min.
FREE_TRIES = 3
LOCK_FIRST = timedelta(seconds=30)
LOCK_MAX = timedelta(minutes=15)


class PinError(ValueError):
    """A PIN or a stored hash that cannot be used; the message says why, in plain words."""


def check_pin_format(pin: str) -> str:
    """The PIN if it is 4 to 12 digits, else PinError. Digits only: the kiosk shows a keypad.
    This is the shape any stored PIN had; a PIN chosen now must also pass check_new_pin."""
    if not pin.isascii() or not pin.isdigit():
        raise PinError("a PIN is digits only (0-9)")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinError(f"a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits, not {len(pin)}")
    return pin


def check_new_pin(pin: str) -> str:
    """The PIN if staff may choose it now, else PinError saying why in plain words: digits
    only, NEW_PIN_MIN_DIGITS to PIN_MAX_DIGITS of them, and not one of the PINs tried first
    (digits in even steps like 123456, 654321 or 135791; one digit repeated like 000000; a
    short block repeated like 121212 or 123123)."""
    if not pin.isascii() or not pin.isdigit():
        raise PinError("a PIN is digits only (0-9)")
    if not NEW_PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinError(
            f"a new PIN has {NEW_PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits, not {len(pin)}"
        )
    digits = [int(ch) for ch in pin]
    steps = {(b - a) % 10 for a, b in pairwise(digits)}
    if steps == {0}:
        # The PIN itself is never echoed: messages may reach a terminal log.
        raise PinError("the PIN repeats one digit (like 000000), a PIN tried first; choose another")
    if len(steps) == 1:
        raise PinError(
            "the PIN counts up or down in even steps (like 123456 or 654321), a PIN tried "
            "first; choose digits without a pattern"
        )
    for size in range(2, len(pin) // 2 + 1):
        if all(pin[i] == pin[i % size] for i in range(len(pin))):
            raise PinError(
                "the PIN repeats a short block of digits (like 121212 or 123123), which is "
                "easy to guess; choose digits without a pattern"
            )
    return pin


def hash_new_pin(pin: str) -> str:
    """The string to store for a PIN staff choose now: checked by check_new_pin, then hashed."""
    return hash_pin(check_new_pin(pin))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def scrypt(secret: bytes, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    """scrypt (RFC 7914) through libsodium, which PyNaCl already brings for the setup bundles'
    signatures: hashlib.scrypt would need OpenSSL's libcrypto (4.5 MiB) in the bundle for this
    alone. The same function, so a hash made by either checks with the other."""
    from nacl.bindings import crypto_pwhash_scryptsalsa208sha256_ll

    return bytes(
        crypto_pwhash_scryptsalsa208sha256_ll(
            secret, salt, n, r, p, dklen=length, maxmem=2 * MAX_MEMORY
        )
    )


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The string to store for `pin`, with a new random salt unless one is given (tests)."""
    check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = scrypt(pin.encode("ascii"), salt, DEFAULT_N, DEFAULT_R, DEFAULT_P, HASH_BYTES)
    return f"scrypt$n={DEFAULT_N},r={DEFAULT_R},p={DEFAULT_P}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def matches(self, pin: str) -> bool:
        if not pin.isascii() or not pin.isdigit():
            return False
        tried = scrypt(pin.encode("ascii"), self.salt, self.n, self.r, self.p, len(self.digest))
        return hmac.compare_digest(tried, self.digest)  # same time for every wrong PIN


def parse_pin_hash(text: str) -> PinHash:
    """Read a stored hash; PinError says what is wrong (shown to staff with the config's name)."""
    found = _FORMAT.fullmatch(text.strip())
    if found is None:
        raise PinError(
            'expected a hash written by "microneedling-companion set-kiosk-pin" '
            "(scrypt$n=...,r=...,p=...$salt$hash); run that command to set the PIN"
        )
    n, r, p = (int(found.group(i)) for i in (1, 2, 3))
    _check_costs(n, r, p)
    try:
        salt = base64.b64decode(found.group(4), validate=True)
        digest = base64.b64decode(found.group(5), validate=True)
    except (binascii.Error, ValueError) as error:
        reason = f"the salt or hash is not valid base64 ({error}); set the PIN again"
        raise PinError(reason) from None
    if len(salt) not in SALT_LENGTHS or len(digest) not in HASH_LENGTHS:
        raise PinError(
            f"the salt ({len(salt)} bytes) or hash ({len(digest)} bytes) is not of a length "
            f"set-kiosk-pin writes ({SALT_LENGTHS.start} to {SALT_LENGTHS.stop - 1} bytes, "
            f"{HASH_LENGTHS.start} to {HASH_LENGTHS.stop - 1}); set the PIN again"
        )
    return PinHash(n, r, p, salt, digest)


def _check_costs(n: int, r: int, p: int) -> None:
    costs = f"n={n}, r={r}, p={p}"
    again = "set the PIN again with set-kiosk-pin"
    if n < 2 or n & (n - 1):
        raise PinError(f"the scrypt cost n={n} is not a power of two; {again}")
    memory = 128 * r * n
    if n < MIN_N or r < 1 or p < 1 or memory < MIN_MEMORY:
        raise PinError(
            f"the scrypt costs {costs} are too weak to protect the PIN (at least n={MIN_N} "
            f"and {MIN_MEMORY // 2**20} MiB of memory, 128 * r * n); {again}"
        )
    if n > MAX_N or r > MAX_R or p > MAX_P or memory > MAX_MEMORY:
        raise PinError(
            f"the scrypt costs {costs} are too high: checking a PIN would take too long or "
            f"too much memory (at most n={MAX_N}, r={MAX_R}, p={MAX_P} and "
            f"{MAX_MEMORY // 2**20} MiB, 128 * r * n); {again}"
        )


@dataclass(frozen=True)
class Attempt:
    accepted: bool
    locked_until: datetime | None  # set when the keypad is locked after this attempt


class PinGate:
    """Checks PINs against one stored hash, locking the keypad after repeated wrong PINs.

    Held in memory only: the kiosk writes nothing, so a restart clears the count (a restart
    needs the computer itself, which is the staff's anyway)."""

    def __init__(self, stored: PinHash | None, clock: Clock) -> None:
        self._stored = stored
        self._clock = clock
        self._wrong = 0
        self._locked_until: datetime | None = None

    @property
    def has_pin(self) -> bool:
        return self._stored is not None

    def locked_for(self) -> timedelta:
        """How long until the next try is allowed; zero when it is allowed now."""
        if self._locked_until is None:
            return timedelta(0)
        return max(self._locked_until - self._clock.now(), timedelta(0))

    def try_pin(self, pin: str) -> Attempt:
        if self._stored is None:
            return Attempt(False, None)
        if self.locked_for() > timedelta(0):
            # Refused without checking: a try while locked neither counts nor can succeed.
            return Attempt(False, self._locked_until)
        if self._stored.matches(pin):
            self._wrong = 0
            self._locked_until = None
            return Attempt(True, None)
        self._wrong += 1
        if self._wrong >= FREE_TRIES:
            doublings = self._wrong - FREE_TRIES
            lock = min(LOCK_FIRST * (2 ** min(doublings, 16)), LOCK_MAX)
            self._locked_until = self._clock.now() + lock
        return Attempt(False, self._locked_until)
