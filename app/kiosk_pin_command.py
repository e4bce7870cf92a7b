"""`set-kiosk-pin`: store the staff PIN, hashed, in the clinic config, keeping the rest of the file.

The config is a hand-written, commented TOML file, so it is edited as text (one `pin_hash` line
under `[kiosk]`) rather than rewritten from parsed data, which would drop every comment. The edit
is then parsed back: it must read exactly as before apart from the new hash, or nothing is
written and staff get the one line to add by hand.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import stat
import sys
import tomllib
from pathlib import Path
from typing import TextIO

from app.domain.clinic_location import default_clinic_config_path, find_clinic_config
from app.domain.kiosk_pin import PinError, check_pin_format, hash_pin
from app.export.atomic import write_atomically
from app.paths import make_private_dirs

EXIT_OK, EXIT_FAILED = 0, 2
_HEADER = re.compile(r"\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\s*(#.*)?")
_PIN_LINE = re.compile(r"\s*pin_hash\s*=")


class EditError(Exception):
    """The file could not be edited safely; the message says what to do instead."""


def config_path(explicit: str | None) -> Path:
    found = find_clinic_config(Path(explicit) if explicit else None)
    if found is not None:
        return found
    return default_clinic_config_path(sys.platform, os.environ, Path.home())


def with_pin_hash(text: str, pin_hash: str | None) -> str:
    """`text` with `[kiosk] pin_hash` set to `pin_hash` (or removed when None), checked by
    parsing both: every other value must be unchanged."""
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise EditError(f"the file is not valid TOML ({error}); fix it first") from None
    lines = text.splitlines(keepends=True)
    table = ""
    header_at: int | None = None
    pin_at: int | None = None
    for index, line in enumerate(lines):
        if line.lstrip().startswith("[["):
            table = "(array)"
            continue
        header = _HEADER.fullmatch(line.rstrip("\r\n"))
        if header:
            table = header.group(1).strip().strip("\"'")
            if table == "kiosk":
                header_at = index
            continue
        if table == "kiosk" and _PIN_LINE.match(line):
            pin_at = index
    new_line = f'pin_hash = "{pin_hash}"\n' if pin_hash is not None else ""
    if pin_at is not None:
        lines[pin_at : pin_at + 1] = [new_line] if new_line else []
    elif pin_hash is None:
        return text  # nothing to remove
    elif header_at is not None:
        lines.insert(header_at + 1, new_line)
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(f"\n[kiosk]\n{new_line}")
    edited = "".join(lines)

    expected = dict(before)
    kiosk = dict(expected.get("kiosk", {}))
    kiosk.pop("pin_hash", None)
    if pin_hash is not None:
        kiosk["pin_hash"] = pin_hash
    if kiosk or "kiosk" in before:
        expected["kiosk"] = kiosk
    try:
        after = tomllib.loads(edited)
    except tomllib.TOMLDecodeError:
        after = None
    if after != expected:
        raise EditError(
            "the file's [kiosk] table is written in a way this command cannot edit safely; "
            f"put this line under [kiosk] yourself: {new_line.strip() or 'remove pin_hash'}"
        )
    return edited


def _read_pin(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.pin_from_stdin:
        return check_pin_format(stdin.readline().strip())
    first = check_pin_format(getpass.getpass("New kiosk PIN (4 to 12 digits): "))
    if getpass.getpass("The same PIN again: ") != first:
        raise PinError("the two PINs were different; nothing was changed")
    return first


def run_set_kiosk_pin(
    args: argparse.Namespace, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    path = config_path(args.clinic_config)
    try:
        pin_hash = None if args.remove else hash_pin(_read_pin(args, stdin))
        # Through a link to the file it names, so the link stays a link.
        path = Path(os.path.realpath(path)) if path.is_symlink() else path
        raw, mode = b"", None  # no file yet: a new one is owner-only
        try:
            found = path.stat()
        except FileNotFoundError:
            pass
        else:
            if not stat.S_ISREG(found.st_mode):  # a pipe would hang the read, a device worse
                raise EditError("this is not a regular file; give the path of the clinic config")
            raw = path.read_bytes()
            # Keep who may read it, but nobody else may change the PIN.
            mode = stat.S_IMODE(found.st_mode) & ~0o022
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise EditError("the file is not UTF-8 text; fix it first") from None
        edited = with_pin_hash(text, pin_hash)
        make_private_dirs(path.parent)  # a folder made here is 0700 whatever the umask
        write_atomically(path, edited.encode("utf-8"), mode=0o600 if mode is None else mode)
    except (PinError, EditError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"{path}: cannot write the file: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    if pin_hash is None:
        print(f"Removed the kiosk PIN from {path}. The kiosk cannot be left from its screen now.")
    else:
        print(f"Stored the kiosk PIN (as a salted hash) in {path}. Restart the kiosk to use it.")
    return EXIT_OK
