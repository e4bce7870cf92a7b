"""The emergency number follows the patient's region: their choice in Settings, else the clinic
config's region, else the computer's; a region the pack has no number for gets "your local
emergency number" (in the pack's words), never a guessed number. Settings shows the number a
choice implies, and every surface redraws with it. The pack is the tests' own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window
from app.ui.preferences import OTHER_REGION, REGION_KEY, Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.about import AboutScreen
from app.ui.screens.learn import LearnArea
from app.ui.screens.region_setting import RegionSetting
from app.ui.screens.warning_signs import WarningSignsArea
from tests.warning_pack import build_warning_pack

UNKNOWN = "the local emergency line"  # the test pack's words for an unlisted region


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_warning_pack(tmp_path_factory.mktemp("region-pack") / "pack")


@pytest.fixture
def provider(pack: Path, qapp: QApplication) -> ContentProvider:
    provider = ContentProvider(pack, language="en")
    provider.load()
    return provider


@pytest.fixture
def system_region() -> Iterator[object]:
    """Sets the computer's region for a test; the default locale is put back after."""
    previous = QLocale()

    def set_to(country: QLocale.Country) -> None:
        QLocale.setDefault(QLocale(QLocale.Language.English, country))

    yield set_to
    QLocale.setDefault(previous)


def _choose(setting: RegionSetting, code: str) -> None:
    index = setting.choice.findData(code)
    assert index >= 0, code
    setting.choice.setCurrentIndex(index)
    setting.choice.activated.emit(index)


def test_the_region_chosen_in_settings_is_saved_and_gives_its_number(
    qtbot: QtBot, provider: ContentProvider, store: Store, system_region: object
) -> None:
    system_region(QLocale.Country.UnitedKingdom)  # type: ignore[operator]
    prefs = Preferences(store)
    setting = RegionSetting(prefs, provider)
    qtbot.addWidget(setting)
    names = [setting.choice.itemText(i) for i in range(setting.choice.count())]
    assert names == ["New Zealand", "United Kingdom", "Other (use your local emergency number)"]
    assert setting.choice.currentData() == "GB" and store.get_setting(REGION_KEY) is None
    assert setting.number.text() == "Emergency number: 999"

    _choose(setting, "NZ")  # travelling
    assert store.get_setting(REGION_KEY) == "NZ"
    assert (provider.emergency_number(), setting.number.text()) == ("111", "Emergency number: 111")
    assert Preferences(store).region == "NZ"  # it survives a restart

    _choose(setting, OTHER_REGION)
    assert store.get_setting(REGION_KEY) == OTHER_REGION
    assert provider.emergency_number() == UNKNOWN
    assert setting.number.text() == f"Emergency number: {UNKNOWN}"


def test_without_a_choice_the_clinic_region_then_the_systems_decides(
    provider: ContentProvider, system_region: object
) -> None:
    system_region(QLocale.Country.NewZealand)  # type: ignore[operator]
    assert (provider.emergency_region(), provider.emergency_number()) == ("NZ", "111")
    provider.clinic_region = "GB"  # a clinic sets it on purpose
    assert provider.emergency_number() == "999"
    provider.region = "NZ"  # the patient's own choice wins
    assert provider.emergency_number() == "111"


@pytest.mark.parametrize(
    "country", [QLocale.Country.Japan, QLocale.Country.UnitedStates, QLocale.Country.AnyCountry]
)
def test_a_region_the_pack_does_not_list_never_gets_a_guessed_number(
    qtbot: QtBot, provider: ContentProvider, system_region: object, country: QLocale.Country
) -> None:
    system_region(country)  # type: ignore[operator]
    assert provider.emergency_number() == UNKNOWN
    setting = RegionSetting(Preferences(None), provider)
    qtbot.addWidget(setting)
    assert setting.choice.currentData() == OTHER_REGION
    area = WarningSignsArea(provider, lambda: _light(), lambda _id: None)
    qtbot.addWidget(area)
    text = area.view.toPlainText()
    assert f"dial {UNKNOWN} now" in text
    assert not any(number in text for number in ("911", "999", "112", "111", "000"))


def _light() -> object:
    from app.ui.theme import LIGHT

    return LIGHT


def test_a_nonsense_stored_region_counts_as_not_chosen(store: Store) -> None:
    for value in ("gb", "United Kingdom", "", "999"):
        store.set_setting(REGION_KEY, value)
        assert Preferences(store).region == ""
    with pytest.raises(ValueError):
        Preferences(store).set_region("uk")


def test_every_surface_redraws_with_the_number_of_a_new_region(
    qtbot: QtBot,
    provider: ContentProvider,
    store: Store,
    data_dir: Path,
    qsettings: QSettings,
    app_style: QApplication,
    system_region: object,
) -> None:
    system_region(QLocale.Country.UnitedKingdom)  # type: ignore[operator]
    prefs = Preferences(store)
    session = RecoverySession(store, provider)
    window = build_home_window(app_style, prefs, provider, data_dir, None, qsettings, session)
    qtbot.addWidget(window)
    window.show()
    window.first_painted.emit()
    learn, warning, about = (window.area_widget(key) for key in ("learn", "warning", "about"))
    assert isinstance(learn, LearnArea) and isinstance(warning, WarningSignsArea)
    assert isinstance(about, AboutScreen)
    learn.open_screen("normal-or-not")
    assert "The number to call is 999." in learn.view.toPlainText()

    settings = window.area_widget("settings")
    region = settings.findChild(RegionSetting)
    assert region is not None
    _choose(region, "NZ")

    assert "The number to call is 111." in learn.view.toPlainText()  # {{emergency_number}}
    assert "dial 111 now" in learn.view.toPlainText()
    assert "dial 111 now" in warning.view.toPlainText()
    about_text = " ".join(label.text() for label in about.findChildren(QLabel))
    assert "dial 111 now" in about_text and "999" not in about_text
