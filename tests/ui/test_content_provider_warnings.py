"""The provider's warning signs: the pack's own when whole, the built-in ones otherwise, and the
emergency number of the patient's region, never a guessed one."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app.render.content_provider import ContentProvider, builtin_pack_folder


@pytest.fixture
def locale() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


def test_a_pack_without_warning_signs_is_refused_whole_and_says_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Loaded and checked with the pack, as a broken protocol.toml is: the built-in pack is
    # shown, never the clinic's screens with someone else's warning signs.
    pack = tmp_path / "clinic-pack"
    shutil.copytree(builtin_pack_folder(), pack)
    (pack / "warning_signs.toml").unlink()
    provider = ContentProvider(pack)
    with caplog.at_level(logging.WARNING):
        warnings = provider.warnings()
    assert provider.content().used_fallback
    assert provider.content().pack.folder == builtin_pack_folder().resolve()
    assert warnings.problems == ()  # the built-in model, whole
    assert warnings.model.checkin.questions
    assert "warning_signs.toml: (file)" in caplog.text
    assert provider.warnings() is warnings  # read once


def test_the_emergency_number_follows_the_region_setting_then_the_system(
    loaded_content: ContentProvider, monkeypatch: pytest.MonkeyPatch, locale: None
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Australia))
    monkeypatch.setattr(loaded_content, "region", "")
    assert loaded_content.emergency_number() == "000"
    monkeypatch.setattr(loaded_content, "region", "GB")
    assert loaded_content.emergency_number() == "999"
    monkeypatch.setattr(loaded_content, "region", "")
    QLocale.setDefault(QLocale(QLocale.Language.C))
    assert loaded_content.emergency_number() == "your local emergency number"
