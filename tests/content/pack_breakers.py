"""Ways to break one file of a test pack, shared by the broken-pack tables."""

from __future__ import annotations

import os

from tests.content.conftest import PackBuilder


def replace(builder: PackBuilder, file: str, old: str, new: str) -> None:
    path = builder.root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def link(builder: PackBuilder, file: str) -> None:
    """The file becomes a symbolic link to a copy of itself beside the pack."""
    path = builder.root / file
    copy = builder.root.parent / ("linked-" + path.name)
    copy.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(copy)


def fifo(builder: PackBuilder, file: str) -> None:
    path = builder.root / file
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def big(builder: PackBuilder, file: str, size: int) -> None:
    """The file grown past `size` bytes with comment lines."""
    path = builder.root / file
    text = path.read_text(encoding="utf-8")
    padding = "\n<!-- -->" if file.endswith(".svg") else "\n#"
    path.write_text(text + padding * (size // len(padding) + 1), encoding="utf-8")
