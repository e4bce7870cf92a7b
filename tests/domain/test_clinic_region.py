"""The clinic config's region: a two-letter code that sets whose emergency number is shown until
the patient chooses; anything else is a named mistake, and the region stays unset."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.clinic import clinic_config_from_mapping

SOURCE = Path("/clinic/clinic.toml")


def test_a_two_letter_region_is_kept() -> None:
    config, problems = clinic_config_from_mapping({"clinic": {"region": "GB"}}, SOURCE, ())
    assert (config.region, problems) == ("GB", [])


@pytest.mark.parametrize("value", ["gb", "United Kingdom", "G", "", 44, ["GB"]])
def test_anything_else_is_named_and_leaves_the_region_unset(value: object) -> None:
    config, problems = clinic_config_from_mapping({"clinic": {"region": value}}, SOURCE, ())
    assert config.region is None
    assert [(p.file, p.field) for p in problems] == [(str(SOURCE), "clinic.region")]


def test_region_outside_the_clinic_table_says_where_it_belongs() -> None:
    config, problems = clinic_config_from_mapping({"region": "GB"}, SOURCE, ())
    assert config.region is None
    assert "[clinic]" in problems[0].message
