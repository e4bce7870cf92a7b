"""Setup bundles made quickly for the tests: keys made once per run, bundles packed and signed
from the test pack without the reading-grade check of `bundle create` (which the command tests
run once), and a managed machine's folders in tmp_path.

tests/fleet/fixtures/ holds a key pair and a signature made by the real `minisign` tool
(0.11, `minisign -G -W` and `minisign -S -t ...`): a test key that signs nothing else.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.domain.clinic_managed import ManagedSettings
from app.fleet import startup
from app.fleet.archive import archive_bytes
from app.fleet.manifest import CLINIC_CONFIG, MANIFEST, Manifest, sha256
from app.fleet.minisign_format import SecretKey
from app.fleet.signing import generate_key_pair, public_key_from_text, sign_manifest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
CLINIC_TOML = '[clinic]\nname = "Bundle Clinic {version}"\nphone = "+1 555 0100"\n'


@pytest.fixture(autouse=True)
def _forget_the_start_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    """start_setup remembers what the process started with (for Settings); a test's managed
    setup must not show up in a later test's Settings."""
    monkeypatch.setattr(startup, "_started", [])


@dataclass(frozen=True)
class Keys:
    secret: SecretKey
    secret_file: bytes
    public_file: bytes
    public_line: str


def _keys() -> Keys:
    secret_file, public_file, line = generate_key_pair()
    return Keys(SecretKey.from_bytes(secret_file), secret_file, public_file, line)


@pytest.fixture(scope="session")
def keys() -> Keys:
    return _keys()


@pytest.fixture(scope="session")
def other_keys() -> Keys:
    return _keys()


def pack_files(pack: Path) -> dict[str, bytes]:
    return {
        f"pack/{path.relative_to(pack).as_posix()}": path.read_bytes()
        for path in sorted(pack.rglob("*"))
        if path.is_file()
    }


MakeBundle = Callable[..., bytes]


@pytest.fixture(scope="session")
def make_bundle(test_pack: Path, keys: Keys) -> MakeBundle:
    """The bytes of a signed bundle of the test pack; `config` replaces the clinic config,
    `files` adds or replaces files, `sign=False` leaves the signature out."""
    base = pack_files(test_pack)

    def make(
        version: int,
        key: Keys = keys,
        config: str | None = None,
        files: dict[str, bytes] | None = None,
        sign: bool = True,
    ) -> bytes:
        contents = dict(base)
        contents[CLINIC_CONFIG] = (config or CLINIC_TOML.format(version=version)).encode()
        contents |= files or {}
        manifest = Manifest(
            version, "2026-11-29T10:00:00Z", {n: sha256(d) for n, d in contents.items()}
        )
        signature = sign_manifest(key.secret, manifest.to_bytes(), version) if sign else b""
        data = archive_bytes(manifest, signature, contents)
        return data if sign else without(data, "manifest.json.minisig")

    return make


def rewrite(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The archive with some members' bytes replaced (nothing re-signed)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info)))
    return out.getvalue()


def without(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
    return out.getvalue()


def read_member(data: bytes, name: str = MANIFEST) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


@dataclass(frozen=True)
class Machine:
    folder: Path  # where IT drops bundles
    state: Path  # where the app applies them
    managed: ManagedSettings

    def drop(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


@pytest.fixture
def machine(tmp_path: Path, keys: Keys) -> Machine:
    folder = tmp_path / "share"
    folder.mkdir()
    public_key_from_text(keys.public_line)  # the line parses
    return Machine(folder, tmp_path / "state", ManagedSettings(folder, keys.public_line))
