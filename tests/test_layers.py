"""The shape of the house (ARCHITECTURE.md): which package may import which. Read from the source
with `ast`, so a lazy import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"


def _imports(package: str) -> dict[str, set[str]]:
    """Every module each file of `package` imports, by file."""
    found: dict[str, set[str]] = {}
    for path in sorted((APP / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(APP.parent))] = names
    return found


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{file}: {name}"
        for file, names in _imports(package).items()
        for name in sorted(names)
        if name == forbidden or name.startswith(forbidden)
    ]


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        # The domain is plain data in, plain data out: no Qt, no SQL, no screens.
        ("domain", ("PySide6", "shiboken6", "sqlite3", "app.ui", "app.store", "app.export")),
        # Only the store speaks SQL, and it knows nothing of Qt or screens.
        ("store", ("PySide6", "app.ui", "app.export")),
        # Exports sit beside the UI, not above it.
        ("export", ("app.ui", "sqlite3", "app.store")),
        # What both the UI and the exports use sits below both.
        ("render", ("app.ui", "app.export", "sqlite3", "app.store")),
        # Setup bundles: files and signatures only; the windows that show them sit above.
        ("fleet", ("PySide6", "shiboken6", "app.ui", "sqlite3", "app.store", "app.render")),
    ],
)
def test_each_layer_imports_only_what_sits_below_it(
    package: str, forbidden: tuple[str, ...]
) -> None:
    assert _offenders(package, forbidden) == []


def test_only_the_store_speaks_sql() -> None:
    for package in ("ui", "export", "render", "domain"):
        assert _offenders(package, ("sqlite3",)) == [], package
