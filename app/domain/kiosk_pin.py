"""The kiosk's staff PIN: stored only as a salted scrypt hash, checked with wrong tries limited.

The clinic config keeps one string, written by `set-kiosk-pin`:

    scrypt$n=16384,r=8,p=1$<salt, base64>$<hash, base64>

The cost parameters travel with the hash, so a later version can raise them and still check PINs
set earlier. A kiosk stands in a public room and its config file may be read by anyone with the
computer, so the PIN itself is never stored, and a wrong-PIN limit slows guessing at the screen.
"""

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.clock import Clock

PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 12
SALT_BYTES = 16
HASH_BYTES = 32
# scrypt's interactive-login costs (16 MiB of memory, ~50 ms here): cheap for one check at the
# screen, expensive for someone who copied the config and tries every PIN offline.
DEFAULT_N, DEFAULT_R, DEFAULT_P = 2**14, 8, 1
_MAX_N = 2**20  # refuse costs that would hang the kiosk (or use a gigabyte) on a typo
_FORMAT = re.compile(r"scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")

# After FREE_TRIES wrong PINs in a row, each further wrong PIN locks the keypad for a while,
# doubling each time up to LOCK_MAX: 3 free tries, then 30 s, 60 s, 120 s, ... 15 min.
FREE_TRIES = 3
LOCK_FIRST = timedelta(seconds=30)
LOCK_MAX = timedelta(minutes=15)


class PinError(ValueError):
    """A PIN or a stored hash that cannot be used; the message says why, in plain words."""


def check_pin_format(pin: str) -> str:
    """The PIN if it is 4 to 12 digits, else PinError. Digits only: the kiosk shows a keypad."""
    if not pin.isascii() or not pin.isdigit():
        raise PinError("a PIN is digits only (0-9)")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinError(f"a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits, not {len(pin)}")
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The string to store for `pin`, with a new random salt unless one is given (tests)."""
    check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=DEFAULT_N, r=DEFAULT_R, p=DEFAULT_P, dklen=HASH_BYTES
    )
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
        tried = hashlib.scrypt(
            pin.encode("ascii"),
            salt=self.salt,
            n=self.n,
            r=self.r,
            p=self.p,
            dklen=len(self.digest),
            maxmem=256 * 1024 * 1024,
        )
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
    if n < 2 or n & (n - 1) or n > _MAX_N or not 1 <= r <= 32 or not 1 <= p <= 16:
        raise PinError(f"the scrypt costs n={n}, r={r}, p={p} are out of range; set the PIN again")
    try:
        salt = base64.b64decode(found.group(4), validate=True)
        digest = base64.b64decode(found.group(5), validate=True)
    except (binascii.Error, ValueError) as error:
        reason = f"the salt or hash is not valid base64 ({error}); set the PIN again"
        raise PinError(reason) from None
    if len(salt) < 8 or len(digest) < 16:
        raise PinError("the salt or hash is too short; set the PIN again")
    return PinHash(n, r, p, salt, digest)


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
