"""The shape of protocol.toml and aftercare.toml, and how a broken file is reported.

Pydantic checks types, ranges and required fields (the models are in app.domain.schema_models,
imported only when a file is really checked: the built-in pack's checked snapshot, and every
dataclass here, load without it). Its errors are turned into `Problem`s that
name the file, the field path and what was expected. Each table entry is checked on its own so
that one bad entry does not hide the mistakes in the others: a content author should be able to
fix every problem in one pass, not one per run.

The models here are private to the loaders in `app.domain.protocol`; the rest of the app only
sees the frozen dataclasses built from them.
"""

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain.input_files import MAX_TOML_BYTES, RefusedFile, read_regular_file

if TYPE_CHECKING:
    from pydantic import BaseModel

# Rule ids double as prose placeholders ({{makeup}}, {{next_session}}), so they follow
# identifier rules; phase and checklist ids follow the screen-id style of the content pack.
RULE_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ITEM_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# No clinic means a year or more; the ceilings catch such typos and keep date arithmetic far
# from datetime's limits.
MAX_DAYS = 366
MAX_HOURS = MAX_DAYS * 24


@dataclass(frozen=True)
class Problem:
    """One mistake in one file: where it is and what was expected instead."""

    file: str
    field: str
    message: str
    # A file or reference that could reach outside its pack (a link, "..", a FIFO, a file over
    # its size cap): the whole pack is refused, not only the screen. Not part of equality, so
    # the same mistake found twice is still said once.
    unsafe: bool = dataclasses.field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class ProtocolError(ValueError):
    """Every problem found in a protocol, its language text or a set of overrides."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def read_toml(path: Path) -> Mapping[str, object]:
    """Parse a TOML file; an unreadable or malformed file is a ProtocolError like any other.
    Only a regular file, not a link, of at most MAX_TOML_BYTES is read (app.domain.input_files)."""
    import tomllib  # here: the built-in pack's snapshot loads without it (~10 ms)

    source = str(path)
    try:
        raw = read_regular_file(path, MAX_TOML_BYTES, what="a TOML file")
        return tomllib.loads(raw.decode("utf-8-sig"))
    except RefusedFile as error:
        problem = Problem(source, "(file)", str(error), unsafe=error.unsafe)
        raise ProtocolError([problem]) from error
    except OSError as error:
        message = f"cannot read: {error.strerror or error}"
        raise ProtocolError([Problem(source, "(file)", message)]) from error
    except tomllib.TOMLDecodeError as error:
        raise ProtocolError([Problem(source, "(syntax)", f"not valid TOML: {error}")]) from error
    except UnicodeDecodeError as error:
        message = f"not valid TOML: not UTF-8 text (byte {error.start})"
        raise ProtocolError([Problem(source, "(syntax)", message)]) from error
    except RecursionError as error:  # tomllib recurses into nested tables and arrays
        message = "not valid TOML: nested too deeply"
        raise ProtocolError([Problem(source, "(syntax)", message)]) from error
    except ValueError as error:  # a whole number of thousands of digits
        message = f"not valid TOML: {error}"
        raise ProtocolError([Problem(source, "(syntax)", message)]) from error


Model = TypeVar("Model", bound="BaseModel")
FieldPath = tuple[str | int, ...]


def render_path(path: Iterable[str | int]) -> str:
    """("phases", 3, "until") -> "phases[3].until"; array entries count from 1."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


# pydantic's wording for the common type mistakes, in the words a content author uses.
_PLAIN = {
    "int_type": "expected a whole number",
    "string_type": "expected text in quotes",
    "list_type": "expected an array [...]",
    "model_type": "expected a table",
    "dict_type": "expected a table",
}


def _expectation(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling)"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    message = _PLAIN.get(kind) or str(error["msg"]).replace("Input should be", "expected", 1)
    if kind == "string_pattern_mismatch":
        message = f"expected a name of lowercase letters, digits and {_separator(error)}"
    value = error.get("input")
    if isinstance(value, str | int | float | bool):
        message += f", got {value!r}"
    return message


def _separator(error: Mapping[str, Any]) -> str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if pattern == RULE_ID_PATTERN:
        return "underscores, starting with a letter"
    if pattern == ITEM_ID_PATTERN:
        return "single hyphens"
    return f"matching {pattern}"


class Collector:
    """Gathers problems for one file while its parts are checked one by one."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.source, render_path(path), message))

    def model(self, model: type[Model], value: object, path: FieldPath) -> Model | None:
        """Validate one entry; on failure record every error under `path` and return None."""
        from pydantic import ValidationError  # only when a file is really checked

        try:
            return model.model_validate(value)
        except ValidationError as error:
            for detail in error.errors():
                # pydantic counts list items from 0; authors count entries from 1.
                loc = tuple(p + 1 if isinstance(p, int) else p for p in detail["loc"])
                self.add(path + loc, _expectation(detail))
            return None

    def table(self, value: object, path: FieldPath) -> Mapping[str, object]:
        """A TOML table (key -> value), or an empty one after recording the problem."""
        if isinstance(value, Mapping):
            return value
        self.add(path, f"expected a table, got {type(value).__name__}")
        return {}

    def array(self, value: object, path: FieldPath) -> list[object]:
        """A TOML array, or an empty one after recording the problem."""
        if isinstance(value, list):
            return value
        self.add(path, f"expected an array of tables, got {type(value).__name__}")
        return []

    def known_keys(
        self, data: Mapping[str, object], allowed: Sequence[str], path: FieldPath
    ) -> None:
        for key in data:
            if key not in allowed:
                expected = ", ".join(allowed)
                self.add((*path, key), f"unknown field; expected one of: {expected}")

    def unique(self, ids: Sequence[tuple[FieldPath, str]]) -> None:
        """Record every id that already appeared earlier in `ids`."""
        seen: set[str] = set()
        for path, item_id in ids:
            if item_id in seen:
                self.add(path, f"duplicate id {item_id!r}; ids must be unique")
            seen.add(item_id)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ProtocolError(self.problems)


_MODELS = frozenset(
    {"Text", "ItemId", "DurationModel", "RangeModel", "RuleModel", "UntilModel", "PhaseModel",
     "DayRangeModel", "ChecklistModel", "UnitWordsModel", "RuleTextModel", "PhaseTextModel"}
)  # fmt: skip


def __getattr__(name: str) -> Any:
    """The pydantic models, still reachable from here, imported on first use (PEP 562)."""
    if name in _MODELS:
        from app.domain import schema_models

        return getattr(schema_models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
