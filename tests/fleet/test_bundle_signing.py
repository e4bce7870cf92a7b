"""The signature format is minisign's own: signatures and keys made by the real `minisign`
tool work here, and ours work with the tool; the version is covered by the signature."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.fleet.signing import (
    PasswordNeeded,
    SignatureRefused,
    SigningError,
    load_secret_key,
    public_key_from_text,
    read_public_key,
    sign_manifest,
    verify_manifest,
)
from tests.fleet.conftest import FIXTURES, Keys


def test_a_signature_made_by_the_minisign_tool_verifies_and_gives_its_version() -> None:
    public = read_public_key(FIXTURES / "minisign-tool.pub")
    manifest = (FIXTURES / "manifest.json").read_bytes()
    signature = (FIXTURES / "manifest.json.minisig").read_bytes()
    assert verify_manifest(public, manifest, signature) == 7


def test_a_secret_key_made_by_the_minisign_tool_signs_what_its_public_key_verifies() -> None:
    secret = load_secret_key(FIXTURES / "minisign-tool.key")
    public = read_public_key(FIXTURES / "minisign-tool.pub")
    signature = sign_manifest(secret, b"manifest", 3)
    assert verify_manifest(public, b"manifest", signature) == 3


@pytest.mark.skipif(shutil.which("minisign") is None, reason="the minisign tool is not installed")
def test_the_minisign_tool_verifies_our_signature(tmp_path: Path, keys: Keys) -> None:
    (tmp_path / "manifest.json").write_bytes(b'{"version": 4}\n')
    (tmp_path / "manifest.json.minisig").write_bytes(
        sign_manifest(keys.secret, b'{"version": 4}\n', 4)
    )
    done = subprocess.run(
        ["minisign", "-Vm", str(tmp_path / "manifest.json"), "-P", keys.public_line],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "microneedling-companion setup bundle version:4" in done.stdout


def test_a_changed_version_in_the_trusted_comment_breaks_the_signature(keys: Keys) -> None:
    public = public_key_from_text(keys.public_line)
    signature = sign_manifest(keys.secret, b"manifest", 12)
    forged = signature.replace(b"version:12", b"version:13")
    with pytest.raises(SignatureRefused, match="signature does not match"):
        verify_manifest(public, b"manifest", forged)


def test_a_changed_manifest_breaks_the_signature(keys: Keys) -> None:
    public = public_key_from_text(keys.public_line)
    signature = sign_manifest(keys.secret, b"manifest", 12)
    with pytest.raises(SignatureRefused, match="signature does not match"):
        verify_manifest(public, b"manifest!", signature)


def test_another_key_is_named_as_the_reason(keys: Keys, other_keys: Keys) -> None:
    signature = sign_manifest(other_keys.secret, b"manifest", 2)
    with pytest.raises(SignatureRefused, match="another key"):
        verify_manifest(public_key_from_text(keys.public_line), b"manifest", signature)


def test_a_public_key_file_or_its_line_both_read(keys: Keys) -> None:
    from_file = public_key_from_text(keys.public_file.decode())
    assert from_file.line() == keys.public_line
    assert public_key_from_text(keys.public_line) == from_file


def test_a_secret_key_with_a_password_needs_the_right_one() -> None:
    """password.key: minisign's scrypt-encrypted format (made with py-minisign, cheap limits;
    the `minisign` tool's own limits take 1 GiB and seconds to open)."""
    key = FIXTURES / "password.key"
    with pytest.raises(PasswordNeeded):
        load_secret_key(key)
    with pytest.raises(SigningError, match="wrong password"):
        load_secret_key(key, "wrong")
    secret = load_secret_key(key, "correct horse")
    public = read_public_key(FIXTURES / "password.pub")
    assert verify_manifest(public, b"m", sign_manifest(secret, b"m", 9)) == 9
