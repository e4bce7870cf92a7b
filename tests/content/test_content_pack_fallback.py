"""Languages, illustrations, the extra-checks hook, and falling back to the built-in pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.domain.pack import PackLoadError, Problem, load_pack, load_pack_with_fallback

EN = "en/screens/"


def test_language_folder_listed_but_missing_is_reported(good_pack: Any) -> None:
    good_pack.pack_toml(languages=["en", "es"])

    result = load_pack(good_pack.root)

    assert Problem("pack.toml", "languages", 'lists "es", but the folder "es/" is missing') in (
        result.problems
    )
    assert result.pack is not None  # English is still fine


def test_language_folder_present_but_not_listed_is_reported(good_pack: Any) -> None:
    good_pack.screen("hola", 1, language="es")

    problems = load_pack(good_pack.root).problems

    assert problems == [
        Problem("pack.toml", "languages", 'does not list "es", but the folder "es/" exists')
    ]


def test_asking_for_an_unlisted_language_is_fatal(good_pack: Any) -> None:
    result = load_pack(good_pack.root, "fr")

    assert result.fatal
    assert result.meta is not None  # so a caller can choose a listed language instead
    assert 'expected "fr" among the languages, got ["en"]' in [p.message for p in result.problems]


def test_second_language_loads_its_own_screens(good_pack: Any) -> None:
    good_pack.pack_toml(languages=["en", "es"])
    good_pack.protocol("es")
    good_pack.warnings("es")
    good_pack.screen("que-es", 1, "Agujas muy finas.", language="es")

    result = load_pack(good_pack.root, "es")

    assert result.problems == []
    assert result.pack is not None
    assert [(s.meta.id, s.language) for s in result.pack.screens] == [("que-es", "es")]


def test_every_referenced_illustration_must_exist_and_be_an_svg(good_pack: Any) -> None:
    good_pack.write("illustrations/photo.png", "not really a png")
    good_pack.write("illustrations/fake.svg", "<html>no drawing here</html>")
    good_pack.screen("gone", 4, illustration="illustrations/gone.svg")
    good_pack.screen("png", 5, illustration="illustrations/photo.png")
    good_pack.screen("fake", 6, illustration="illustrations/fake.svg")

    problems = load_pack(good_pack.root).problems
    found = {p.file: p.message for p in problems if p.field == "illustration"}

    assert found == {
        f"{EN}04-gone.md": 'expected a file at "illustrations/gone.svg", but it is missing',
        f"{EN}05-png.md": 'expected an SVG drawing (a ".svg" file), got "illustrations/photo.png"',
        f"{EN}06-fake.md": (
            'expected an SVG drawing, but "illustrations/fake.svg" has no <svg> element'
        ),
    }


def test_protocol_and_aftercare_are_loaded_with_the_pack(good_pack: Any) -> None:
    result = load_pack(good_pack.root)

    assert result.pack is not None
    assert result.pack.protocol.rule_ids == ("makeup",)
    assert result.pack.protocol.source == "protocol.toml"
    assert result.pack.text.rule("makeup").countdown == "Makeup OK"


@pytest.mark.parametrize(
    ("file", "text", "field"),
    [
        ("protocol.toml", "format = 1\n[rules.makeup]\namount = 0\nunit = 'hours'\n", "rules"),
        ("protocol.toml", "format = [1]\n", "format"),
        ("protocol.toml", "format = ", "(syntax)"),
        ("en/aftercare.toml", "[units]\nhour = 1\n", "units.hour"),
        ("en/aftercare.toml", "units = 'x'\n", "units"),
    ],
)
def test_a_broken_protocol_or_aftercare_file_makes_the_pack_unusable(
    good_pack: Any, file: str, text: str, field: str
) -> None:
    good_pack.write(file, text)

    result = load_pack(good_pack.root)

    assert result.fatal
    assert any(p.file == file and p.field.startswith(field) for p in result.problems)


@pytest.mark.parametrize("file", ["protocol.toml", "en/aftercare.toml"])
def test_a_missing_protocol_or_aftercare_file_makes_the_pack_unusable(
    good_pack: Any, file: str
) -> None:
    (good_pack.root / file).unlink()

    result = load_pack(good_pack.root)

    assert result.fatal
    assert Problem(file, "(file)", "missing; expected this file in the pack folder") in (
        result.problems
    )


@pytest.fixture
def builtin(tmp_path: Path, make_builder: Any) -> Path:
    make_builder(tmp_path / "builtin").good()
    return tmp_path / "builtin"


def test_broken_pack_falls_back_to_builtin(builder: Any, builtin: Path) -> None:
    builder.pack_toml(text="id = \n")  # unusable pack.toml
    builder.protocol()
    builder.warnings()
    builder.screen("only", 1)

    pack, problems, used_fallback = load_pack_with_fallback(builder.root, builtin, "en")

    assert used_fallback
    assert pack.folder == builtin.resolve()
    assert [p.file for p in problems] == ["pack.toml"]  # the clinic pack's problem, for the UI


def test_pack_with_no_valid_screen_falls_back_to_builtin(builder: Any, builtin: Path) -> None:
    builder.pack_toml()
    builder.protocol()
    builder.warnings()
    builder.screen("broken", '"one"')

    pack, problems, used_fallback = load_pack_with_fallback(builder.root, builtin)

    assert used_fallback
    assert pack.folder == builtin.resolve()
    assert problems and problems[0].file == f"{EN}99-broken.md"


def test_usable_preferred_pack_is_kept_with_its_problems(good_pack: Any, builtin: Path) -> None:
    good_pack.screen("bad", '"x"')

    pack, problems, used_fallback = load_pack_with_fallback(good_pack.root, builtin)

    assert not used_fallback
    assert pack.folder == good_pack.root.resolve()
    assert len(pack.screens) == 3
    assert len(problems) == 1


def test_no_preferred_pack_uses_builtin_without_calling_it_a_fallback(builtin: Path) -> None:
    pack, problems, used_fallback = load_pack_with_fallback(None, builtin)

    assert (pack.folder, problems, used_fallback) == (builtin.resolve(), [], False)


def test_a_language_the_pack_lacks_is_a_wish_shown_in_its_first_language(
    good_pack: Any, builtin: Path
) -> None:
    pack, problems, used_fallback = load_pack_with_fallback(good_pack.root, builtin, "de")
    builtin_pack, builtin_problems, _ = load_pack_with_fallback(None, builtin, "de")

    assert (pack.folder, pack.language, problems, used_fallback) == (
        good_pack.root.resolve(),
        "en",
        [],
        False,
    )
    assert (builtin_pack.language, builtin_problems) == ("en", [])


def test_unusable_builtin_pack_raises(tmp_path: Path) -> None:
    with pytest.raises(PackLoadError) as raised:
        load_pack_with_fallback(tmp_path / "missing", tmp_path / "also-missing")

    assert len(raised.value.problems) == 2
    assert "no usable content pack" in str(raised.value)
