"""Compile the app's own translations (Qt Linguist .ts files) into the .qm files Qt loads.

The sources live in resources/translations/<name>_<language>.ts; the compiled files go to a build
folder, never next to the sources, and companion.spec puts them into the bundle as
app/resources/translations/*.qm. Qt's own translations (qtbase_*.qm, ...) are a different thing:
the spec leaves those out (see the filter there).
Usage: python build_scripts/translations.py OUT_FOLDER
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "resources" / "translations"


def lrelease() -> str:
    """pyside6-lrelease from the same environment as this Python (it ships with PySide6)."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise RuntimeError("pyside6-lrelease not found; it comes with PySide6")
    return found


def compile_translations(sources: Path, out: Path) -> list[Path]:
    """Compile every sources/*.ts into out/*.qm and return the .qm files (none when there are no
    sources). Raises CalledProcessError, with lrelease's words, when a file does not compile."""
    ts_files = sorted(sources.glob("*.ts")) if sources.is_dir() else []
    if not ts_files:
        return []
    out.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    compiled = []
    for ts in ts_files:
        qm = out / ts.with_suffix(".qm").name
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True
        )
        if not qm.is_file():
            raise RuntimeError(f"{tool} wrote no {qm.name} for {ts}")
        compiled.append(qm)
    return compiled


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[-1], file=sys.stderr)
        return 2
    for qm in compile_translations(SOURCES, Path(sys.argv[1])):
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
