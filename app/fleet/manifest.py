"""The bundle's manifest: its version and the SHA-256 of every file, the part that is signed.

Inside the archive the pack lies under `pack/` and the clinic config (with its logo, if any)
under `clinic/`; `manifest.json` lists every one of those files and `manifest.json.minisig`
signs the manifest. Nothing else may be in the archive.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
PACK_FOLDER = "pack"
CLINIC_FOLDER = "clinic"
CLINIC_CONFIG = f"{CLINIC_FOLDER}/clinic.toml"
MAX_VERSION = 999_999_999
MAX_FILES = 2000
# A path inside the archive: plain names of letters, digits, - _ . and space, joined by "/",
# none of them "." or "..", under pack/ or clinic/. Nothing that a file system could read as
# a drive, a root, a parent or a device.
_PART = r"[A-Za-z0-9_\-][A-Za-z0-9_\-. ]{0,99}"
_NAME = re.compile(rf"(?:{PACK_FOLDER}|{CLINIC_FOLDER})(?:/{_PART}){{1,12}}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ManifestError(ValueError):
    """The manifest is not one this app made; the message says what is wrong."""


@dataclass(frozen=True)
class Manifest:
    version: int
    created: str  # ISO 8601 UTC, for people; not used to decide anything
    files: Mapping[str, str]  # archive path -> SHA-256 hex

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": self.version,
            "created": self.created,
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(data, indent=1, ensure_ascii=True) + "\n").encode("ascii")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_safe_name(name: str) -> bool:
    """True for a path that may appear in a bundle (see _NAME): no "..", no root, no drive."""
    return bool(_NAME.fullmatch(name)) and not any(
        part.rstrip(". ") != part or part in (".", "..") for part in name.split("/")
    )


def check_version(version: object) -> int:
    if type(version) is not int or not 1 <= version <= MAX_VERSION:
        raise ManifestError(f"expected a version from 1 to {MAX_VERSION}, got {version!r}")
    return version


def parse_manifest(raw: bytes) -> Manifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ManifestError("its manifest is not readable") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError("its manifest is of another format than this app reads")
    version = check_version(data.get("version"))
    files = data.get("files")
    if not isinstance(files, dict) or not 0 < len(files) <= MAX_FILES:
        raise ManifestError(f"its manifest must list from 1 to {MAX_FILES} files")
    for name, digest in files.items():
        if not is_safe_name(name) or not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise ManifestError(f"its manifest names a file it may not hold: {name!r}")
    if CLINIC_CONFIG not in files:
        raise ManifestError(f"it has no clinic config ({CLINIC_CONFIG})")
    if f"{PACK_FOLDER}/pack.toml" not in files:
        raise ManifestError("it has no content pack (pack/pack.toml)")
    created = data.get("created")
    return Manifest(version, created if isinstance(created, str) else "", files)
