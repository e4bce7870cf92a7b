"""Settings, "Your clinic": a read-only line says which setup bundle this computer uses, or
which was refused and why; nothing shows on a computer that takes no bundles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from app.domain.clinic_managed import ManagedSettings
from app.fleet import startup
from app.fleet.startup import StartSetup
from app.fleet.status import FELL_BACK, REFUSED, BundleStatus, Event, write_status
from app.render.content_provider import ContentProvider
from app.ui.bundle_watch import status_text
from app.ui.preferences import Preferences
from app.ui.screens.clinic_setting import ClinicSetting

KEY = "RWSVagWrwyNzgfet0vqfJ16bWRYeboTSDiUPlepTaXkxsGtohXCs5sE9"
APPLIED = "2026-11-29T10:00:00Z"


@pytest.fixture(autouse=True)
def english() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def _started(monkeypatch: pytest.MonkeyPatch, state: Path | None, running: int | None) -> None:
    managed = ManagedSettings(Path("/share"), KEY) if state else None
    setup = StartSetup(None, None, managed, state, running)
    monkeypatch.setattr(startup, "_started", [setup])


def test_settings_shows_the_bundle_in_use_and_the_last_refusal(
    qtbot: QtBot,
    prefs: Preferences,
    loaded_content: ContentProvider,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refusal = Event(REFUSED, 13, "clinic-13.mncbundle", "signature does not match", APPLIED)
    write_status(tmp_path, BundleStatus(True, 12, APPLIED, refusal))
    _started(monkeypatch, tmp_path, running=12)
    setting = ClinicSetting(prefs, loaded_content)
    qtbot.addWidget(setting)
    setting.show()
    assert setting.bundle_status.isVisible()
    assert setting.bundle_status.text() == (
        "Setup bundle 12 applied on 29 November 2026.\nBundle 13 refused: signature does not match"
    )


def test_settings_says_nothing_about_bundles_on_an_unmanaged_computer(
    qtbot: QtBot,
    prefs: Preferences,
    loaded_content: ContentProvider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _started(monkeypatch, None, running=None)
    setting = ClinicSetting(prefs, loaded_content)
    qtbot.addWidget(setting)
    setting.show()
    assert not setting.bundle_status.isVisible()


def test_a_bundle_applied_while_the_app_runs_is_said_to_wait_for_the_next_start() -> None:
    status = BundleStatus(True, 3, APPLIED)
    assert status_text(status, running=2) == [
        "Setup bundle 3 applied on 29 November 2026. It is used from the next start of the app."
    ]


def test_a_roll_back_and_an_unreadable_folder_are_said_plainly() -> None:
    back = Event(FELL_BACK, 4, "c4.mncbundle", "it did not load after it was applied (x)", APPLIED)
    status = BundleStatus(True, 3, APPLIED, back, "The bundle folder /share cannot be read (gone)")
    assert status_text(status, running=3)[1:] == [
        "Bundle 4 was rolled back: it did not load after it was applied (x)",
        "The bundle folder /share cannot be read (gone). The bundle in use stays; "
        "the app looks again in 10 minutes.",
    ]


def test_the_setup_form_does_not_edit_a_setup_bundles_copy_of_the_config(
    qtbot: QtBot,
    loaded_content: ContentProvider,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.screens.clinic_setup import ClinicSetupForm

    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\nname = "From bundle 7"\n')
    _started(monkeypatch, tmp_path, running=7)
    form = ClinicSetupForm(loaded_content, config)
    qtbot.addWidget(form)
    assert not form.save_button.isEnabled()
    assert "setup bundle 7" in form.read_only.text()
    assert not form.read_only.isHidden()
