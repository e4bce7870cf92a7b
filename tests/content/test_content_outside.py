"""Nothing in a pack reaches a file outside it: not a Markdown picture or reference, not an SVG.

Each way is refused with a problem marked unsafe, which refuses the whole pack (the app then
shows its built-in pack: test_content_broken_packs.py). Symbolic links and ".." paths are in
test_content_path_safety.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.pack import load_pack
from app.domain.svg_safety import svg_problem
from tests.content.conftest import PackBuilder

EN = "en/screens/"
NS = 'xmlns="http://www.w3.org/2000/svg"'


def _body_problems(pack: PackBuilder, body: str) -> list[tuple[str, bool]]:
    pack.screen("probe", 4, body)
    result = load_pack(pack.root)
    return [(p.message, p.unsafe) for p in result.problems if p.file == f"{EN}04-probe.md"]


@pytest.mark.parametrize(
    "body",
    [
        "![x][r]\n\n[r]: /etc/passwd",
        "![x][r]\n\n[r]: illustrations/skin.svg",  # even inside: pictures are written inline
        "![r]\n\n[r]: file:///etc/passwd",  # the shortcut form
        "![x][]\n\n[x]: ../../x.svg",
        "[a link][r]\n\n[r]: /etc/passwd",
        "[a link][r]\n\n  [r]:\n    file:///etc/passwd",  # the address on the next line
        "> [r]: ../../secret.md\n\n[a][r]",  # a definition inside a quote
        "![x](/etc/passwd)",
        "![x](file:///etc/passwd)",
        "![x](../../x.svg)",
        "![x](illustrations/../../x.svg)",
        "![x](%2e%2e/x.svg)",  # Qt would decode the address; the check does not guess
        "![x](&#47;etc&#47;passwd)",
        "![x](https://example.org/x.svg)",
        "![a\nb](/etc/passwd)",  # description over two lines
        "![a [b] c](/etc/passwd)",
        "[a](file:///etc/passwd)",
        "[a](/etc/passwd)",
        "<file:///etc/passwd>",
        'Look <img src="/etc/passwd">',
        "Look <img\nsrc=/etc/passwd>",
        '<p style="background: url(/etc/x.png)">x</p>',
        "\\`<img src=/etc/passwd>`",  # an escaped backtick opens no code span
        "``<img src=/etc/passwd>`",  # nor do runs of different lengths
        "    ![x](/etc/passwd)",  # indented: code for Qt, but checked all the same
        "```\n![x](/etc/passwd)\n```",
    ],
)
def test_markdown_that_could_reach_outside_is_refused_as_unsafe(
    good_pack: PackBuilder, body: str
) -> None:
    found = _body_problems(good_pack, body)

    assert found, "no problem found"
    assert any(unsafe for _message, unsafe in found), found
    assert load_pack(good_pack.root).fatal


@pytest.mark.parametrize(
    "body",
    [
        "See [what happens](screen:after-care) and [a guide](https://example.org/a).",
        "Mail <mailto:help@example.org>, call <tel:+15550100> or see <https://example.org>.",
        "Type `<b>` or ``![x](/etc/passwd)`` to show code; 2 < 3 > 1 is maths.",
        "See [the guide][g].\n\n[g]: https://example.org/guide",
        "![A drawing of the skin](illustrations/skin.svg)",
    ],
)
def test_markdown_that_stays_inside_is_accepted(good_pack: PackBuilder, body: str) -> None:
    assert _body_problems(good_pack, body) == []


def test_a_picture_in_the_body_keeps_its_checked_location_for_the_reader(
    good_pack: PackBuilder,
) -> None:
    good_pack.screen("pic", 4, "![A drawing](illustrations/skin.svg)")

    result = load_pack(good_pack.root)

    assert result.pack is not None
    screen = result.pack.screen("pic")
    assert screen is not None
    assert screen.images == (
        ("illustrations/skin.svg", (good_pack.root / "illustrations/skin.svg").resolve()),
    )


def test_a_relative_link_that_goes_nowhere_is_a_mistake_not_a_refusal(
    good_pack: PackBuilder,
) -> None:
    found = _body_problems(good_pack, "[notes](notes.txt)")

    assert [unsafe for _message, unsafe in found] == [False]
    assert load_pack(good_pack.root).pack is not None  # only that screen is left out


HOSTILE_SVG = {
    "image href": f'<svg {NS}><image href="/etc/passwd.png"/></svg>',
    "relative image": f'<svg {NS}><image href="../secret.png"/></svg>',
    "xlink:href without its namespace": f'<svg {NS}><use xlink:href="other.svg#a"/></svg>',
    "xlink:href": (
        f'<svg {NS} xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="file:///etc/x.png"/></svg>'
    ),
    "use of another file": f'<svg {NS}><use href="other.svg#shape"/></svg>',
    "remote use": f'<svg {NS}><use href="http://example.org/s.svg#a"/></svg>',
    "style attribute url()": f'<svg {NS}><rect style="fill: url(//example.org/p.svg#g)"/></svg>',
    "presentation attribute url()": f'<svg {NS}><rect fill="url(/etc/p.svg#g)"/></svg>',
    "style element url()": f"<svg {NS}><style>rect {{ fill: url('a.svg#g') }}</style></svg>",
    "style in pieces": f"<svg {NS}><style>rect {{ fill: u<![CDATA[rl(/x.svg#g)]]> }}</style></svg>",
    "unclosed url(": f"<svg {NS}><style>rect {{ fill: url(/x.svg#g }}</style></svg>",
    "@import": f"<svg {NS}><style>@import 'http://example.org/a.css';</style></svg>",
    "CSS escape": f"<svg {NS}><style>rect {{ fill: u\\72l(/x.svg) }}</style></svg>",
    "internal entity": f'<!DOCTYPE svg [<!ENTITY x "y">]><svg {NS}>&x;</svg>',
    "external entity": (
        f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg {NS}>&x;</svg>'
    ),
    "stylesheet instruction": f'<?xml-stylesheet href="a.css"?><svg {NS}/>',
    "XInclude": (
        f'<svg {NS} xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/>'
        "</svg>"
    ),
    "embedded SVG": f'<svg {NS}><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
}


@pytest.mark.parametrize("svg", HOSTILE_SVG.values(), ids=HOSTILE_SVG.keys())
def test_svg_that_could_reach_outside_is_refused_as_unsafe(
    good_pack: PackBuilder, svg: str
) -> None:
    good_pack.write("illustrations/skin.svg", svg)

    result = load_pack(good_pack.root)

    [problem] = [p for p in result.problems if p.field == "illustration"]
    assert "refers to outside files" in problem.message
    assert problem.unsafe
    assert result.fatal


def test_svg_with_references_inside_itself_is_accepted(good_pack: PackBuilder) -> None:
    svg = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        f'<svg {NS} xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><g id="a"/><linearGradient id="g"/></defs><use xlink:href="#a"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo="/><rect fill="url(#g)"/>'
        "<style>rect { fill: url( '#g' ) }</style><text>url(see the label)</text></svg>"
    )
    good_pack.write("illustrations/skin.svg", svg)

    assert load_pack(good_pack.root).problems == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not xml at all", "is not well-formed XML"),
        (b"<html><body/></html>", "has no <svg> element"),
        (b'<?xml version="1.0" encoding="klingon"?><svg/>', "cannot be read as XML"),
    ],
)
def test_a_file_that_is_no_drawing_is_a_mistake_not_a_refusal(data: bytes, expected: str) -> None:
    problem = svg_problem(data, '"x.svg"')

    assert problem is not None
    assert expected in problem.message
    assert not problem.reaches_outside


def test_a_thousand_nested_groups_are_checked_without_trouble(tmp_path: Path) -> None:
    svg = f"<svg {NS}>" + "<g>" * 1000 + '<image href="/etc/x.png"/>' + "</g>" * 1000 + "</svg>"

    problem = svg_problem(svg.encode())

    assert problem is not None and problem.reaches_outside
