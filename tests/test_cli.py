"""The command line: the window's options are read without loading every command's module, and
read exactly as the whole command line reads them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli import build_parser, parse

WINDOW_LINES = [
    [],
    ["--data-dir", "/tmp/x", "--language", "es"],
    ["--kiosk", "--screen", "1", "--clinic-config", "c.toml", "--content-pack", "p"],
    ["--self-test", "--data-dir=/tmp/y"],
    ["--data-dir", "bundle"],  # a folder that happens to be named like a command
]


@pytest.mark.parametrize("argv", WINDOW_LINES)
def test_the_window_options_read_the_same_as_on_the_whole_command_line(argv: list[str]) -> None:
    assert vars(parse(argv)) == vars(build_parser().parse_args(argv))


def test_a_command_is_read_by_the_whole_command_line() -> None:
    args = parse(["validate-pack", "somewhere", "--language", "en"])
    assert args.command == "validate-pack" and str(args.path) == "somewhere"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--language", "xx"], "invalid choice: 'xx'"),
        (["--screen"], "expected one argument"),
        (["no-such-command"], "invalid choice: 'no-such-command'"),
    ],
)
def test_a_wrong_line_gets_the_whole_command_lines_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        parse(argv)
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert message in error and "COMMAND" in error  # the usage of the whole command line


def test_starting_the_window_loads_no_commands_module() -> None:
    probe = (
        "import sys; from app.cli import parse; parse(['--data-dir', 'x']); "
        "print(sorted(m for m in sys.modules if m.endswith(('.commands', '_command'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "[]"
