"""Shared test set-up: headless Qt, and no test ever touches the real home folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# A Qt process without a display aborts; this must happen before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QStandardPaths and QSettings follow these on Linux; point them away from the real home.
_SANDBOX = Path(tempfile.mkdtemp(prefix="mnc-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from app.ui.content_provider import ContentProvider  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture(scope="session")
def loaded_content() -> ContentProvider:
    """The built-in pack, loaded once for the whole run (it is read-only)."""
    provider = ContentProvider()
    provider.load()
    return provider


@pytest.fixture
def qsettings(tmp_path: Path) -> Iterator[QSettings]:
    """A QSettings of its own for each test, in an INI file under tmp_path."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.sync()
