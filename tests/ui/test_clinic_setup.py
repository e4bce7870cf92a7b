"""The clinic config as the running app uses it: values applied, mistakes told, never a crash."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.domain.protocol import Duration
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import apply_clinic_config
from app.ui.main_window import MainWindow
from app.ui.recovery_session import RecoverySession
from tests.conftest import REPO

EXAMPLE = REPO / "resources" / "clinic.example.toml"


def _setup(
    window: MainWindow, content: ContentProvider, store: Store, path: Path
) -> tuple[RecoverySession, list[tuple[str, str]], list[str]]:
    session = RecoverySession(store, content)
    told: list[tuple[str, str]] = []
    lines = apply_clinic_config(
        window, content, session, path, tell=lambda _w, title, text: told.append((title, text))
    )
    return session, told, lines


def test_example_config_sets_name_phone_colour_and_timings(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "clinic"
    shutil.copytree(REPO / "resources" / "icons", folder / "icons")
    shutil.copy(EXAMPLE, folder / "clinic.toml")
    content = ContentProvider()
    content.load()
    session, told, _ = _setup(window, content, store, folder / "clinic.toml")
    assert told == []
    assert content.clinic_name and content.clinic_phone
    assert content.clinic_overrides["makeup"] == Duration(48, "hours")
    assert content.values()["makeup"] == "48 hours"  # the screens say the clinic's timing
    assert "after hours" in content.values()["clinic_phone"]
    session.add(datetime(2026, 3, 7, 21, tzinfo=UTC), "America/New_York")
    plan = session.position(datetime(2026, 3, 8, tzinfo=UTC)).plan
    assert plan is not None
    # Compared in UTC: Python subtracts two times in one zone by their wall clocks.
    elapsed = plan.ends_at("makeup").astimezone(UTC) - plan.treated_at.astimezone(UTC)
    assert elapsed == timedelta(hours=48)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert content.clinic_accent is not None
    assert content.clinic_accent.lower() in app.styleSheet().lower()


def test_a_damaged_clinic_config_is_told_and_the_app_carries_on(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    broken = tmp_path / "clinic.toml"
    broken.write_bytes(b'[clinic]\nname = "Riverside"\nphone = 12\n\x00\xff garbage [[[')
    content = ContentProvider()
    content.load()
    session, told, lines = _setup(window, content, store, broken)
    assert len(told) == 1
    title, text = told[0]
    assert "mistakes" in title and str(broken) in text
    assert lines and all(str(broken) in line for line in lines)
    assert content.clinic_overrides == {}  # defaults in force
    assert session.position().plan is None
    assert window.isVisible()


def test_a_missing_clinic_config_given_on_the_command_line_is_told(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    content = ContentProvider()
    content.load()
    _, told, lines = _setup(window, content, store, tmp_path / "nowhere.toml")
    assert len(told) == 1 and "nowhere.toml" in told[0][1]
    assert any("not found" in line for line in lines)


def test_no_clinic_config_at_all_is_fine_and_silent(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    content = ContentProvider()
    content.load()
    _, told, lines = _setup(window, content, store, None)  # type: ignore[arg-type]
    assert told == [] and lines == []


def test_open_screens_show_the_clinic_phone_once_the_config_arrives(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\nname = "Riverside_Skin"\nphone = "+1 555 0100"\n')
    content = ContentProvider()
    content.load()
    from app.ui.screens.warning_signs import WarningSignsArea
    from app.ui.theme import LIGHT

    area = WarningSignsArea(content, lambda: LIGHT, lambda _id: None)
    window.restyled.connect(area.refresh)
    assert "+1 555 0100" not in area.view.toPlainText()
    _setup(window, content, store, config)
    text = area.view.toPlainText()
    assert "+1 555 0100" in text
    assert "Riverside_Skin" in text  # escaped, so the underscore is not taken as italics
