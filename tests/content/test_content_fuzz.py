"""Any value of any TOML type, anywhere in a pack's TOML, is a problem with a file and a field.

Hypothesis puts lists where tables belong, tables where text belongs, huge numbers, NaN and
infinity into pack.toml, a screen's front matter, protocol.toml and aftercare.toml; loading
never raises, and every problem names its file and field.
"""

from __future__ import annotations

import json
import math
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.pack import load_pack
from tests.content.conftest import PackBuilder

SCREEN = "en/screens/02-after-care.md"


def _toml(value: Any) -> str:
    """``value`` as a TOML value (inline tables and arrays), for any value tomllib can give."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


def _document(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(key)} = {_toml(value)}\n" for key, value in data.items())


SCALARS = (
    st.text(max_size=12)
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.sampled_from([math.nan, math.inf, -math.inf, 0.5, -0.0])
    | st.booleans()
    | st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _set(data: Any, path: list[str | int], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _front_matter(pack: PackBuilder) -> tuple[dict[str, Any], str]:
    text = (pack.root / SCREEN).read_text(encoding="utf-8")
    _, front, body = text.split("+++\n", 2)
    return tomllib.loads(front), body


WHERE = st.sampled_from(
    [
        ("pack.toml", ["id"]),
        ("pack.toml", ["languages"]),
        ("pack.toml", ["last_reviewed"]),
        ("pack.toml", ["sources"]),
        ("pack.toml", ["sources", 0]),
        ("pack.toml", ["sources", 0, "key"]),
        ("pack.toml", ["sources", 1, "also"]),
        ("pack.toml", ["new-key"]),
        (SCREEN, ["id"]),
        (SCREEN, ["order"]),
        (SCREEN, ["sources"]),
        (SCREEN, ["illustration"]),
        (SCREEN, ["title"]),
        ("protocol.toml", ["format"]),
        ("protocol.toml", ["rules"]),
        ("protocol.toml", ["rules", "makeup"]),
        ("protocol.toml", ["rules", "makeup", "amount"]),
        ("protocol.toml", ["rules", "makeup", "typical"]),
        ("protocol.toml", ["phases"]),
        ("protocol.toml", ["phases", 0, "until"]),
        ("protocol.toml", ["checklist", 0]),
        ("en/aftercare.toml", ["units"]),
        ("en/aftercare.toml", ["units", "hour"]),
        ("en/aftercare.toml", ["rules", "makeup"]),
        ("en/aftercare.toml", ["phases", "first-day", "normal"]),
        ("en/aftercare.toml", ["checklist"]),
    ]
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(where=WHERE, value=VALUES)
def test_any_value_anywhere_is_a_problem_never_a_crash(
    tmp_path: Path, where: tuple[str, list[str | int]], value: Any
) -> None:
    file, path = where
    pack = PackBuilder(tmp_path / "pack").good()  # every file written afresh for each example
    if file == SCREEN:
        data, body = _front_matter(pack)
        _set(data, path, value)
        pack.write(file, "+++\n" + _document(data) + "+++\n" + body)
    else:
        with (pack.root / file).open("rb") as handle:
            data = tomllib.load(handle)
        _set(data, path, value)
        pack.write(file, _document(data))

    result = load_pack(pack.root)

    assert all(p.file and p.field and p.message for p in result.problems)
    if result.pack is None:
        assert result.problems, "an unusable pack always says why"
