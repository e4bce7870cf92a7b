"""Do the tests pin behaviour or the shipped content? Change one shipped timing and see.

A clinic or a reviewer may move a default, say makeup from 24 to 36 hours. That must break only
the tests whose purpose is the shipped content (marked `shipped_content`); every rule, plan,
export and screen test runs on the test pack in tests/fixtures and must not notice. For each
change this copies the checkout (every file git knows or would add, uncommitted edits included)
to a temporary folder, changes one value in the copy's protocol.toml, runs the suite there (the
copy's app/ first on the path, for the tests and every `python -m app` they start) and sorts
the failures:

    python build_scripts/content_independence.py [--only makeup] [-- extra pytest args]

Exits 1 when a test outside `shipped_content` fails, or when no `shipped_content` test noticed
the change (the shipped values would then be unguarded). Run by hand: each change is one full
run of the suite (one to two minutes on two cores); nothing of it is left behind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROTOCOL = Path("resources/content/microneedling-acne-scars/protocol.toml")
MARKER = "shipped_content"


@dataclass(frozen=True)
class Change:
    rule: str
    amount: int  # the new amount, in the rule's own unit


CHANGES = (
    Change("makeup", 36),  # from 24 hours
    Change("sun", 21),  # from 14 days
    Change("next_session", 42),  # from 28 days
)


def changed_protocol(text: str, change: Change) -> str:
    """`text` with the amount of [rules.<rule>] replaced; ValueError if there is none to change."""
    pattern = re.compile(
        rf"(^\[rules\.{re.escape(change.rule)}\]\n(?:(?!\[).*\n)*?amount = )(\d+)", re.M
    )
    match = pattern.search(text)
    if match is None:
        raise ValueError(f"protocol.toml has no amount under [rules.{change.rule}]")
    if int(match.group(2)) == change.amount:
        raise ValueError(f"[rules.{change.rule}] already has amount {change.amount}")
    return text[: match.start(2)] + str(change.amount) + text[match.end(2) :]


def copy_checkout(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = REPO / name
        if source.is_file():  # a file deleted but not yet committed is still listed
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def pytest(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)


def run(change: Change, extra: list[str]) -> bool:
    with tempfile.TemporaryDirectory(prefix="mnc-independence-") as folder:
        root = Path(folder) / "checkout"
        copy_checkout(root)
        protocol = root / PROTOCOL
        protocol.write_text(changed_protocol(protocol.read_text("utf-8"), change), "utf-8")
        # The tests' temp folder as short as /tmp's: socket paths under it must fit in sun_path
        # (about 100 bytes), as they do in a normal run.
        short_tmp = tempfile.mkdtemp(prefix="mi", dir="/tmp" if os.name == "posix" else None)
        env = {
            **os.environ,
            "PYTHONPATH": str(root),  # before the editable install of this checkout
            "QT_QPA_PLATFORM": "offscreen",
            "TMPDIR": short_tmp,
        }
        listed = pytest(root, env, "--co", "-m", MARKER)
        if listed.returncode != 0:
            print(listed.stdout + listed.stderr)
            return False
        about_shipped = {line for line in listed.stdout.splitlines() if "::" in line}
        try:
            result = pytest(root, env, "-rfE", "-m", "not packaging", *extra)
        finally:
            shutil.rmtree(short_tmp, ignore_errors=True)
    failed = {
        line.split(" ", 2)[1]
        for line in result.stdout.splitlines()
        if line.startswith(("FAILED ", "ERROR "))
    }
    print(f"== {change.rule}: amount -> {change.amount}")
    for node in sorted(failed & about_shipped):
        print(f"   expected  {node}")
    for node in sorted(failed - about_shipped):
        print(f"   WRONG     {node}")
    if result.returncode not in (0, 1):
        print(f"   WRONG     pytest stopped with exit code {result.returncode}")
        print(result.stdout[-2000:] + result.stderr[:4000])  # a crash's traceback starts there
        return False
    if not failed & about_shipped:
        print(f"   WRONG     no `{MARKER}` test noticed the change")
    return bool(failed & about_shipped) and not failed - about_shipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--only", choices=[c.rule for c in CHANGES], action="append")
    parser.add_argument("pytest_args", nargs="*", help="after --, passed on to pytest")
    options = parser.parse_args(argv)
    chosen = [c for c in CHANGES if not options.only or c.rule in options.only]
    results = [run(change, options.pytest_args) for change in chosen]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
