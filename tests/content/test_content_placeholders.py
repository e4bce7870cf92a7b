"""Placeholders: {{ name }} filled from one list of known names; anything else is an error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.pack import load_pack
from app.domain.placeholders import (
    KNOWN_PLACEHOLDERS,
    REPRESENTATIVE_VALUES,
    PlaceholderError,
    escape_markdown,
    fill,
    fill_representative,
    find_placeholders,
    stray_braces,
)

VALUES = {**REPRESENTATIVE_VALUES, "makeup": "12 hours", "clinic_name": "Skin Clinic"}


def test_known_placeholders_are_the_documented_ones() -> None:
    assert {
        "makeup",
        "sweat",
        "actives",
        "sun",
        "next_session",
        "clinic_name",
        "clinic_phone",
        "emergency_number",
        "last_reviewed",
        "next_review_due",
    } == KNOWN_PLACEHOLDERS


def test_placeholders_filled() -> None:
    text = "No makeup for {{makeup}}. Call {{ clinic_name }} or {{  clinic_name\t}}."

    assert fill(text, VALUES) == "No makeup for 12 hours. Call Skin Clinic or Skin Clinic."


def test_representative_values_match_the_content_defaults() -> None:
    text = "{{makeup}} {{sweat}} {{actives}} {{sun}} {{next_session}} {{clinic_phone}}"

    assert fill_representative(text) == (
        "24 hours 72 hours 7 days 14 days 4 weeks your clinic's phone number"
    )


def test_find_placeholders_returns_every_name_known_or_not() -> None:
    text = "{{ sun }} {{sun}} {{ typo_name }} {{ next session }} {not one}"

    assert find_placeholders(text) == {"sun", "typo_name", "next session"}


def test_unknown_placeholder_raises_when_filled() -> None:
    with pytest.raises(PlaceholderError, match=r'unknown placeholder "\{\{gym\}\}"') as raised:
        fill("Skip the gym for {{ gym }}.", VALUES)

    assert raised.value.name == "gym"


def test_known_placeholder_without_a_value_raises() -> None:
    with pytest.raises(PlaceholderError, match="no value given"):
        fill("{{sun}}", {"makeup": "24 hours"})


def test_unknown_placeholder_reported(good_pack: Any) -> None:
    good_pack.screen("typo", 4, "Avoid the sun for {{ sun_days }}.")
    good_pack.write(
        "en/screens/05-title.md",
        '+++\nid = "title"\ntitle = "After {{ makup }}?"\norder = 5\n'
        'summary = "Fine."\nsources = []\n+++\n\nText here.\n',
    )

    problems = load_pack(good_pack.root).problems
    found = {(p.file, p.field): p.message for p in problems}

    assert found[("en/screens/04-typo.md", "(body)")].startswith(
        'line 9: unknown placeholder "{{sun_days}}"; expected one of: {{actives}}'
    )
    assert found[("en/screens/05-title.md", "title")].startswith('unknown placeholder "{{makup}}"')


def test_stray_braces_are_found_by_line() -> None:
    assert stray_braces("fine {{sun}}\nbroken {{sun}\nalso }} here") == [2, 3]


def test_escape_markdown_keeps_clinic_values_literal() -> None:
    assert escape_markdown("Skin_Care <b>*Clinic*</b>") == r"Skin\_Care \<b\>\*Clinic\*\</b\>"


_PROSE = st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=40)


@given(parts=st.lists(st.tuples(_PROSE, st.sampled_from(sorted(KNOWN_PLACEHOLDERS)))))
def test_filling_known_placeholders_leaves_none_behind(parts: list[tuple[str, str]]) -> None:
    text = "".join(f"{prose}{{{{ {name} }}}}" for prose, name in parts)

    filled = fill(text, REPRESENTATIVE_VALUES)

    assert find_placeholders(filled) == set()
    assert filled == "".join(prose + REPRESENTATIVE_VALUES[name] for prose, name in parts)


@given(text=_PROSE)
def test_text_without_placeholders_is_unchanged(text: str) -> None:
    assert fill(text, {}) == text
