"""The built-in pack, checked at build time and shown at start without the validator.

Checking a pack imports pydantic and its models (about 100 ms and 20 MB), which a patient would
wait through before the first readable screen, for files that were already checked when the app
was built. So the build (`make`, build_scripts/pack_snapshot.py) loads the built-in pack through
the one loader (app.domain.pack.load_pack, every check included), refuses it on any problem, and
pickles the result beside the pack folder: `<pack>.snapshot`. At start the app uses the snapshot
only when it is exactly current:

- a fingerprint of every file in the pack folder (names, kinds and bytes) must match, so an
  edited, added or removed file sends the app back to checking the pack itself;
- from a source checkout, a fingerprint of the loader's own code (app/domain/*.py) must match
  too; a bundle carries no sources, and its snapshot is written by the same build as its code.

The fingerprints use Python's own source hash (importlib.util.source_hash, what hash-based .pyc
files use to tell that their source changed): hashlib would load OpenSSL first, ~3 ms of every
start. It is keyed to the Python version, so another Python sees a stale snapshot.

A snapshot that is missing, stale or unreadable is never used: the pack is then checked as
before (and tests/content/test_pack_snapshot.py fails, so a stale one does not ship). Only the
built-in pack has one; a clinic's own pack (--content-pack) is always checked field by field.

Paths inside the pack are stored relative to it and rebuilt against wherever the pack is at run
time, and only the app's own data classes may be unpickled (_Reader.find_class).
"""

from __future__ import annotations

import io
import logging
import pickle
import sys
from importlib.util import source_hash
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from app.domain.input_files import is_link

if TYPE_CHECKING:
    from app.domain.pack import LoadResult

log = logging.getLogger(__name__)
FORMAT = 2  # bump when the snapshot's own layout changes (2: source_hash fingerprints)
SUFFIX = ".snapshot"
_CODE = Path(__file__).resolve().parent  # app/domain: the loader and the data classes
_MODULES = ("builtins", "copyreg", "datetime", "collections")  # what plain data needs


class SnapshotError(RuntimeError):
    """The built-in pack has problems: no snapshot is written (a packaging bug)."""


def snapshot_path(folder: Path) -> Path:
    """Where the snapshot of the pack in ``folder`` lives: beside it, not inside it, so the
    pack's own checks and its fingerprint never see it."""
    return folder.with_name(folder.name + SUFFIX)


def pack_fingerprint(folder: Path) -> str:
    """Every entry in the pack folder: its path, its kind and, for a file, its bytes."""
    parts = [f"mnc-pack-snapshot {FORMAT}\n".encode()]
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix().encode()
        status = path.lstat()
        if is_link(status):
            parts.append(b"L\0" + name + b"\0")
        elif path.is_dir():
            parts.append(b"D\0" + name + b"\0")
        else:
            data = path.read_bytes()
            parts.append(b"F\0" + name + b"\0" + str(len(data)).encode() + b"\0" + data)
    return source_hash(b"".join(parts)).hex()


def code_fingerprint() -> str | None:
    """The loader's code, or None in a bundle (no sources to read; see the module's text)."""
    if getattr(sys, "frozen", False):
        return None
    parts = [path.name.encode() + b"\0" + path.read_bytes() for path in sorted(_CODE.glob("*.py"))]
    return source_hash(b"\0".join(parts)).hex()


class _Writer(pickle.Pickler):
    def __init__(self, file: io.BytesIO, root: Path) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.root = root

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, PurePath):
            # relative_to raises for a path outside the pack: such a snapshot is not written.
            return ("path", Path(obj).relative_to(self.root).as_posix())
        return None


class _Reader(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, root: Path) -> None:
        super().__init__(file)
        self.root = root

    def persistent_load(self, pid: Any) -> Any:
        kind, relative = pid
        if kind != "path":
            raise pickle.UnpicklingError(f"unknown reference {kind!r}")
        return self.root if relative == "." else self.root.joinpath(*relative.split("/"))

    def find_class(self, module: str, name: str) -> Any:
        if module in _MODULES or module.startswith("app.domain."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a content pack")


def write_snapshot(folder: Path) -> Path:
    """Check every language of the pack in ``folder`` and write its snapshot; SnapshotError when
    the pack has any problem. Returns the snapshot's path."""
    from app.domain.pack import load_pack

    root = folder.resolve()
    first = load_pack(root)
    if first.meta is None:
        raise SnapshotError("\n".join(map(str, first.problems)) or "no pack.toml")
    results: dict[str, LoadResult] = {}
    for language in first.meta.languages:
        result = load_pack(root, language)
        if result.pack is None or result.problems or result.dropped:
            raise SnapshotError("\n".join(map(str, result.problems)) or f"{language}: unusable")
        results[language] = result
    buffer = io.BytesIO()
    _Writer(buffer, root).dump(results)
    header = {"format": FORMAT, "pack": pack_fingerprint(root), "code": code_fingerprint()}
    target = snapshot_path(root)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(pickle.dumps((header, buffer.getvalue()), pickle.HIGHEST_PROTOCOL))
    partial.replace(target)  # never a half-written snapshot, even if the build is stopped
    return target


def read_snapshot(folder: Path, language: str) -> LoadResult | None:
    """The checked pack in ``language`` (its first language when it lacks ``language``), or
    None when there is no current snapshot: the caller then checks the pack itself."""
    root = folder.resolve()
    try:
        raw = snapshot_path(root).read_bytes()
    except OSError:
        return None
    try:
        header, body = _Reader(io.BytesIO(raw), root).load()
        if header.get("format") != FORMAT or header.get("pack") != pack_fingerprint(root):
            log.info("the built-in pack's snapshot is out of date; checking the pack itself")
            return None
        code = code_fingerprint()
        if code is not None and header.get("code") != code:
            log.info("the pack loader changed since the snapshot; checking the pack itself")
            return None
        results: dict[str, LoadResult] = _Reader(io.BytesIO(body), root).load()
    except Exception as error:  # any damage means: check the pack itself
        log.warning("the built-in pack's snapshot cannot be read (%s); checking the pack", error)
        return None
    if language in results:
        return results[language]
    return next(iter(results.values()), None)
