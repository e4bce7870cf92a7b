"""Shared test set-up: headless Qt, no test ever touches the real home folder, nothing is left
in the temporary folder afterwards, and the app's content is the test pack (tests/fixtures)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# A Qt process without a display aborts; this must happen before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QStandardPaths and QSettings follow these on Linux; point them away from the real home. The
# sandbox also holds pytest's tmp_path folders (pytest_configure) and the temporary folder of
# this process and of every process a test starts (TMPDIR: Python's tempfile, Qt's
# QDir::tempPath, a killed app's socket file), and all of it goes at the end of the run.
_SANDBOX = Path(tempfile.mkdtemp(prefix="mnc-tests-"))
_OWNER = os.getpid()


def _remove_sandbox() -> None:
    if os.getpid() == _OWNER:  # not a child a test forked, which would take it from the run
        shutil.rmtree(_SANDBOX, ignore_errors=True)


# Removed by pytest_unconfigure below; also at exit, for a run that pytest ends before that hook
# (an unknown option on its command line is refused after this file is read).
atexit.register(_remove_sandbox)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
(_SANDBOX / "tmp").mkdir(mode=0o700)
os.environ["TMPDIR"] = tempfile.tempdir = str(_SANDBOX / "tmp")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings  # noqa: E402

from app.render.content_provider import ContentProvider  # noqa: E402
from tests.fixtures.testpack import build_test_pack  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> object:
    """After every teardown (pytest-qt's included, which closes each test's widgets and only
    asks Qt to delete them later), delete them now. Left to a later test, a window whose store
    was closed was once deleted in the middle of that test's setStyleSheet, and the run
    crashed."""
    result = yield
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # tmp_path folders inside the sandbox, not in the shared /tmp/pytest-of-<user>, unless the
    # run names its own --basetemp. Runs before pytest's own tmp_path set-up reads the option.
    if config.option.basetemp is None:
        config.option.basetemp = str(_SANDBOX / "pytest")


def pytest_unconfigure(config: pytest.Config) -> None:
    """The last hook of the run: every fixture is torn down and every subprocess has ended."""
    _remove_sandbox()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture(scope="session")
def test_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test content pack: the shipped screens with the test protocol and its words."""
    return build_test_pack(tmp_path_factory.mktemp("content") / "test-pack")


@pytest.fixture(scope="session")
def loaded_content(test_pack: Path) -> ContentProvider:
    """The test pack, loaded once for the whole run (it is read-only)."""
    provider = ContentProvider(test_pack, language="en")  # whatever this machine's language
    provider.load()
    loaded = provider.content()
    # A broken test pack would fall back to the shipped one and quietly test its timings.
    assert not loaded.used_fallback and not loaded.problems, loaded.problems
    return provider


@pytest.fixture
def qsettings(tmp_path: Path) -> Iterator[QSettings]:
    """A QSettings of its own for each test, in an INI file under tmp_path."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.sync()


@pytest.fixture
def spanish(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The shipped Spanish translation, compiled for the test (make builds it for the app),
    where the app looks for translations; English and the locale as they were afterwards."""
    import sys

    from app.render import translation

    sys.path.insert(0, str(REPO / "build_scripts"))
    import translations as pipeline  # build_scripts is not a package

    folder = tmp_path_factory.mktemp("qm")
    pipeline.compile_translations(pipeline.SOURCES, folder)
    monkeypatch.setattr(translation, "translations_folder", lambda: str(folder))
    default = QLocale()
    yield
    translation.install_language("en")
    QLocale.setDefault(default)
