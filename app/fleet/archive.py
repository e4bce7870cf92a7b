"""Writing a bundle archive, and reading one back only as far as its signature allows.

A bundle comes from a share or a USB stick, so reading it assumes nothing: the file is read
under a size cap (never a FIFO or device), the archive is a zip whose every member must be a
plain file with a safe name (no "..", no root, no drive, no link), each under a cap, and the
whole under a cap; the signature over the manifest is checked before any member is trusted,
and every member must be listed in the manifest with its SHA-256, and every listed one there.
Nothing is written to disk here: the caller gets the checked bytes.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.domain.input_files import MIB, read_regular_file
from app.fleet.manifest import (
    MANIFEST,
    MAX_FILES,
    SIGNATURE,
    Manifest,
    ManifestError,
    is_safe_name,
    parse_manifest,
    sha256,
)
from app.fleet.minisign_format import PublicKey
from app.fleet.signing import SigningError, verify_manifest

SUFFIX = ".mncbundle"
MAX_BUNDLE_BYTES = 64 * MIB  # the archive as it lies in the folder
MAX_MEMBER_BYTES = 16 * MIB  # one file once unpacked
MAX_TOTAL_BYTES = 128 * MIB  # every file once unpacked
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same input gives the same archive


class BundleRefused(ValueError):
    """This bundle may not be used. `reason` is for people ("signature does not match")."""

    def __init__(self, reason: str, version: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.version = version


@dataclass(frozen=True)
class VerifiedBundle:
    manifest: Manifest
    files: Mapping[str, bytes]  # every file the manifest lists, its hash checked

    @property
    def version(self) -> int:
        return self.manifest.version


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o600) << 16
    return info


def archive_bytes(manifest: Manifest, signature: bytes, files: Mapping[str, bytes]) -> bytes:
    """The archive: manifest, its signature, then every file in the manifest's order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_member(MANIFEST), manifest.to_bytes())
        archive.writestr(_member(SIGNATURE), signature)
        for name in sorted(manifest.files):
            archive.writestr(_member(name), files[name])
    return buffer.getvalue()


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as member:
        data = member.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:  # the size in the header may lie
        raise BundleRefused(f"{info.filename} is larger than {MAX_MEMBER_BYTES // MIB} MiB")
    return data


def _members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_FILES + 2:
        raise BundleRefused(f"it holds more than {MAX_FILES} files")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        kind = stat.S_IFMT(info.external_attr >> 16)
        if name in members:
            raise BundleRefused(f"it holds {name} twice")
        if kind not in (0, stat.S_IFREG) or info.is_dir():
            raise BundleRefused(f"it holds {name}, which is not a plain file (a link or folder)")
        if name not in (MANIFEST, SIGNATURE) and not is_safe_name(name):
            raise BundleRefused(f"it holds a file with a name it may not have: {name!r}")
        if info.flag_bits & 0x1:
            raise BundleRefused(f"{name} is encrypted")
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise BundleRefused(f"it is larger than {MAX_TOTAL_BYTES // MIB} MiB once unpacked")
        members[name] = info
    return members


def _checked(archive: zipfile.ZipFile, public: PublicKey) -> VerifiedBundle:
    members = _members(archive)
    if MANIFEST not in members:
        raise BundleRefused("it is not a setup bundle (it has no manifest)")
    if SIGNATURE not in members:
        raise BundleRefused("it is not signed")
    raw_manifest = _read(archive, members[MANIFEST])
    signed_version = verify_manifest(public, raw_manifest, _read(archive, members[SIGNATURE]))
    try:
        manifest = parse_manifest(raw_manifest)
    except ManifestError as error:
        raise BundleRefused(str(error), signed_version) from None
    if manifest.version != signed_version:
        raise BundleRefused("its version was changed after it was signed", signed_version)
    listed = set(manifest.files)
    held = set(members) - {MANIFEST, SIGNATURE}
    version = manifest.version
    if extra := sorted(held - listed):
        raise BundleRefused(f"it holds a file its manifest does not list: {extra[0]}", version)
    if missing := sorted(listed - held):
        raise BundleRefused(f"a file its manifest lists is missing: {missing[0]}", version)
    files: dict[str, bytes] = {}
    for name in sorted(listed):
        data = _read(archive, members[name])
        if sha256(data) != manifest.files[name]:
            raise BundleRefused(f"a file was changed after signing: {name}", manifest.version)
        files[name] = data
    return VerifiedBundle(manifest, files)


def read_bundle(path: Path, public: PublicKey) -> VerifiedBundle:
    """The bundle at `path`, every byte of it checked against the signature; BundleRefused
    (with the reason) otherwise."""
    try:
        raw = read_regular_file(path, MAX_BUNDLE_BYTES, what="a setup bundle", follow_links=True)
    except FileNotFoundError:
        raise BundleRefused("the file is gone") from None
    except OSError as error:
        raise BundleRefused(f"it cannot be read: {error.strerror or error}") from None
    except ValueError as error:  # RefusedFile: a folder, FIFO, device, or over the cap
        raise BundleRefused(str(error)) from None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return _checked(archive, public)
    except SigningError as error:
        raise BundleRefused(str(error)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError):
        raise BundleRefused("it is not a setup bundle (the archive is damaged)") from None
    except (OSError, ValueError, RuntimeError) as error:
        if isinstance(error, BundleRefused):
            raise
        raise BundleRefused(f"the archive cannot be read: {error}") from None
