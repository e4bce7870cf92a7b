"""The minisign file formats (https://jedisct1.github.io/minisign/), on PyNaCl's Ed25519.

Only the format is written here; the cryptography is libsodium's (through PyNaCl), the same
library the `minisign` tool is built on: Ed25519 signatures, BLAKE2b from hashlib, and
libsodium's scrypt for password-protected secret keys. The tests check every format against
keys and signatures made by the real tool (tests/fleet/fixtures).

    public key    "Ed" | key id (8) | Ed25519 public key (32)
    secret key    "Ed" | KDF ("Sc" or two zero bytes) | "B2" | salt (32) | opslimit (8, LE)
                  | memlimit (8, LE) | key id (8) | secret key (64) | BLAKE2b-256 checksum (32),
                  the last three XORed with scrypt(password) when the KDF is "Sc"
    signature     "ED" (message prehashed with BLAKE2b-512) or "Ed" (legacy) | key id (8)
                  | Ed25519 signature (64); then the trusted comment, and a global signature
                  over the signature and the trusted comment's text
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

UNTRUSTED, TRUSTED = "untrusted comment: ", "trusted comment: "
_ED, _PREHASHED, _SCRYPT, _NO_KDF, _BLAKE2B = b"Ed", b"ED", b"Sc", b"\x00\x00", b"B2"
_PUBLIC_LEN, _SIGNATURE_LEN, _SECRET_LEN = 2 + 8 + 32, 2 + 8 + 64, 2 + 2 + 2 + 32 + 8 + 8 + 104


class FormatError(ValueError):
    """Not a minisign key or signature; or a wrong password, or a failed check."""


def _decode(line: str, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != length:
        raise FormatError(f"not a minisign {what}")
    return raw


def _lines(data: bytes, count: int, what: str) -> list[str]:
    try:
        lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
    except UnicodeDecodeError:
        lines = []
    if len(lines) < count or not lines[0].startswith(UNTRUSTED):
        raise FormatError(f"not a minisign {what}")
    return lines


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    key: bytes

    @classmethod
    def from_line(cls, line: str) -> PublicKey:
        raw = _decode(line, _PUBLIC_LEN, "public key")
        if raw[:2] != _ED:
            raise FormatError("not a minisign public key")
        return cls(raw[2:10], raw[10:])

    def line(self) -> str:
        return base64.b64encode(_ED + self.key_id + self.key).decode("ascii")

    def file(self) -> bytes:
        key_id = self.key_id[::-1].hex().upper()  # minisign shows the id as a little-endian number
        return f"{UNTRUSTED}minisign public key {key_id}\n{self.line()}\n".encode()

    def verify(self, message: bytes, signature: Signature) -> None:
        """FormatError unless `signature` is this key's over `message` and its trusted
        comment (minisign's rules: both signatures must hold)."""
        if signature.key_id != self.key_id:
            raise FormatError("signed with another key")
        signed = hashlib.blake2b(message).digest() if signature.prehashed else message
        key = VerifyKey(self.key)
        try:
            key.verify(signed, signature.signature)
            key.verify(signature.signature + signature.trusted.encode(), signature.global_signature)
        except BadSignatureError:
            raise FormatError("signature does not match") from None


@dataclass(frozen=True)
class Signature:
    prehashed: bool
    key_id: bytes
    signature: bytes
    trusted: str  # the trusted comment's text, which the global signature covers
    global_signature: bytes
    untrusted: str = "signature from minisign secret key"

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        lines = _lines(data, 4, "signature")
        raw = _decode(lines[1], _SIGNATURE_LEN, "signature")
        if raw[:2] not in (_ED, _PREHASHED) or not lines[2].startswith(TRUSTED):
            raise FormatError("not a minisign signature")
        glob = _decode(lines[3], 64, "signature")
        untrusted = lines[0][len(UNTRUSTED) :]
        return cls(
            raw[:2] == _PREHASHED, raw[2:10], raw[10:], lines[2][len(TRUSTED) :], glob, untrusted
        )

    def to_bytes(self) -> bytes:
        algorithm = _PREHASHED if self.prehashed else _ED
        line = base64.b64encode(algorithm + self.key_id + self.signature).decode("ascii")
        glob = base64.b64encode(self.global_signature).decode("ascii")
        return f"{UNTRUSTED}{self.untrusted}\n{line}\n{TRUSTED}{self.trusted}\n{glob}\n".encode()


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    secret: bytes  # libsodium's 64 bytes: the seed, then the public key

    @property
    def public_key(self) -> PublicKey:
        return PublicKey(self.key_id, self.secret[32:])

    @classmethod
    def generate(cls) -> SecretKey:
        signing = SigningKey.generate()
        return cls(secrets.token_bytes(8), bytes(signing) + bytes(signing.verify_key))

    @classmethod
    def from_bytes(cls, data: bytes, password: str | None = None) -> SecretKey:
        """A secret key file; FormatError("password") when it has one and none was given."""
        raw = _decode(_lines(data, 2, "secret key")[1], _SECRET_LEN, "secret key")
        algorithm, kdf, checksum_kind = raw[0:2], raw[2:4], raw[4:6]
        salt, opslimit, memlimit = raw[6:38], raw[38:46], raw[46:54]
        keynum = raw[54:]
        if algorithm != _ED or checksum_kind != _BLAKE2B or kdf not in (_SCRYPT, _NO_KDF):
            raise FormatError("not a minisign secret key")
        if kdf == _SCRYPT:
            if password is None:
                raise FormatError("password")
            keynum = _xor(keynum, _scrypt(password, salt, opslimit, memlimit))
        key_id, secret, checksum = keynum[:8], keynum[8:72], keynum[72:]
        # `minisign -W` (no password) leaves the checksum zero; the key pair must match anyway.
        unchecked = kdf == _NO_KDF and checksum == bytes(32)
        if not unchecked and _checksum(key_id, secret) != checksum:
            raise FormatError("wrong password" if kdf == _SCRYPT else "damaged secret key")
        if bytes(SigningKey(secret[:32]).verify_key) != secret[32:]:
            raise FormatError("damaged secret key")
        return cls(key_id, secret)

    def to_bytes(self) -> bytes:
        """The file, unencrypted (as `minisign -G -W` writes it)."""
        keynum = self.key_id + self.secret + _checksum(self.key_id, self.secret)
        raw = _ED + _NO_KDF + _BLAKE2B + bytes(32) + bytes(8) + bytes(8) + keynum
        comment = f"{UNTRUSTED}minisign secret key"
        return f"{comment}\n{base64.b64encode(raw).decode('ascii')}\n".encode()

    def sign(self, message: bytes, trusted: str, untrusted: str) -> Signature:
        """A prehashed ("ED") signature, as the `minisign` tool makes by default."""
        if "\n" in trusted or "\r" in trusted or "\n" in untrusted or "\r" in untrusted:
            raise FormatError("a comment must be one line")
        key = SigningKey(self.secret[:32])
        signature = key.sign(hashlib.blake2b(message).digest()).signature
        glob = key.sign(signature + trusted.encode()).signature
        return Signature(True, self.key_id, signature, trusted, glob, untrusted)


def _checksum(key_id: bytes, secret: bytes) -> bytes:
    return hashlib.blake2b(_ED + key_id + secret, digest_size=32).digest()


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


def _scrypt(password: str, salt: bytes, opslimit: bytes, memlimit: bytes) -> bytes:
    from nacl.pwhash import scrypt  # only for keys with a password: signing, never the app

    ops, mem = int.from_bytes(opslimit, "little"), int.from_bytes(memlimit, "little")
    if ops > scrypt.OPSLIMIT_MAX or mem > min(scrypt.MEMLIMIT_MAX, 2**32):
        raise FormatError("the secret key asks for more work than a key file needs")
    return scrypt.kdf(104, password.encode(), salt, opslimit=ops, memlimit=mem)
