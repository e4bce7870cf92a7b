"""Only regular files are read, each under its cap, and nothing ever blocks.

app.domain.input_files is what the pack loader, the protocol loader, the clinic config and the
reader use; these tests pin it directly, then the caps as a pack meets them, then the real
`validate-pack` command on a FIFO, in a process of its own with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.input_files import (
    MAX_MARKDOWN_BYTES,
    MAX_SCREENS,
    RefusedFile,
    describe_size,
    read_regular_file,
)
from app.domain.pack import load_pack
from tests.conftest import REPO
from tests.content.conftest import PackBuilder

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev as on POSIX")


def test_a_regular_file_under_its_cap_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)

    assert read_regular_file(path, 100) == b"x" * 100


def test_a_file_over_its_cap_is_refused_and_the_message_gives_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"x" * (300 * 1024))

    with pytest.raises(RefusedFile) as refused:
        read_regular_file(path, 256 * 1024, what="a screen file")

    assert str(refused.value) == "is 300 KiB; the limit for a screen file is 256 KiB"
    assert refused.value.unsafe


@posix_only
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    with pytest.raises(RefusedFile, match=r"^is a named pipe \(FIFO\); expected a regular file$"):
        read_regular_file(fifo, 1024, follow_links=True)


@posix_only
@pytest.mark.usefixtures("no_hang")
def test_dev_zero_is_refused_as_a_device_even_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "zero.md").symlink_to("/dev/zero")

    with pytest.raises(RefusedFile, match=r"^is a device; expected a regular file$"):
        read_regular_file(Path("/dev/zero"), 1024, follow_links=True)
    with pytest.raises(RefusedFile, match=r"^is a device; "):
        read_regular_file(tmp_path / "zero.md", 1024, follow_links=True)
    with pytest.raises(RefusedFile, match=r"^is a symbolic link; "):
        read_regular_file(tmp_path / "zero.md", 1024)


def test_a_folder_is_a_mistake_not_a_refusal_of_the_pack(tmp_path: Path) -> None:
    with pytest.raises(RefusedFile, match=r"^is a folder; expected a file$") as refused:
        read_regular_file(tmp_path, 1024)

    assert not refused.value.unsafe


@pytest.mark.parametrize(
    ("size", "shown"),
    [(900, "900 bytes"), (256 * 1024, "256 KiB"), (1_100_000, "1.05 MiB"), (5 << 20, "5 MiB")],
)
def test_sizes_are_written_as_people_read_them(size: int, shown: str) -> None:
    assert describe_size(size) == shown


def test_a_screen_at_its_cap_loads_and_one_byte_more_refuses_the_pack(
    good_pack: PackBuilder,
) -> None:
    screen = good_pack.root / "en/screens/03-when-to-call.md"
    text = screen.read_bytes()
    screen.write_bytes(text + b"#" * (MAX_MARKDOWN_BYTES - len(text)))

    assert load_pack(good_pack.root).problems == []

    screen.write_bytes(screen.read_bytes() + b"#")
    result = load_pack(good_pack.root)

    assert result.fatal
    assert [str(p) for p in result.problems] == [
        "en/screens/03-when-to-call.md: (file): is 262,145 bytes; the limit for a screen file "
        "is 256 KiB (262,144 bytes)"
    ]


def test_the_largest_number_of_screens_loads_and_one_more_refuses_the_pack(
    good_pack: PackBuilder,
) -> None:
    for order in range(4, MAX_SCREENS + 1):
        good_pack.screen(f"s{order}", order)

    assert len(load_pack(good_pack.root).pack.screens) == MAX_SCREENS  # type: ignore[union-attr]

    good_pack.screen("one-more", MAX_SCREENS + 1)
    result = load_pack(good_pack.root)

    assert result.fatal
    assert [str(p) for p in result.problems] == [
        f"en/screens/: (folder): has {MAX_SCREENS + 1} screen files; the limit is "
        f"{MAX_SCREENS} per language"
    ]


@posix_only
def test_validate_pack_on_a_pack_with_fifos_ends_at_once_and_names_them(
    good_pack: PackBuilder, tmp_path: Path
) -> None:
    for file in ("protocol.toml", "en/screens/02-after-care.md", "illustrations/skin.svg"):
        (good_pack.root / file).unlink()
        os.mkfifo(good_pack.root / file)
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    done = subprocess.run(
        [sys.executable, "-m", "app", "validate-pack", str(good_pack.root)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    fifo = "is a named pipe (FIFO); expected a regular file"
    assert f"protocol.toml: (file): {fifo}" in lines
    assert f"en/screens/02-after-care.md: (file): {fifo}" in lines
    assert f'en/screens/01-what-is-it.md: illustration: "illustrations/skin.svg" {fifo}' in lines
