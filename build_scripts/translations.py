"""Compile the app's own translations (Qt Linguist .ts files) into the .qm files Qt loads.

The sources live in resources/translations/<name>_<language>.ts; the compiled files go to a build
folder, never next to the sources, and companion.spec puts them into the bundle as
app/resources/translations/*.qm. Qt's own translations (qtbase_*.qm, ...) are a different thing:
the spec leaves those out (see the filter there).
`make translations` refreshes the sources from the code first (--update): every tr() and
QCoreApplication.translate() message, without line numbers (so an edit elsewhere in a file does
not touch them) and without obsolete entries.
Usage: python build_scripts/translations.py --update | OUT_FOLDER
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "resources" / "translations"
# The languages the app is translated into, besides its source language (English).
LANGUAGES = ("es",)
NAME = "microneedling-companion"


def _beside_python(tool: str) -> str:
    beside = Path(sys.executable).with_name(tool)
    found = str(beside) if beside.exists() else shutil.which(tool)
    if not found:
        raise RuntimeError(f"{tool} not found; it comes with PySide6")
    return found


def source_files(repo: Path = REPO) -> list[Path]:
    """Every Python file of the app, in a stable order (the .ts files list no locations)."""
    return sorted((repo / "app").rglob("*.py"))


def update_sources(out: Path = SOURCES, repo: Path = REPO) -> list[Path]:
    """Run lupdate over the app into out/<NAME>_<lang>.ts for each language."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        ts = out / f"{NAME}_{language}.ts"
        # lupdate takes a list file; relative paths keep the .ts free of this machine's paths.
        listing = out / f".{NAME}_{language}.files"
        listing.write_text("\n".join(str(p.relative_to(repo)) for p in source_files(repo)) + "\n")
        try:
            subprocess.run(
                [
                    _beside_python("pyside6-lupdate"),
                    "-silent",
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    f"@{listing}",
                    "-ts",
                    str(ts),
                ],
                check=True,
                capture_output=True,
                text=True,
                cwd=repo,
            )
        finally:
            listing.unlink(missing_ok=True)
        written.append(ts)
    return written


def lrelease() -> str:
    """pyside6-lrelease from the same environment as this Python (it ships with PySide6)."""
    return _beside_python("pyside6-lrelease")


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
    if sys.argv[1] == "--update":
        for ts in update_sources():
            print(ts.relative_to(REPO))
        return 0
    for qm in compile_translations(SOURCES, Path(sys.argv[1])):
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
