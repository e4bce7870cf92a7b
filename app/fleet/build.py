"""`bundle create`: check the pack and the clinic config as the app would, then pack and sign.

A broken pack or config is never signed: the pack goes through the loader `validate-pack`
uses (app.domain.pack_report.build_report) and the config through the one the app loads it
with (app.domain.clinic.load_clinic_config), and any problem refuses the bundle, listed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.domain.clinic import load_clinic_config
from app.domain.input_files import read_regular_file
from app.domain.pack import load_pack
from app.domain.pack_report import build_report
from app.fleet.archive import MAX_MEMBER_BYTES, archive_bytes
from app.fleet.manifest import (
    CLINIC_CONFIG,
    CLINIC_FOLDER,
    MAX_FILES,
    PACK_FOLDER,
    Manifest,
    check_version,
    is_safe_name,
    sha256,
)
from app.fleet.minisign_format import SecretKey
from app.fleet.signing import sign_manifest


class BuildRefused(ValueError):
    """The bundle was not made; `problems` says every reason, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _pack_files(pack: Path) -> Iterator[tuple[str, Path]]:
    """Every file of the pack as (archive name, path). Hidden files (.DS_Store, editor swap
    files) are left out; a link or an odd name refuses the pack."""
    for folder, subfolders, names in os.walk(pack):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            relative = path.relative_to(pack).as_posix()
            yield f"{PACK_FOLDER}/{relative}", path
        for sub in subfolders:
            if Path(folder, sub).is_symlink():
                raise BuildRefused([f"{Path(folder, sub)}: a link; put the folder itself there"])


def _read(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_MEMBER_BYTES, what="a bundle file")
    except (OSError, ValueError) as error:
        raise BuildRefused([f"{path}: {getattr(error, 'strerror', None) or error}"]) from None


def _collect(pack: Path, config_file: Path, logo: Path | None) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name, path in _pack_files(pack):
        if not is_safe_name(name):
            raise BuildRefused([f"{path}: use letters, digits, - _ . and spaces in file names"])
        files[name] = _read(path)
    files[CLINIC_CONFIG] = _read(config_file)
    if logo is not None:
        relative = logo.relative_to(config_file.resolve().parent).as_posix()
        files[f"{CLINIC_FOLDER}/{relative}"] = _read(logo)
    if len(files) > MAX_FILES:
        raise BuildRefused([f"{pack}: more than {MAX_FILES} files"])
    return files


def check_inputs(pack: Path, config_file: Path) -> Path | None:
    """Check the pack and the config as the app would; BuildRefused lists every problem.
    Returns the config's logo, which goes into the bundle too."""
    report = build_report(pack)
    problems = [f"content pack: {problem}" for problem in report.problems]
    if problems:
        raise BuildRefused(problems)
    loaded = load_pack(pack)
    if loaded.pack is None:  # build_report said nothing, but be sure
        raise BuildRefused([f"content pack: {pack} cannot be loaded"])
    config, config_problems = load_clinic_config(config_file, loaded.pack.protocol.rule_ids)
    problems = [f"clinic config: {problem}" for problem in config_problems]
    if config.managed is not None:
        problems.append(
            f"clinic config: {config_file}: managed: a bundle's config must not have a "
            "[managed] table; each machine's own config says where bundles come from"
        )
    if problems:
        raise BuildRefused(problems)
    return config.logo


def build_bundle(
    pack: Path,
    config_file: Path,
    version: int,
    secret: SecretKey,
    now: datetime | None = None,
) -> bytes:
    """The signed bundle's bytes, or BuildRefused with every reason it cannot be made."""
    try:
        check_version(version)
    except ValueError as error:
        raise BuildRefused([f"--version: {error}"]) from None
    logo = check_inputs(pack, config_file)
    files = _collect(pack, config_file, logo)
    created = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = Manifest(version, created, {name: sha256(data) for name, data in files.items()})
    signature = sign_manifest(secret, manifest.to_bytes(), version)
    return archive_bytes(manifest, signature, files)
