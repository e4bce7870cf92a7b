"""`microneedling-companion bundle keygen | create | verify`: for clinic IT (docs/fleet.md).

Each prints one plain line per outcome and exits 0 on success, 1 when the bundle is refused
or cannot be made, 2 for a bad argument or a file that cannot be written.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
SECRET_NAME, PUBLIC_NAME = "bundle.key", "bundle.pub"


def add_bundle_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bundle = commands.add_parser(
        "bundle", help="make keys, and make or check a signed setup bundle (docs/fleet.md)"
    )
    actions = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    keygen = actions.add_parser("keygen", help="make a key pair for signing setup bundles")
    keygen.add_argument("--out", type=Path, required=True, metavar="DIR", help="keys' folder")
    create = actions.add_parser("create", help="check, pack and sign a setup bundle")
    create.add_argument("--pack", type=Path, required=True, metavar="DIR", help="content pack")
    create.add_argument("--clinic-config", type=Path, required=True, metavar="FILE")
    create.add_argument("--version", type=int, required=True, metavar="N", help="1, 2, 3, ...")
    create.add_argument("--key", type=Path, required=True, metavar="SECRET_KEY")
    create.add_argument("--out", type=Path, required=True, metavar="FILE.mncbundle")
    create.add_argument(
        "--password-from-stdin",
        action="store_true",
        help="read the secret key's password (if it has one) from standard input",
    )
    verify = actions.add_parser("verify", help="check a bundle's signature, files and contents")
    verify.add_argument("--key", type=Path, required=True, metavar="PUBKEY", help="the .pub file")
    verify.add_argument("file", type=Path, metavar="FILE")


def _keygen(out_dir: Path, out: TextIO) -> int:
    from app.export.atomic import write_atomically
    from app.fleet.signing import generate_key_pair
    from app.paths import make_private_dirs

    secret_path, public_path = out_dir / SECRET_NAME, out_dir / PUBLIC_NAME
    secret, public, line = generate_key_pair()
    try:
        make_private_dirs(out_dir)
        write_atomically(secret_path, secret, mode=0o600, replace=False)
        write_atomically(public_path, public, mode=0o644, replace=False)
    except FileExistsError as error:
        print(f"{error.filename} already exists: choose another folder", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"cannot write the keys in {out_dir}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"secret key: {secret_path} (keep it safe and off the clinic machines)", file=out)
    print(f"public key: {public_path}", file=out)
    print(f'in each machine\'s clinic config, [managed]: public_key = "{line}"', file=out)
    return EXIT_OK


def _password(args: argparse.Namespace) -> str | None:
    if args.password_from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Password of the secret key (Enter if it has none): ") or None
    return None


def _create(args: argparse.Namespace, out: TextIO) -> int:
    from app.export.atomic import write_atomically
    from app.fleet.build import BuildRefused, build_bundle
    from app.fleet.signing import PasswordNeeded, SigningError, load_secret_key

    try:
        try:
            secret = load_secret_key(args.key)
        except PasswordNeeded:
            secret = load_secret_key(args.key, _password(args) or "")
        data = build_bundle(args.pack, args.clinic_config, args.version, secret)
    except SigningError as error:
        print(f"bundle not made: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except BuildRefused as refusal:
        print("bundle not made; fix these, then run the command again:", file=sys.stderr)
        for problem in refusal.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        write_atomically(args.out, data, mode=0o644)
    except OSError as error:
        print(f"cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"setup bundle {args.version} written to {args.out} ({len(data)} bytes)", file=out)
    return EXIT_OK


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    import tempfile

    from app.fleet.archive import BundleRefused, read_bundle
    from app.fleet.install import InstallFailed, install
    from app.fleet.signing import SigningError, read_public_key
    from app.fleet.watch import loads_as_app

    try:
        public = read_public_key(args.key)
        verified = read_bundle(args.file, public)
    except (SigningError, BundleRefused) as error:
        print(f"refused: {error}", file=out)
        return EXIT_REFUSED
    # The schema too, as a machine would check it: unpacked into a throwaway folder.
    with tempfile.TemporaryDirectory(prefix="mnc-verify-") as scratch:
        try:
            install(verified, Path(scratch), loads_as_app)
        except InstallFailed as error:
            print(f"refused: {error}", file=out)
            return EXIT_REFUSED
    print(f"ok: setup bundle {verified.version}, {len(verified.files)} files, signed", file=out)
    return EXIT_OK


def run_bundle(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.bundle_command == "keygen":
        return _keygen(args.out, out)
    if args.bundle_command == "create":
        return _create(args, out)
    return _verify(args, out)
