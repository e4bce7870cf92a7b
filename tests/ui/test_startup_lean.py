"""What must not happen before the first frame (build_scripts/bench.py measures the effect)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO

PROBE = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from PySide6 import QtCore
    from PySide6.QtCore import QEvent, QObject, QSettings
    from app.store import Store
    from app.ui.application import GuiOptions, build_home_window, create_application
    from app.ui.application import kiosk_requested
    from app.render.content_provider import ContentProvider
    from app.ui.preferences import Preferences
    from app.ui.recovery_session import RecoverySession

    assert not kiosk_requested(GuiOptions())  # run_gui asks this first (no clinic config here)
    app = create_application()
    folder = Path.cwd() / "data"  # the test's tmp_path: os._exit below skips any clean-up
    folder.mkdir()
    store = Store.open(folder)
    prefs = Preferences(store)
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    content = ContentProvider()
    session = RecoverySession(store, content)
    window = build_home_window(app, prefs, content, folder, None, settings, session)

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                loaded = [m for m in ("pydantic", "PySide6.QtNetwork", "logging.handlers",
                                       "tomllib", "app.fleet.status", "app.ui.bundle_watch",
                                       "app.ui.accessible", "app.ui.document_accessible",
                                       "app.ui.keyboard", "app.export.commands",
                                       "_hashlib")
                          if m in sys.modules]
                print("qt-namespace", "Qt" in QtCore.__dict__, flush=True)
                print("heavy-modules", ",".join(loaded) or "-", flush=True)
                os._exit(0)
            return False

    probe = Probe()
    window.installEventFilter(probe)
    window.resize(1280, 800)
    window.show()
    app.exec()
    """
)


def test_first_frame_needs_neither_the_qt_namespace_nor_heavy_modules(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=True,
    ).stdout.split("\n")  # fmt: skip
    # The Qt namespace builds ~130 enums on first use (~17 ms); pydantic, QtNetwork and the
    # rotating log handler belong to work done just after the first frame, as do the bundle
    # status, the screen reader's roles and Enter on buttons; tomllib (~12 ms) is needed before
    # it only when a clinic config might ask for the kiosk; OpenSSL's hashes (_hashlib, ~3.5 ms)
    # only for a data folder too deep for a socket path.
    assert "qt-namespace False" in out
    assert "heavy-modules -" in out


def test_the_whole_start_up_runs_through_to_the_first_screen(data_dir: Path) -> None:
    """The real program, as `python -m app` starts it, with a clinic config: it paints, loads
    the content and the clinic settings, starts the reminders and reports the first screen."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "MICRONEEDLING_BENCH_FIRST_PAINT": "content",
    }
    config = REPO / "resources" / "clinic.example.toml"
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
    result = subprocess.run(
        [*command, "--clinic-config", str(config)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "content-ready" in result.stdout
    log = (data_dir / "logs" / "companion.log").read_text(encoding="utf-8")
    assert "unhandled exception" not in log
    assert "clinic config problem" not in log


# Nothing of these before the first readable screen: the validator and what its plugin loader
# pulls in (importlib.metadata, email), and the libraries of other commands. The built-in pack
# comes from its checked snapshot (app.domain.pack_snapshot); a clinic config, when there is
# one, is still checked before the first content (its timings and phones are on that screen).
HEAVY_BEFORE_CONTENT = (
    "pydantic", "pydantic_core", "annotated_types", "importlib.metadata", "email",
    "app.domain.schema_models", "app.domain.pack_models", "app.domain.clinic",
    "icalendar", "segno", "textstat", "tomllib", "difflib", "_hashlib",
)  # fmt: skip


def _imported_before_content(data_dir: Path, treatments: int) -> set[str]:
    from datetime import UTC, datetime, timedelta

    from app.store import Store
    from app.ui.preferences import WELCOME_SEEN

    store = Store.open(data_dir)
    store.set_setting(WELCOME_SEEN.key, "1")
    for n in range(treatments):
        store.add_treatment(datetime.now(UTC) - timedelta(days=2 + 40 * n), "Europe/London")
    store.close()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "MICRONEEDLING_BENCH_FIRST_PAINT": "content",  # exits once the first area is painted
    }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", "--data-dir", str(data_dir)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0 and "content-ready" in result.stdout, result.stderr[-2000:]
    before, marked, _ = result.stderr.partition("content-ready\n")
    assert marked, result.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in before.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.mark.parametrize("treatments", [0, 1], ids=["learn", "today"])
def test_the_first_readable_screen_needs_no_validator_nor_heavy_modules(
    data_dir: Path, treatments: int
) -> None:
    snapshot = REPO / "resources" / "content" / "microneedling-acne-scars.snapshot"
    assert snapshot.is_file(), "no snapshot of the built-in pack: run `make` first"
    imported = _imported_before_content(data_dir, treatments)
    assert "app.domain.pack" in imported  # the content did load, from the snapshot
    heavy = sorted(
        m for m in imported if any(m == h or m.startswith(h + ".") for h in HEAVY_BEFORE_CONTENT)
    )
    assert heavy == []
