"""Keys and signatures in the minisign format, through py-minisign.

The signature covers the bundle's manifest (which lists the SHA-256 of every file) and carries
the bundle's version in its trusted comment, which minisign's global signature covers too: a
changed file, manifest or version breaks it. Signatures made here verify with the `minisign`
tool (`minisign -Vm manifest.json -P KEY`), and keys the tool makes sign here.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from pathlib import Path

import minisign

from app.domain.clinic_managed import check_public_key
from app.domain.input_files import KIB, read_regular_file

TRUSTED_PREFIX = "microneedling-companion setup bundle version:"
_VERSION = re.compile(rf"{re.escape(TRUSTED_PREFIX)}([0-9]{{1,9}})")
MAX_KEY_BYTES = 4 * KIB  # a key file is two short lines


class SigningError(ValueError):
    """A key or signature cannot be used; the message says why, in plain words."""


class SignatureRefused(SigningError):
    """The signature does not prove the manifest came from the key's owner."""


@dataclass(frozen=True)
class KeyFiles:
    secret: Path
    public: Path
    public_line: str  # what goes in [managed] public_key


def generate_key_pair() -> tuple[bytes, bytes, str]:
    """(secret key file, public key file, public key line) of a new, unencrypted key pair."""
    pair = minisign.KeyPair.generate()
    public = bytes(pair.public_key) + b"\n"
    with pair.secret_key as secret:
        return bytes(secret) + b"\n", public, pair.public_key.to_base64().decode()


def load_secret_key(path: Path, password: str | None = None) -> minisign.SecretKey:
    """A secret key file (ours or the `minisign` tool's), decrypted when it has a password."""
    try:
        raw = read_regular_file(path, MAX_KEY_BYTES, what="a secret key", follow_links=True)
        key = minisign.SecretKey.from_bytes(raw)
    except OSError as error:
        reason = error.strerror or error
        raise SigningError(f"cannot read the secret key {path}: {reason}") from None
    except (minisign.Error, ValueError) as error:
        raise SigningError(f"{path} is not a minisign secret key ({error})") from None
    if key.is_encrypted():
        if password is None:
            raise SigningError(f"the secret key {path} has a password: give it on standard input")
        try:
            key.decrypt(password)
        except minisign.Error:
            raise SigningError(f"wrong password for the secret key {path}") from None
    return key


def public_key_from_text(text: str) -> minisign.PublicKey:
    """A public key from its line ("RWQ...") or from a whole .pub file's text."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    try:
        return minisign.PublicKey.from_base64(check_public_key(line))
    except (ValueError, minisign.Error) as error:
        raise SigningError(str(error)) from None


def read_public_key(path: Path) -> minisign.PublicKey:
    try:
        raw = read_regular_file(path, MAX_KEY_BYTES, what="a public key", follow_links=True)
    except OSError as error:
        reason = error.strerror or error
        raise SigningError(f"cannot read the public key {path}: {reason}") from None
    except ValueError as error:
        raise SigningError(str(error)) from None
    return public_key_from_text(raw.decode("utf-8", "replace"))


def sign_manifest(secret: minisign.SecretKey, manifest: bytes, version: int) -> bytes:
    """The .minisig file for `manifest`, its trusted comment naming `version`."""
    signature = secret.sign(
        manifest,
        untrusted_comment=f"signature of setup bundle {version}",
        trusted_comment=f"{TRUSTED_PREFIX}{version}",
    )
    return bytes(signature) + b"\n"


def _key_id(line: str) -> bytes:
    try:
        return base64.b64decode(line.strip(), validate=True)[2:10]
    except (binascii.Error, ValueError):
        return b""


def verify_manifest(public: minisign.PublicKey, manifest: bytes, signature: bytes) -> int:
    """The version the signature vouches for; SignatureRefused when it does not hold."""
    try:
        parsed = minisign.Signature.from_bytes(signature)
    except (minisign.Error, ValueError, UnicodeDecodeError):
        raise SignatureRefused("its signature file is damaged") from None
    lines = signature.decode("utf-8", "replace").splitlines()
    if len(lines) > 1 and _key_id(lines[1]) != _key_id(public.to_base64().decode()):
        raise SignatureRefused("it is signed with another key than this machine's")
    try:
        public.verify(manifest, parsed)
    except minisign.Error:
        raise SignatureRefused("signature does not match") from None
    match = _VERSION.fullmatch(parsed.trusted_comment)
    if match is None:
        raise SignatureRefused("its signature does not name a bundle version")
    return int(match.group(1))
