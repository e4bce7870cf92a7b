"""build_scripts/content_independence.py (run by hand) still changes what it says it changes."""

from __future__ import annotations

import sys
import tomllib
from dataclasses import replace

import pytest

from app.domain.protocol import protocol_from_mapping
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))

import content_independence

SHIPPED = REPO / content_independence.PROTOCOL


@pytest.mark.parametrize("change", content_independence.CHANGES, ids=lambda c: c.rule)
def test_each_change_moves_exactly_one_shipped_timing(change: content_independence.Change) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    before = protocol_from_mapping(tomllib.loads(text), "shipped")
    # One more than whatever ships, so that this test does not pin the shipped value itself.
    amount = before.rule(change.rule).duration.amount + 1
    changed = content_independence.changed_protocol(text, replace(change, amount=amount))
    after = protocol_from_mapping(tomllib.loads(changed), "changed")
    moved = {
        rule.id: (rule.duration.amount, after.rule(rule.id).duration.amount)
        for rule in before.rules
        if rule.duration != after.rule(rule.id).duration
    }
    assert moved == {change.rule: (amount - 1, amount)}


def test_a_protocol_without_the_rule_is_refused() -> None:
    change = content_independence.Change("makeup", 36)
    with pytest.raises(ValueError, match=r"\[rules\.makeup\]"):
        content_independence.changed_protocol('[rules.sun]\namount = 14\nunit = "days"\n', change)
