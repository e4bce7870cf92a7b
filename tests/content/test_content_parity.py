"""validate-pack: every language has the same screens, placeholders, rules and warning signs.

Run on a small two-language test pack (conftest.PackBuilder.bilingual), each test breaking one
thing in the Spanish half; what is missing or extra is reported on the Spanish file, and the
command fails.
"""

from __future__ import annotations

import io

from app.domain.pack_parity import placeholders
from app.domain.pack_report import build_report, run_validate_pack
from tests.content.conftest import AFTERCARE_TOML, WARNING_WORDS_TOML, PackBuilder


def problems(pack: PackBuilder) -> list[str]:
    return [str(problem) for problem in build_report(pack.root).problems]


def test_two_languages_that_say_the_same_things_pass(bilingual_pack: PackBuilder) -> None:
    out = io.StringIO()

    assert run_validate_pack(bilingual_pack.root, out) == 0, out.getvalue()
    assert out.getvalue().endswith("No problems.\n")


def test_a_screen_missing_from_a_translation_is_reported_on_its_folder(
    bilingual_pack: PackBuilder,
) -> None:
    (bilingual_pack.root / "es/screens/03-when-to-call.md").unlink()

    assert problems(bilingual_pack) == [
        'es/screens/: (folder): has no screen "when-to-call", which en/screens/03-when-to-call.md '
        "is; expected the same in every language"
    ]


def test_a_screen_only_the_translation_has_is_reported_on_that_screen(
    bilingual_pack: PackBuilder,
) -> None:
    bilingual_pack.screen("solo-es", 4, "Una pantalla de más.", language="es")

    assert problems(bilingual_pack) == [
        'es/screens/04-solo-es.md: id: "en" has no screen "solo-es"; '
        "expected the same in every language"
    ]


def test_a_dropped_and_an_added_placeholder_are_both_named(bilingual_pack: PackBuilder) -> None:
    bilingual_pack.screen(
        "after-care",
        2,
        "- Sin maquillaje durante 24 horas.\n- No tome el sol durante {{sun}}. {{clinic_name}}",
        language="es",
        sources='["S1", "S2"]',
    )

    found = problems(bilingual_pack)

    assert found == [
        "es/screens/02-after-care.md: (body): missing {{makeup}}, which "
        "en/screens/02-after-care.md has; expected the same in every language",
        "es/screens/02-after-care.md: (body): has {{clinic_name}}, which "
        "en/screens/02-after-care.md has not; expected the same in every language",
    ]


def test_a_different_order_drawing_or_sources_is_reported(bilingual_pack: PackBuilder) -> None:
    body = "Llame a {{clinic_name}} al {{clinic_phone}}."
    name = "03-when-to-call.md"
    bilingual_pack.screen("when-to-call", 4, body, language="es", file_name=name, sources='["S2"]')

    found = problems(bilingual_pack)

    assert [line.split(": ")[1] for line in found] == ["order", "sources"]
    assert "expected 3 as in en/screens/03-when-to-call.md, got 4" in found[0]


def test_a_warning_word_that_drops_a_placeholder_is_reported(bilingual_pack: PackBuilder) -> None:
    words = WARNING_WORDS_TOML.replace(
        'title = "Phone {{clinic_name}} today"', 'title = "Llame hoy a su clínica"'
    )
    bilingual_pack.write("es/warning_signs.toml", words)

    assert problems(bilingual_pack) == [
        "es/warning_signs.toml: levels.call_today.title: missing {{clinic_name}}, which "
        "en/warning_signs.toml has; expected the same in every language"
    ]


def test_an_aftercare_placeholder_only_the_translation_has_is_reported(
    bilingual_pack: PackBuilder,
) -> None:
    bilingual_pack.write(
        "en/aftercare.toml", AFTERCARE_TOML.replace("{{duration}} before you wear", "before", 1)
    )

    assert problems(bilingual_pack) == [
        "es/aftercare.toml: rules.makeup.detail: has {{duration}}, which en/aftercare.toml has "
        "not; expected the same in every language"
    ]


def test_getting_ready_words_compare_single_brace_placeholders(
    bilingual_pack: PackBuilder,
) -> None:
    bilingual_pack.write("before.toml", '[before.clean-skin]\ndays_before = 3\nkind = "task"\n')
    bilingual_pack.write(
        "en/before.toml", '[before.clean-skin]\ntext = "Clean skin {days} days."\n'
    )
    bilingual_pack.write("es/before.toml", '[before.clean-skin]\ntext = "Piel limpia."\n')

    assert problems(bilingual_pack) == [
        "es/before.toml: before.clean-skin.text: missing {days}, which en/before.toml has; "
        "expected the same in every language"
    ]


def test_placeholders_are_found_in_both_brace_styles() -> None:
    assert placeholders("{{ makeup }} for {days} days, not {Days}") == {"{{makeup}}", "{days}"}


def test_a_one_language_pack_has_nothing_to_compare(good_pack: PackBuilder) -> None:
    assert build_report(good_pack.root).problems == []
