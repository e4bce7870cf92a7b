"""`set-kiosk-pin`: store the staff PIN, hashed, in the clinic config, keeping the rest of the file.

The file is edited through app.clinic_config_file (tomlkit: every comment and the layout stay;
the result is checked with the loader's rules before it is written, atomically and owner-only).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from app.clinic_config_file import (
    ClinicConfigFile,
    ConfigEditError,
    ConfigRefused,
    was_readable_by_others,
)
from app.domain.clinic_location import default_clinic_config_path, find_clinic_config
from app.domain.kiosk_pin import NEW_PIN_MIN_DIGITS, PIN_MAX_DIGITS, PinError, hash_new_pin

EXIT_OK, EXIT_FAILED = 0, 2
EditError = ConfigEditError  # the name tests and callers knew


def config_path(explicit: str | None) -> Path:
    found = find_clinic_config(Path(explicit) if explicit else None)
    if found is not None:
        return found
    return default_clinic_config_path(sys.platform, os.environ, Path.home())


def with_pin_hash(text: str, pin_hash: str | None, path: Path = Path("clinic.toml")) -> str:
    """`text` with `[kiosk] pin_hash` set to `pin_hash` (or removed when None), checked by
    parsing it back: every other value must be unchanged and the hash must load."""
    config = ClinicConfigFile(path, text)
    config.set("kiosk", "pin_hash", pin_hash)
    try:
        problems = config.new_problems(())
    except ConfigEditError as error:
        line = f'pin_hash = "{pin_hash}"' if pin_hash is not None else "remove pin_hash"
        raise ConfigEditError(f"{error}; put this line under [kiosk] yourself: {line}") from None
    if problems:
        raise ConfigRefused(problems)
    return config.text()


def _read_pin(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.pin_from_stdin:
        return stdin.readline().strip()
    first = getpass.getpass(f"New kiosk PIN ({NEW_PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits): ")
    if getpass.getpass("The same PIN again: ") != first:
        raise PinError("the two PINs were different; nothing was changed")
    return first


def run_set_kiosk_pin(
    args: argparse.Namespace, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    path = config_path(args.clinic_config)
    try:
        pin_hash = None if args.remove else hash_new_pin(_read_pin(args, stdin))
        config = ClinicConfigFile.open(path)
        path = config.path  # through a link: the file it names
        opened_up = was_readable_by_others(path)
        config.set("kiosk", "pin_hash", pin_hash)
        config.save(())
    except PinError as error:
        print(f"{path}: the PIN was not stored: {error}", file=sys.stderr)
        return EXIT_FAILED
    except ConfigEditError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"{path}: cannot write the file: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    if opened_up:
        print(
            f"{path} is now readable by its owner only: it holds the PIN's hash. If the kiosk "
            "runs under another account, make that account the file's owner.",
            file=out,
        )
    if pin_hash is None:
        print(f"Removed the kiosk PIN from {path}. The kiosk cannot be left from its screen now.")
    else:
        print(f"Stored the kiosk PIN (as a salted hash) in {path}. Restart the kiosk to use it.")
    return EXIT_OK
