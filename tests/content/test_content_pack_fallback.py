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


@pytest.mark.parametrize(
    "inside",
    [
        '<image href="https://example.org/x.png"/>',
        '<use xlink:href="http://example.org/s.svg#a"/>',
        "<style>@import 'http://example.org/a.css';</style>",
        '<rect style="fill: url(//example.org/p.svg#g)"/>',
        '<!DOCTYPE svg [<!ENTITY x "y">]>',
    ],
)
def test_svg_that_refers_to_outside_files_is_rejected(good_pack: Any, inside: str) -> None:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg">{inside}</svg>'
    good_pack.write("illustrations/remote.svg", svg)
    good_pack.screen("remote", 4, illustration="illustrations/remote.svg")

    problems = load_pack(good_pack.root).problems

    assert [p.field for p in problems] == ["illustration"]
    assert "refers to outside files" in problems[0].message


def test_svg_with_local_references_is_accepted(good_pack: Any) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><g id="a"/></defs><use xlink:href="#a"/>'
        '<image href="data:image/png;base64,AAAA"/><rect fill="url(#a)"/></svg>'
    )
    good_pack.write("illustrations/local.svg", svg)
    good_pack.screen("local", 4, illustration="illustrations/local.svg")

    assert load_pack(good_pack.root).problems == []


def test_extra_checks_hook_runs_and_protocol_presence_is_recorded(good_pack: Any) -> None:
    seen: list[tuple[Path, str]] = []

    def protocol_check(folder: Path, language: str) -> list[Problem]:
        seen.append((folder, language))
        return [Problem("protocol.toml", "rules.makeup.amount", "expected 1 or more, got 0")]

    without = load_pack(good_pack.root)
    good_pack.write("protocol.toml", "[rules]\n")
    good_pack.write("en/aftercare.toml", "")
    result = load_pack(good_pack.root, extra_checks=[protocol_check])

    assert without.pack is not None and without.pack.protocol_file is None
    assert seen == [(good_pack.root.resolve(), "en")]
    assert result.problems == [
        Problem("protocol.toml", "rules.makeup.amount", "expected 1 or more, got 0")
    ]
    assert result.pack is not None
    assert result.pack.protocol_file == (good_pack.root / "protocol.toml").resolve()
    assert result.pack.aftercare_file == (good_pack.root / "en/aftercare.toml").resolve()


@pytest.fixture
def builtin(tmp_path: Path, make_builder: Any) -> Path:
    make_builder(tmp_path / "builtin").good()
    return tmp_path / "builtin"


def test_broken_pack_falls_back_to_builtin(builder: Any, builtin: Path) -> None:
    builder.pack_toml(text="id = \n")  # unusable pack.toml
    builder.screen("only", 1)

    pack, problems, used_fallback = load_pack_with_fallback(builder.root, builtin, "en")

    assert used_fallback
    assert pack.folder == builtin.resolve()
    assert [p.file for p in problems] == ["pack.toml"]  # the clinic pack's problem, for the UI


def test_pack_with_no_valid_screen_falls_back_to_builtin(builder: Any, builtin: Path) -> None:
    builder.pack_toml()
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


def test_fallback_takes_the_builtin_first_language_when_asked_one_is_missing(
    builtin: Path,
) -> None:
    pack, problems, used_fallback = load_pack_with_fallback(None, builtin, "de")

    assert pack.language == "en"
    assert 'expected "de" among the languages, got ["en"]' in [p.message for p in problems]
    assert not used_fallback


def test_unusable_builtin_pack_raises(tmp_path: Path) -> None:
    with pytest.raises(PackLoadError) as raised:
        load_pack_with_fallback(tmp_path / "missing", tmp_path / "also-missing")

    assert len(raised.value.problems) == 2
    assert "no usable content pack" in str(raised.value)
