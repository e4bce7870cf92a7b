"""Loading and checking a content pack: every problem named, bad screens left out, rest kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.domain.pack import Problem, load_pack

EN = "en/screens/"


def messages(problems: list[Problem], file: str, field: str) -> list[str]:
    return [p.message for p in problems if p.file == file and p.field == field]


def test_good_pack_loads_screens_in_order_with_no_problems(good_pack: Any) -> None:
    result = load_pack(good_pack.root)

    assert result.problems == []
    assert result.dropped == []
    assert result.pack is not None
    assert [s.meta.id for s in result.pack.screens] == ["what-is-it", "after-care", "when-to-call"]
    first = result.pack.screens[0]
    assert first.file == f"{EN}01-what-is-it.md"
    assert first.language == "en"
    assert first.illustration_path == (good_pack.root / "illustrations/skin.svg").resolve()
    assert "Tiny needles" in first.body
    assert result.pack.meta.source_keys == {"S1", "S2"}
    assert result.pack.screen("after-care") is result.pack.screens[1]
    assert result.pack.screen("nope") is None


def test_screens_are_sorted_by_order_not_by_file_name(builder: Any) -> None:
    builder.pack_toml()
    builder.protocol()
    builder.warnings()
    builder.screen("second", 2, file_name="01-second.md")
    builder.screen("first", 1, file_name="02-first.md")

    result = load_pack(builder.root)

    assert result.pack is not None
    assert [s.meta.id for s in result.pack.screens] == ["first", "second"]


def test_pack_with_five_different_mistakes_reports_all_five(good_pack: Any) -> None:
    good_pack.screen("bad-order", '"three"')  # 1: wrong type
    good_pack.screen("bad-source", 5, sources='["S1", "S9"]')  # 2: unknown source key
    good_pack.screen("no-alt", 6, illustration="illustrations/skin.svg", alt=None)  # 3
    good_pack.screen("bad-link", 7, "See [this](screen:nowhere).")  # 4: link goes nowhere
    good_pack.screen("bad-placeholder", 8, "Wait {{ gym_days }} days.")  # 5

    result = load_pack(good_pack.root)
    problems = result.problems

    assert messages(problems, f"{EN}99-bad-order.md", "order") == [
        'expected a whole number of 1 or more, got "three"'
    ]
    assert f'{EN}99-bad-order.md: order: expected a whole number of 1 or more, got "three"' in [
        str(p) for p in problems
    ]
    assert messages(problems, f"{EN}05-bad-source.md", "sources") == [
        'unknown source key "S9"; expected one from pack.toml: S1, S2'
    ]
    [alt] = messages(problems, f"{EN}06-no-alt.md", "illustration_alt")
    assert alt.startswith("missing; expected a sentence describing the illustration")
    [link] = messages(problems, f"{EN}07-bad-link.md", "(body)")
    assert link.startswith('line 9: "screen:nowhere" leads nowhere')
    [unknown] = messages(problems, f"{EN}08-bad-placeholder.md", "(body)")
    assert unknown.startswith('line 9: unknown placeholder "{{gym_days}}"; expected one of:')
    assert "{{makeup}}" in unknown
    assert len(problems) == 5
    # The three good screens carry on; the five bad ones are left out and named.
    assert result.pack is not None
    assert len(result.pack.screens) == 3
    assert len(result.dropped) == 5


def test_one_bad_field_does_not_hide_the_others_in_the_same_screen(good_pack: Any) -> None:
    good_pack.screen(
        "many", '"x"', "Hi <b>there</b> {{nope}}.", sources='["S7"]', illustration="../x.svg"
    )

    problems = load_pack(good_pack.root).problems
    fields = sorted(p.field for p in problems if p.file == f"{EN}99-many.md")

    assert fields == ["(body)", "(body)", "(body)", "illustration", "order", "sources"]


def test_missing_pack_toml_is_fatal_but_screens_are_still_checked(builder: Any) -> None:
    builder.screen("a", 1, "Hello <i>there</i>.")

    result = load_pack(builder.root)

    assert result.fatal
    assert Problem("pack.toml", "(file)", "missing; expected this file in the pack folder") in (
        result.problems
    )
    assert messages(result.problems, f"{EN}01-a.md", "(body)")


def test_language_without_screens_is_fatal_and_says_why(builder: Any) -> None:
    builder.pack_toml()
    builder.protocol()
    builder.warnings()
    (builder.root / "en" / "screens").mkdir(parents=True)

    result = load_pack(builder.root)

    assert result.fatal
    assert [(p.file, p.field) for p in result.problems] == [(EN, "(folder)")]


def test_missing_pack_folder_is_reported(tmp_path: Path) -> None:
    result = load_pack(tmp_path / "nope")

    assert result.fatal
    assert result.problems[0].field == "(folder)"


def test_bad_toml_reports_line(builder: Any) -> None:
    builder.pack_toml(text='id = "x"\ntitle = "T"\nversion = 1.0.0\n')
    builder.write(f"{EN}01-a.md", '+++\nid = "a"\ntitle = \n+++\nBody.\n')

    problems = load_pack(builder.root).problems

    # tomllib's own wording may change between Python versions; the position must not.
    [syntax] = messages(problems, "pack.toml", "(syntax)")
    assert syntax.startswith("bad TOML at line 3, column 14: ")
    # Front matter line numbers count from the top of the .md file (the "+++" is line 1).
    [front] = messages(problems, f"{EN}01-a.md", "(front matter)")
    assert front == "bad TOML at line 3: Invalid value"


def test_wrong_types_and_dates_name_the_field_and_expectation(builder: Any) -> None:
    text = (
        'id = "Bad Id"\ntitle = "T"\nversion = "one"\nlanguages = ["english"]\n'
        'last_reviewed = "2026-11-24"\nnext_review_due = 2020-01-01\nsources = []\n'
    )
    builder.pack_toml(text=text)

    problems = load_pack(builder.root).problems
    found = {p.field: p.message for p in problems if p.file == "pack.toml"}

    assert found["id"].startswith('expected lowercase letters, digits and hyphens, like "')
    assert found["version"] == 'expected a version like "1.0.0", got "one"'
    assert found["languages[1]"] == 'expected a two-letter language code, like "en", got "english"'
    assert found["last_reviewed"] == (
        'expected a TOML date like 2026-11-24 (without quotes), got "2026-11-24"'
    )
    assert found["sources"] == (
        "expected a list of [[sources]] tables, each with a key, a title and a url, "
        "got an empty list"
    )


def test_next_review_due_must_follow_last_reviewed_and_source_keys_unique(builder: Any) -> None:
    text = (
        'id = "p"\ntitle = "T"\nversion = "1.0.0"\nlanguages = ["en"]\n'
        "last_reviewed = 2026-11-24\nnext_review_due = 2026-11-24\n"
        '[[sources]]\nkey = "S1"\ntitle = "A"\nurl = "https://a.org"\n'
        '[[sources]]\nkey = "S1"\ntitle = "B"\nurl = "ftp://b.org"\n'
    )
    builder.pack_toml(text=text)

    found = {p.field: p.message for p in load_pack(builder.root).problems}

    assert found["next_review_due"] == (
        "expected a date after last_reviewed (2026-11-24), got 2026-11-24"
    )
    assert found["sources[2].url"].startswith('expected one web address starting with "https://"')
    assert found["sources[2].key"] == 'expected unique keys, got "S1" again'


def test_a_bad_source_entry_is_reported_but_the_pack_stays_usable(good_pack: Any) -> None:
    text = (good_pack.root / "pack.toml").read_text().replace("https://example.org/two", "n/a")
    good_pack.pack_toml(text=text)

    result = load_pack(good_pack.root)

    assert [(p.field, p.message) for p in result.problems] == [
        (
            "sources[2].url",
            'expected one web address starting with "https://" (or "http://"), '
            'without spaces, got "n/a"',
        )
    ]
    assert result.pack is not None  # after-care cites S2 and is still shown
    assert len(result.pack.screens) == 3
    assert result.pack.meta.source_keys == {"S1"}


def test_a_source_may_list_further_addresses_in_also(good_pack: Any) -> None:
    text = (
        (good_pack.root / "pack.toml")
        .read_text()
        .replace(
            'url = "https://example.org/two"',
            'url = "https://example.org/two"\nalso = ["https://example.org/2b", "http://b.org/c"]',
        )
    )
    good_pack.pack_toml(text=text)

    result = load_pack(good_pack.root)

    assert result.problems == []
    assert result.pack is not None
    first, second = result.pack.meta.sources
    assert first.also == []
    assert second.url == "https://example.org/two"
    assert second.also == ["https://example.org/2b", "http://b.org/c"]


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        (
            'also = ["https://a.org", "see a.org"]',
            "sources[2].also[2]",
            'expected one web address starting with "https://" (or "http://"), '
            'without spaces, got "see a.org"',
        ),
        (
            'also = "https://a.org"',
            "sources[2].also",
            'expected a list of further web addresses, like ["https://example.org/summary"], '
            'got "https://a.org"',
        ),
    ],
)
def test_a_bad_address_in_also_names_the_entry(
    good_pack: Any, line: str, field: str, expected: str
) -> None:
    text = (good_pack.root / "pack.toml").read_text() + line + "\n"
    good_pack.pack_toml(text=text)

    result = load_pack(good_pack.root)

    assert [(p.field, p.message) for p in result.problems] == [(field, expected)]
    assert result.pack is not None
    assert result.pack.meta.source_keys == {"S1"}


def test_several_addresses_in_url_point_the_author_to_also(good_pack: Any) -> None:
    text = (
        (good_pack.root / "pack.toml")
        .read_text()
        .replace("https://example.org/two", "https://example.org/two ; https://example.org/2b")
    )
    good_pack.pack_toml(text=text)

    [problem] = load_pack(good_pack.root).problems

    assert problem.field == "sources[2].url"
    assert problem.message == (
        "expected one web address, got several; keep the first here and list the others "
        'in also, like also = ["https://example.org/summary"]'
    )


def test_duplicate_ids(good_pack: Any) -> None:
    good_pack.screen("after-care", 4, file_name="04-after-care.md")
    good_pack.screen("other", 2, file_name="05-other.md")

    result = load_pack(good_pack.root)

    assert messages(result.problems, f"{EN}04-after-care.md", "id") == [
        f'expected a unique id, got "after-care" as in {EN}02-after-care.md'
    ]
    assert messages(result.problems, f"{EN}05-other.md", "order") == [
        f"expected a unique order, got 2 as in {EN}02-after-care.md"
    ]
    assert result.dropped == [f"{EN}04-after-care.md", f"{EN}05-other.md"]
    assert result.pack is not None and len(result.pack.screens) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No front matter here.\n", 'expected the file to start with a "+++" line'),
        ('+++\nid = "a"\n\nBody never closed.\n', 'not closed; expected a second "+++" line'),
    ],
)
def test_front_matter_missing_or_not_closed(builder: Any, text: str, expected: str) -> None:
    builder.pack_toml()
    builder.write(f"{EN}01-a.md", text)

    result = load_pack(builder.root)

    [message] = messages(result.problems, f"{EN}01-a.md", "(front matter)")
    assert message.startswith(expected)
    assert result.fatal  # no valid screen left


def test_unknown_field_suggests_the_spelling_but_keeps_the_screen(good_pack: Any) -> None:
    good_pack.screen("typo", 4, extra='ilustration_alt = "x"')

    result = load_pack(good_pack.root)

    assert messages(result.problems, f"{EN}04-typo.md", "ilustration_alt") == [
        'not a known field; did you mean "illustration_alt"?'
    ]


def test_file_name_must_match_screen_id(good_pack: Any) -> None:
    good_pack.screen("real-id", 4, file_name="04-other-id.md")
    good_pack.screen("x", 5, file_name="screen-five.md")

    problems = load_pack(good_pack.root).problems

    assert messages(problems, f"{EN}04-other-id.md", "id") == [
        'expected "other-id" as in the file name, got "real-id"'
    ]
    assert messages(problems, f"{EN}screen-five.md", "(file)")


def test_remote_image_rejected(good_pack: Any) -> None:
    good_pack.screen("pic", 4, "Look: ![a face](https://example.org/face.png)")
    good_pack.screen("pic2", 5, "Look: ![a face](//cdn.example.org/face.svg)")
    good_pack.screen("pic3", 6, "Look: ![a face][ref]\n\n[ref]: https://example.org/f.png")

    problems = load_pack(good_pack.root).problems

    assert messages(problems, f"{EN}04-pic.md", "(body)") == [
        'line 9: expected a picture inside the pack, got the remote "https://example.org/face.png"'
    ]
    assert messages(problems, f"{EN}05-pic2.md", "(body)")
    assert messages(problems, f"{EN}06-pic3.md", "(body)")


def test_local_image_in_body_must_exist_and_have_a_description(good_pack: Any) -> None:
    good_pack.screen("pic", 4, "![](illustrations/skin.svg) and ![x](illustrations/gone.svg)")

    found = messages(load_pack(good_pack.root).problems, f"{EN}04-pic.md", "(body)")

    assert any("expected a description" in m for m in found)
    assert any("illustrations/gone.svg" in m and "missing" in m for m in found)


def test_raw_html_rejected(good_pack: Any) -> None:
    good_pack.screen("html", 4, 'Hello <span style="x">there</span>.\n<!-- note -->\n<br/>')
    good_pack.screen("code", 5, "Type `<b>` to make it bold, and 2 < 3 > 1 is maths.")

    result = load_pack(good_pack.root)

    found = messages(result.problems, f"{EN}04-html.md", "(body)")
    assert found == [
        'line 9: expected Markdown, got raw HTML "<span style=\\"x\\">"',
        'line 9: expected Markdown, got raw HTML "</span>"',
        'line 10: expected Markdown, got raw HTML "<!--"',
        'line 11: expected Markdown, got raw HTML "<br/>"',
    ]
    assert messages(result.problems, f"{EN}05-code.md", "(body)") == []


def test_link_targets_other_than_screens_and_web_addresses_rejected(good_pack: Any) -> None:
    good_pack.screen("links", 4, "[a](file:///etc/passwd) [b](notes.txt) [c](https://ok.org)")

    found = messages(load_pack(good_pack.root).problems, f"{EN}04-links.md", "(body)")

    assert len(found) == 2
    assert 'got "file:///etc/passwd"' in found[0]


def test_link_to_a_left_out_screen_is_reported_but_the_linking_screen_stays(
    good_pack: Any,
) -> None:
    # after-care is now broken (bad order) and left out; what-is-it links to it.
    good_pack.screen("after-care", '"two"', file_name="02-after-care.md")

    result = load_pack(good_pack.root)

    assert result.dropped == [f"{EN}02-after-care.md"]
    [message] = messages(result.problems, f"{EN}01-what-is-it.md", "(body)")
    assert "left out because of its own problems" in message
    assert result.pack is not None
    assert [s.meta.id for s in result.pack.screens] == ["what-is-it", "when-to-call"]


def test_stray_braces_reported(good_pack: Any) -> None:
    good_pack.screen("braces", 4, "No makeup for {{makeup}.")

    assert messages(load_pack(good_pack.root).problems, f"{EN}04-braces.md", "(body)")


def test_empty_body_reported(good_pack: Any) -> None:
    good_pack.write(
        f"{EN}04-empty.md",
        good_pack.root.joinpath(f"{EN}03-when-to-call.md")
        .read_text()
        .split("+++\n\n")[0]
        .replace("when-to-call", "empty")
        .replace("order = 3", "order = 4")
        + "+++\n",
    )

    found = messages(load_pack(good_pack.root).problems, f"{EN}04-empty.md", "(body)")

    assert found == ["empty; expected the screen's text after the +++"]
