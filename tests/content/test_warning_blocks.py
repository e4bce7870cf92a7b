"""Warning signs in screens: {{warning_signs}} blocks become the model's levels, validate-pack
knows them and scores the screen as shown; the shipped screens show the one model, with no
hand-written copy of a list and no "warm skin" as a sign of its own."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from app.domain.pack import load_pack
from app.domain.pack_report import build_report
from app.domain.placeholders import BLOCK_PLACEHOLDERS, fill_representative
from app.domain.warning_blocks import Phones, PhoneWords, expand, level_words
from app.domain.warnings import LEVELS, Level
from tests.checkin_model import make_warnings

WORDS = PhoneWords("Clinic phone: {phone}", "Out of hours: {phone}", "Add it in Settings.")
VALUES = {"emergency_number": "999", "clinic_name": "Skin_Care"}


def test_a_block_becomes_each_level_in_the_models_order_between_the_authors_words() -> None:
    body = "Intro.\n\n{{warning_signs}}\n\n## After\n\nMore."
    segments = expand(body, make_warnings(), VALUES, Phones("555 0100", "555 0199"), WORDS)
    assert [s.level for s in segments] == [None, *LEVELS, None]
    assert (segments[0].markdown, segments[-1].markdown) == ("Intro.", "## After\n\nMore.")
    emergency, today, office = (s.markdown for s in segments[1:4])
    assert "## Dial 999 now" in emergency and "Breathing is hard\\." in emergency
    assert "Clinic phone" not in emergency  # the number to call is the emergency title
    assert "Phone Skin\\_Care today" in today  # clinic details are escaped, never Markdown
    assert "Out of hours: 555 0199" in today and "Out of hours" not in office
    assert "Clinic phone: 555 0100" in office


def test_one_level_block_and_a_missing_phone() -> None:
    segments = expand("{{ warning_signs:office_hours }}", make_warnings(), VALUES, Phones(), WORDS)
    assert [s.level for s in segments] == [Level.OFFICE_HOURS]
    words = level_words(make_warnings(), Level.CALL_TODAY, VALUES, Phones(), WORDS)
    assert words.phone_lines == ("Add it in Settings.",)


def test_validate_pack_knows_the_blocks_and_wants_them_alone_on_a_line(good_pack: Any) -> None:
    assert {
        "warning_signs",
        "warning_signs:emergency",
        "warning_signs:call_today",
        "warning_signs:office_hours",
    } == BLOCK_PLACEHOLDERS
    good_pack.screen("fine", 4, "Read this.\n\n{{warning_signs:call_today}}")
    good_pack.screen("inline", 5, "Call if {{warning_signs}} happen.")
    good_pack.screen("typo", 6, "{{warning_signs:urgent}}")
    problems = load_pack(good_pack.root).problems
    found = {(p.file, p.message.split(": ", 1)[1][:40]) for p in problems}
    assert [p for p in problems if "04-fine" in p.file] == []
    assert ("en/screens/05-inline.md", 'expected "{{warning_signs}}" alone on it') in found
    assert any("06-typo" in p.file and "unknown placeholder" in p.message for p in problems)


def test_the_reading_grade_scores_the_signs_a_block_shows(
    good_pack: Any, cmudict_dir: Path
) -> None:
    dense = (
        "Anaphylactic hypersensitivity manifestations, encompassing angioedematous "
        "oropharyngeal swelling, necessitate immediate emergency intervention."
    )
    words = good_pack.root / "en" / "warning_signs.toml"
    text = words.read_text(encoding="utf-8")
    words.write_text(text.replace('"Breathing is hard."', f'"{dense}"'), encoding="utf-8")
    good_pack.screen("signs", 4, "{{warning_signs:emergency}}")
    report = build_report(good_pack.root)
    grade = next(row.grade for row in report.rows if row.id == "signs")
    assert grade is not None and grade > 7  # the placeholder alone would score as easy
    assert any(p.file == "en/screens/04-signs.md" for p in report.problems)


# --- the shipped pack: what it shows ------------------------------------------------------


def test_shipped_screens_show_the_model_not_a_copy_of_it(shipped_pack: Path) -> None:
    pack = load_pack(shipped_pack).pack
    assert pack is not None
    signs = [pack.warnings.text.sign_text(sign.id) for sign in pack.warnings.model.signs]
    for screen in pack.screens:
        for sign in signs:  # never typed into prose, so never a shortened or second copy
            assert sign not in screen.body, (screen.file, sign)
    blocks = {
        screen.meta.id: re.findall(r"^\{\{(warning_signs[a-z_:]*)\}\}$", screen.body, re.M)
        for screen in pack.screens
    }
    assert blocks["warning-signs"] == ["warning_signs"]
    assert blocks["normal-or-not"] == [
        "warning_signs:emergency",
        "warning_signs:call_today",
        "warning_signs:office_hours",
    ]


def test_warm_skin_is_never_a_warning_sign_of_its_own(shipped_pack: Path) -> None:
    """Content brief §7: warm skin in the first hours is normal; the sign is skin that gets
    hotter, more painful or more swollen after day 2 or 3."""
    pack = load_pack(shipped_pack).pack
    assert pack is not None
    for sign in pack.warnings.model.signs:
        text = pack.warnings.text.sign_text(sign.id).lower()
        if "warm" in text or "heat" in text or "hot" in text:
            assert re.search(r"after day|spreads|worse", text), text
        assert not re.fullmatch(r"\W*(warm|hot) skin\W*", text)
    for screen in pack.screens:  # and no list in the prose puts warm skin among the signs
        for line in fill_representative(
            re.sub(r"\{\{warning_signs[^}]*\}\}", "", screen.body)
        ).splitlines():
            if re.match(r"\s*[-*] ", line) and "warm" in line.lower():
                assert re.search(r"first hours|not a warning sign|normal", line, re.I), line
