"""Editing the clinic config file in place: set or remove values, keep every comment and the
layout, check the result with the loader's own rules, and write it atomically, owner-only.

The file is written by hand by clinic staff and IT, with comments that explain each value, so
it is edited through tomlkit (which keeps comments, spacing and order) rather than rewritten
from parsed data. Before anything is written the new text is parsed back twice: with tomllib,
it must hold exactly the old values plus the changes; and through
app.domain.clinic.clinic_config_from_mapping, it must bring no mistake the file did not
already have. Otherwise nothing is written and ConfigEditError (or ConfigRefused, naming each
field) says why.
"""

from __future__ import annotations

import copy
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Comment, Item, Table

from app.domain.clinic import clinic_config_from_mapping
from app.domain.clinic_location import MAX_CONFIG_BYTES
from app.domain.input_files import RefusedFile, read_regular_file
from app.domain.schema import Problem
from app.export.atomic import write_atomically
from app.paths import make_private_dirs

FILE_MODE = 0o600  # the config holds the staff PIN's hash: nobody else may read or change it
_BOM = "\ufeff"


class ConfigEditError(Exception):
    """The file cannot be edited safely; the message says what to do instead."""


class ConfigRefused(ConfigEditError):
    """The edit would put a mistake into the config: each Problem names its field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


class ClinicConfigFile:
    """One clinic config as a tomlkit document. `open` reads it (a missing file is an empty
    one); `set` changes it in memory; `save` checks and writes it."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self._bom = text.startswith(_BOM)
        self.original = text.removeprefix(_BOM)
        try:
            self._before: dict[str, Any] = tomllib.loads(self.original)
            self._doc = tomlkit.parse(self.original)
        except (tomllib.TOMLDecodeError, tomlkit.exceptions.TOMLKitError) as error:
            raise ConfigEditError(f"the file is not valid TOML ({error}); fix it first") from None
        self._expected: dict[str, Any] = copy.deepcopy(self._before)

    @classmethod
    def open(cls, path: Path) -> ClinicConfigFile:
        """Read the file at `path` (through a link, to the file it names, so the link stays a
        link). ConfigEditError when it cannot be read or is not TOML; OSError passes on."""
        path = Path(os.path.realpath(path)) if path.is_symlink() else path
        try:
            raw = read_regular_file(path, MAX_CONFIG_BYTES, what="a clinic config")
        except FileNotFoundError:
            return cls(path, "")
        except RefusedFile:  # a pipe would hang the read, a device worse
            raise ConfigEditError(
                "this is not a regular file; give the path of the clinic config"
            ) from None
        try:
            return cls(path, raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise ConfigEditError("the file is not UTF-8 text; fix it first") from None

    # reading and changing ---------------------------------------------------------------------

    def get(self, table: str, key: str) -> object | None:
        """The value as the file has it (plain Python), or None when it is not there."""
        section = self._before.get(table)
        return section.get(key) if isinstance(section, dict) else None

    def set(self, table: str, key: str, value: object | None) -> None:
        """Set `[table] key` to `value` (None removes it). A key that is there keeps its place
        and its comment, at the same column; a new one goes after its commented-out example
        (`# key = ...`) if the table has one, else after the table's last value."""
        section = self._expected.setdefault(table, {})
        if value is None:
            section.pop(key, None)
        else:
            section[key] = value
        container = self._doc.get(table)
        if container is None:
            if value is None:
                return
            self._doc.add(table, tomlkit.table())
            container = self._doc[table]
        if not isinstance(container, MutableMapping):
            raise ConfigEditError(f"[{table}] is not a table here; fix it first")
        if value is None:
            if key in container:
                del container[key]
        elif key in container:
            _replace(container, key, value)
        else:
            _insert(container, key, value)

    def text(self) -> str:
        return self._doc.as_string()

    # checking and writing ---------------------------------------------------------------------

    def new_problems(self, known_rule_ids: Iterable[str]) -> list[Problem]:
        """The mistakes the edited file would have that the file on disk has not, found by the
        same rules as loading. ConfigEditError if the edit changed anything else."""
        text = self.text()
        try:
            after = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigEditError(f"the edit would not be valid TOML ({error})") from None
        if after != self._expected:
            raise ConfigEditError(
                "the file is written in a way that cannot be edited safely here; "
                "change it in a text editor"
            )
        known = tuple(known_rule_ids)
        _, before = clinic_config_from_mapping(self._before, self.path, known)
        _, problems = clinic_config_from_mapping(after, self.path, known)
        return [problem for problem in problems if problem not in before]

    def changed(self) -> bool:
        return self.text() != self.original

    def save(self, known_rule_ids: Iterable[str]) -> None:
        """Check the edit, then write it atomically, owner-only (ConfigRefused, ConfigEditError
        or OSError, and the file is as it was). Nothing changed: nothing is written."""
        problems = self.new_problems(known_rule_ids)
        if problems:
            raise ConfigRefused(problems)
        if not self.changed() and self.path.exists():
            return
        make_private_dirs(self.path.parent)  # a folder made here is 0700 whatever the umask
        data = ((_BOM if self._bom else "") + self.text()).encode("utf-8")
        write_atomically(self.path, data, mode=FILE_MODE)
        self.original = self.text()
        self._before = copy.deepcopy(self._expected)


def was_readable_by_others(path: Path) -> bool:
    """True when the file now lets other accounts read it (it will not after `save`)."""
    try:
        return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)
    except OSError:
        return False


def folder_is_writable(path: Path) -> bool:
    """Whether the config's folder (or the nearest folder above it that exists) takes new
    files: an atomic write makes a new file beside the config, then renames it. A first look
    only (on Windows os.access sees the read-only flag, not the folder's ACL): a write that
    is refused anyway raises PermissionError, which the caller says in plain words."""
    folder = path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


# tomlkit details -------------------------------------------------------------------------------


def _item(container: MutableMapping[str, Any], key: str) -> Item | None:
    # Indexing gives plain Python for some values (a bool cannot be subclassed); .item() never.
    found = container.item(key) if hasattr(container, "item") else container[key]
    return found if isinstance(found, Item) else None


def _replace(container: MutableMapping[str, Any], key: str, value: object) -> None:
    old = container[key]
    old_item = _item(container, key)
    old_width = len(old_item.as_string()) if old_item is not None else 0
    if isinstance(value, Mapping) and isinstance(old, MutableMapping):
        for name in [name for name in old if name not in value]:
            del old[name]
        for name, part in value.items():
            if old.get(name) != part:
                old[name] = part
    else:
        container[key] = value
    new = _item(container, key)
    if old_item is not None and new is not None and new.trivia.comment:
        # Keep a trailing comment at its column, as a hand-aligned file has it.
        spaces = len(new.trivia.comment_ws) - (len(new.as_string()) - old_width)
        new.trivia.comment_ws = " " * max(spaces, 1)


def _new_item(value: object) -> Item:
    if isinstance(value, Mapping):
        # Written as the example writes them, `{ amount = 48, unit = "hours" }`, through the
        # parser: tomlkit's own inline tables have no spaces inside the braces.
        parts = ", ".join(
            f"{name} = {tomlkit.item(part).as_string()}" for name, part in value.items()
        )
        item: Item = tomlkit.parse(f"v = {{ {parts} }}\n")["v"]
        return item
    return tomlkit.item(value)


def _insert(container: MutableMapping[str, Any], key: str, value: object) -> None:
    body = getattr(getattr(container, "value", None), "body", None)
    if not isinstance(container, Table) or container.is_super_table() or body is None:
        container[key] = value  # a dotted or unusual table: tomlkit's own placement
        return
    at = _place_for(key, body)
    if at is None:
        values = [index for index, (name, _item) in enumerate(body) if name is not None]
        if not values:
            container[key] = value
            return
        at = values[-1] + 1
    if at >= len(body):
        container[key] = value
        return
    # tomlkit's Container has no public "insert at"; _insert_at keeps its key map right, and
    # the round trip in new_problems() catches any change in its behaviour.
    container.value._insert_at(at, key, _new_item(value))


def _place_for(key: str, body: list[tuple[Any, Any]]) -> int | None:
    """Where a new `key` belongs by the comments: under its commented-out example line, or
    after the paragraph of comments that mentions `key = ...`; None when none does."""
    example = re.compile(rf"#\s*{re.escape(key)}\s*=")
    mention = re.compile(rf"\b{re.escape(key)}\s*=")
    at = None
    for index, (_name, item) in enumerate(body):
        if not isinstance(item, Comment):
            continue
        line = item.as_string().strip()
        if example.match(line):
            at = index + 1
        elif mention.search(line):
            end = index + 1
            while end < len(body) and isinstance(body[end][1], Comment):
                end += 1
            at = end
    return at
