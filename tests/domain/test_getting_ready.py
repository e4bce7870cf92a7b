"""The before-treatment list: loaded from the pack, checked, and set by a clinic like the
aftercare timings (test pack: tests/fixtures/protocol/before.toml)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from app.domain.getting_ready import BeforeFiles, GettingReady, getting_ready_from_mapping
from app.domain.pack import load_pack
from app.domain.schema import ProtocolError
from tests.fixtures.testpack import PROTOCOL_FOLDER, SHIPPED_PACK


def load_getting_ready(
    folder: Path, language: str, clinic_days: dict[str, int] | None = None
) -> GettingReady:
    def read(path: Path) -> dict[str, object]:
        with path.open("rb") as handle:
            return tomllib.load(handle)

    files = BeforeFiles(
        read(folder / "before.toml"), read(folder / language / "before.toml"), "before.toml"
    )
    return files.getting_ready(clinic_days)


TREATMENT = date(2026, 3, 10)


def test_items_are_grouped_by_days_before_and_apply_from_their_start_date() -> None:
    ready = load_getting_ready(PROTOCOL_FOLDER, "en")
    assert ready is not None
    assert [days for days, _ in ready.groups()] == [21, 7, 3, 0]
    stop = next(item for item in ready.items if item.id == "stop-actives")
    assert stop.starts_on(TREATMENT) == date(2026, 3, 3)
    assert stop.text == "Test: many clinics ask you to stop actives 7 days before."
    assert [i.id for i in ready.due_by(TREATMENT, date(2026, 3, 3))] == [
        "stop-actives",
        "no-tanning",
    ]


def test_a_clinic_timing_replaces_the_default_and_says_your_clinic_asks() -> None:
    ready = load_getting_ready(PROTOCOL_FOLDER, "en", {"stop-actives": 10})
    assert ready is not None
    stop = next(item for item in ready.items if item.id == "stop-actives")
    assert (stop.days_before, stop.set_by_clinic) == (10, True)
    assert stop.text == "Test: your clinic asks you to stop actives 10 days before."


@pytest.mark.parametrize(
    ("timings", "words", "clinic", "expected"),
    [
        ({"a": {"days_before": 31}}, {"a": {"text": "x"}}, {}, "before.a.days_before"),
        ({"a": {"days_before": 2}}, {}, {}, "before.a.text"),
        ({"a": {"days_before": 2}}, {"a": {"text": "x"}, "b": {"text": "y"}}, {}, "before.b"),
        ({"a": {"days_before": 2, "kind": "rule"}}, {"a": {"text": "x"}}, {}, "before.a.kind"),
        ({"a": {"days_before": 2}}, {"a": {"text": "x"}}, {"zz": 3}, "clinic.zz"),
        ({"a": {"days_before": 2}}, {"a": {"text": "x"}}, {"a": 99}, "clinic.a"),
    ],
)
def test_a_broken_list_is_refused_naming_the_field(
    timings: dict[str, object], words: dict[str, object], clinic: dict[str, int], expected: str
) -> None:
    with pytest.raises(ProtocolError) as error:
        getting_ready_from_mapping({"before": timings}, {"before": words}, "t.toml", clinic)
    assert expected in {problem.field for problem in error.value.problems}


def test_the_pack_loader_reads_the_list_and_a_pack_without_one_has_none(
    loaded_content: object,
) -> None:
    from app.render.content_provider import ContentProvider

    assert isinstance(loaded_content, ContentProvider)
    pack = loaded_content.content().pack
    assert pack.before is not None  # the test pack has tests/fixtures/protocol/before.toml
    assert [i.id for i in pack.before.getting_ready().items] == [
        i.id for i in load_getting_ready(PROTOCOL_FOLDER, "en").items
    ]
    shipped = load_pack(SHIPPED_PACK, "en").pack
    assert shipped is not None and shipped.before is not None


@pytest.mark.shipped_content
def test_the_shipped_list_is_practice_based_and_never_says_to_stop_a_blood_thinner() -> None:
    ready = load_getting_ready(SHIPPED_PACK, "en")
    assert ready is not None and len(ready.items) >= 8
    words = " ".join(item.text for item in ready.items).lower()
    assert "many clinics ask" in words and "your clinic asks" not in words
    assert "never stop a prescribed blood thinner" in words
    assert "isotretinoin" in words and "month" not in words  # no fixed wait
    assert "cold sore" in words and "antiviral" in words
