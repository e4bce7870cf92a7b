"""Keys and signatures for setup bundles, in the minisign format (app.fleet.minisign_format).

The signature covers the bundle's manifest (which lists the SHA-256 of every file) and carries
the bundle's version in its trusted comment, which minisign's global signature covers too: a
changed file, manifest or version breaks it. Signatures made here verify with the `minisign`
tool (`minisign -Vm manifest.json -p bundle.pub`), and keys the tool makes sign here.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.domain.clinic_managed import check_public_key
from app.domain.input_files import KIB, read_regular_file
from app.fleet.minisign_format import FormatError, PublicKey, SecretKey, Signature

TRUSTED_PREFIX = "microneedling-companion setup bundle version:"
_VERSION = re.compile(rf"{re.escape(TRUSTED_PREFIX)}([0-9]{{1,9}})")
MAX_KEY_BYTES = 4 * KIB  # a key file is two short lines


class SigningError(ValueError):
    """A key or signature cannot be used; the message says why, in plain words."""


class SignatureRefused(SigningError):
    """The signature does not prove the manifest came from the key's owner."""


class PasswordNeeded(SigningError):
    """The secret key has a password and none was given."""


def generate_key_pair() -> tuple[bytes, bytes, str]:
    """(secret key file, public key file, public key line) of a new, unencrypted key pair."""
    secret = SecretKey.generate()
    return secret.to_bytes(), secret.public_key.file(), secret.public_key.line()


def load_secret_key(path: Path, password: str | None = None) -> SecretKey:
    """A secret key file (ours or the `minisign` tool's), decrypted when it has a password."""
    try:
        raw = read_regular_file(path, MAX_KEY_BYTES, what="a secret key", follow_links=True)
    except OSError as error:
        reason = error.strerror or error
        raise SigningError(f"cannot read the secret key {path}: {reason}") from None
    except ValueError as error:
        raise SigningError(str(error)) from None
    try:
        return SecretKey.from_bytes(raw, password)
    except FormatError as error:
        if str(error) == "password":
            raise PasswordNeeded(f"the secret key {path} has a password") from None
        if str(error) == "wrong password":
            raise SigningError(f"wrong password for the secret key {path}") from None
        raise SigningError(f"{path}: {error}") from None


def public_key_from_text(text: str) -> PublicKey:
    """A public key from its line ("RWQ...") or from a whole .pub file's text."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    try:
        return PublicKey.from_line(check_public_key(line))
    except ValueError as error:  # FormatError is one
        raise SigningError(str(error)) from None


def read_public_key(path: Path) -> PublicKey:
    try:
        raw = read_regular_file(path, MAX_KEY_BYTES, what="a public key", follow_links=True)
    except OSError as error:
        reason = error.strerror or error
        raise SigningError(f"cannot read the public key {path}: {reason}") from None
    except ValueError as error:
        raise SigningError(str(error)) from None
    return public_key_from_text(raw.decode("utf-8", "replace"))


def sign_manifest(secret: SecretKey, manifest: bytes, version: int) -> bytes:
    """The .minisig file for `manifest`, its trusted comment naming `version`."""
    trusted = f"{TRUSTED_PREFIX}{version}"
    return secret.sign(manifest, trusted, f"signature of setup bundle {version}").to_bytes()


def verify_manifest(public: PublicKey, manifest: bytes, signature: bytes) -> int:
    """The version the signature vouches for; SignatureRefused when it does not hold."""
    try:
        parsed = Signature.from_bytes(signature)
    except FormatError:
        raise SignatureRefused("its signature file is damaged") from None
    try:
        public.verify(manifest, parsed)
    except FormatError as error:
        if str(error) == "signed with another key":
            raise SignatureRefused("it is signed with another key than this machine's") from None
        raise SignatureRefused("signature does not match") from None
    match = _VERSION.fullmatch(parsed.trusted)
    if match is None:
        raise SignatureRefused("its signature does not name a bundle version")
    return int(match.group(1))
