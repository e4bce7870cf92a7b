"""The clinic config's `[managed]` table: where this machine finds signed setup bundles and the
key they must be signed with (docs/fleet.md).

Standard library only, like app.domain.clinic_location: the app reads this table before its
first frame, to know which content pack and clinic config to start with, and that must not pay
for loading the validator. app.domain.clinic checks the same fields with these functions, so
the quick read and the full load agree on what is valid.
"""

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from app.domain.clinic_location import MAX_CONFIG_BYTES
from app.domain.input_files import read_regular_file

# A minisign public key: base64 of "Ed" (the algorithm), an 8-byte key id and 32 key bytes.
_KEY_BYTES = 2 + 8 + 32
_ALGORITHM = b"Ed"


@dataclass(frozen=True)
class ManagedSettings:
    bundle_folder: Path  # absolute: where IT drops *.mncbundle files
    public_key: str  # the minisign public key line, e.g. "RWQf6LRCGA9i53mlYecO4IzT..."


def check_public_key(value: str) -> str:
    """The key as written in a minisign .pub file's second line; ValueError says what is wrong."""
    text = value.strip()
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != _KEY_BYTES or not raw.startswith(_ALGORITHM):
        raise ValueError(
            "expected a minisign public key: the second line of the .pub file that "
            f'"bundle keygen" made, like "RWQf6LRCGA9i53ml...", got {value!r}'
        )
    return text


def check_bundle_folder(value: str) -> str:
    """A folder path: absolute, or relative to the clinic config's folder."""
    text = value.strip()
    if not text:
        raise ValueError("expected the folder where setup bundles are dropped, got nothing")
    if any(ch < " " for ch in text):
        raise ValueError(f"expected one line of text, got {value!r}")
    return text


def resolve_bundle_folder(text: str, config_file: Path) -> Path:
    """`text` as a folder: absolute as written, else below the clinic config's folder. Both /
    and \\ separate folders on Windows, so "\\\\server\\share" works there."""
    path = Path(text).expanduser()
    if path.is_absolute() or PureWindowsPath(text).drive:
        return path
    return config_file.absolute().parent / path


def read_managed(config_file: Path) -> ManagedSettings | None:
    """The `[managed]` table of the clinic config at `config_file`, when it is complete and
    valid; None otherwise (the full load tells staff what is wrong)."""
    import tomllib  # here, not at the top: ~12 ms that a start without a config need not pay

    try:
        raw = read_regular_file(config_file, MAX_CONFIG_BYTES, follow_links=True)
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):  # RefusedFile and TOML errors are ValueErrors
        return None
    table = data.get("managed")
    if not isinstance(table, dict):
        return None
    folder, key = table.get("bundle_folder"), table.get("public_key")
    if not isinstance(folder, str) or not isinstance(key, str):
        return None
    try:
        return ManagedSettings(
            resolve_bundle_folder(check_bundle_folder(folder), config_file),
            check_public_key(key),
        )
    except ValueError:
        return None
