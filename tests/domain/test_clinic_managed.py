"""The clinic config's [managed] table (docs/fleet.md): both fields or neither, each checked the
same way by the quick read before the first frame and by the full load."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.clinic import load_clinic_config
from app.domain.clinic_managed import read_managed

KEY = "RWSVagWrwyNzgfet0vqfJ16bWRYeboTSDiUPlepTaXkxsGtohXCs5sE9"


def _config(tmp_path: Path, managed: str) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(f'[clinic]\nname = "Managed Clinic"\n\n[managed]\n{managed}\n')
    return path


def test_a_relative_bundle_folder_is_below_the_configs_folder(tmp_path: Path) -> None:
    path = _config(tmp_path, f'bundle_folder = "drop"\npublic_key = "{KEY}"')
    config, problems = load_clinic_config(path, ())
    assert problems == []
    assert config.managed is not None
    assert config.managed.bundle_folder == tmp_path / "drop"
    assert read_managed(path) == config.managed


def test_an_absolute_bundle_folder_is_kept(tmp_path: Path) -> None:
    path = _config(tmp_path, f'bundle_folder = "/mnt/clinic-share"\npublic_key = "{KEY}"')
    assert read_managed(path).bundle_folder == Path("/mnt/clinic-share")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("managed", "field", "words"),
    [
        (f'bundle_folder = "drop"\npublic_key = "{KEY[:-4]}"', "managed.public_key", "minisign"),
        (f'bundle_folder = ""\npublic_key = "{KEY}"', "managed.bundle_folder", "folder"),
        ('bundle_folder = "drop"', "managed.public_key", "together"),
        (f'public_key = "{KEY}"', "managed.bundle_folder", "together"),
        (
            f'bundle_folder = "drop"\npublic_key = "{KEY}"\nfolder = "x"',
            "managed.folder",
            "unknown",
        ),
    ],
)
def test_a_bad_or_missing_managed_field_is_named_and_nothing_is_managed(
    tmp_path: Path, managed: str, field: str, words: str
) -> None:
    path = _config(tmp_path, managed)
    config, problems = load_clinic_config(path, ())
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    if field != "managed.folder":
        assert config.managed is None and read_managed(path) is None
    assert config.name == "Managed Clinic"  # the rest of the config is used as ever
