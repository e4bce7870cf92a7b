"""`validate-pack` and the app agree on every broken pack: one loader, the same problems.

Each row breaks a good pack in one way, one or more per kind of failure (pack.toml, screen
front matter, Markdown, SVG, protocol.toml, aftercare.toml, the warning-signs files (their rows
are in broken_warning_rows.py), reaching outside the pack, sizes, files that are not regular
files). For each: `validate-pack` exits 1 and names the file and
field; the app's loader (ContentProvider) reports the very same problem and, when the pack is
unusable, shows the built-in pack instead.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.domain import pack_report
from app.domain.input_files import MAX_MARKDOWN_BYTES, MAX_SCREENS, MAX_SVG_BYTES, MAX_TOML_BYTES
from app.render.content_provider import ContentProvider, builtin_pack_folder
from tests.content.broken_before_rows import BEFORE_CASES, BEFORE_POSIX_CASES
from tests.content.broken_warning_rows import WARNING_CASES, WARNING_POSIX_CASES
from tests.content.conftest import SVG, PackBuilder
from tests.content.pack_breakers import big as _big
from tests.content.pack_breakers import fifo as _fifo
from tests.content.pack_breakers import link as _link
from tests.content.pack_breakers import replace as _replace

POSIX = os.name == "posix"
ONE = "en/screens/01-only.md"  # the screen of a one-screen pack
FIRST = "en/screens/01-what-is-it.md"  # the first screen of the good pack


def _one_screen(builder: PackBuilder, body: str = "A short and simple screen.", **kw: str) -> None:
    """A pack whose only screen is the one written here: its problems leave no screen."""
    for extra in (builder.root / "en" / "screens").glob("0[23]-*.md"):
        extra.unlink()
    builder.screen("only", 1, body, **kw)
    (builder.root / FIRST).unlink()


def _outside(builder: PackBuilder) -> Path:
    """A file beside the pack, which nothing in the pack may reach."""
    secret = builder.root.parent / "secret.svg"
    secret.write_text(SVG, encoding="utf-8")
    return secret


def _device(builder: PackBuilder, file: str) -> None:
    path = builder.root / file
    path.unlink()
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero's numbers
    except PermissionError:
        pytest.skip("making a device file needs root")


Break = Callable[[PackBuilder], object]

# (id, how to break the good pack, file, field, whether the app must fall back)
CASES: list[tuple[str, Break, str, str, bool]] = [
    # pack.toml: wrong types anywhere, even a table for a key, never a crash
    (
        "pack.toml: a table as a source key",
        lambda b: _replace(b, "pack.toml", 'key = "S1"', "key = {}"),
        "pack.toml",
        "sources[1].key",
        True,  # so no source has the key S1, which every screen cites
    ),
    (
        "pack.toml: a list as the url of one source",
        lambda b: _replace(b, "pack.toml", 'url = "https://example.org/two"', "url = []"),
        "pack.toml",
        "sources[2].url",
        False,  # that source is left out; the pack stays usable
    ),
    (
        "pack.toml: text where a list belongs",
        lambda b: _replace(b, "pack.toml", 'languages = ["en"]', 'languages = "en"'),
        "pack.toml",
        "languages",
        True,
    ),
    (
        "pack.toml: nested lists as a title",
        lambda b: _replace(b, "pack.toml", 'title = "A test pack"', 'title = [[["x"]]]'),
        "pack.toml",
        "title",
        True,
    ),
    (
        "pack.toml: a number of 5,000 digits",
        lambda b: _replace(b, "pack.toml", 'version = "1.0.0"', "version = " + "9" * 5000),
        "pack.toml",
        "(syntax)",
        True,
    ),
    (
        "pack.toml: nan as a date",
        lambda b: _replace(b, "pack.toml", "next_review_due = 2027-11-24", "next_review_due = nan"),
        "pack.toml",
        "next_review_due",
        True,
    ),
    (
        "pack.toml: HTML in a source title",
        lambda b: _replace(b, "pack.toml", '"First source"', '"<img src=/etc/passwd>"'),
        "pack.toml",
        "sources[1].title",
        True,
    ),
    # screen front matter
    (
        "front matter: inf as the order",
        lambda b: _one_screen(b, extra="") or _replace(b, ONE, "order = 1", "order = inf"),
        ONE,
        "order",
        True,
    ),
    (
        "front matter: lists nested 3,000 deep",
        lambda b: _one_screen(b, extra="x = " + "[" * 3000 + "]" * 3000),
        ONE,
        "(front matter)",
        True,
    ),
    (
        "front matter: a picture in the title",
        lambda b: _replace(b, FIRST, 'title = "About what-is-it?"', 'title = "![x](/etc/passwd)"'),
        FIRST,
        "title",
        True,
    ),
    # Markdown
    (
        "Markdown: raw HTML",
        lambda b: _one_screen(b, "Hello <span>there</span>."),
        ONE,
        "(body)",
        True,
    ),
    (
        "Markdown: a picture by reference to /etc/passwd",
        lambda b: b.screen("ref", 4, "See ![x][r].\n\n[r]: /etc/passwd"),
        "en/screens/04-ref.md",
        "(body)",
        True,
    ),
    (
        "Markdown: a shortcut reference to a file: address",
        lambda b: b.screen("short", 4, "See ![r].\n\n[r]: file:///etc/passwd"),
        "en/screens/04-short.md",
        "(body)",
        True,
    ),
    (
        "Markdown: a reference definition climbing out",
        lambda b: b.screen("climb", 4, "See [this][r].\n\n[r]:\n  ../../x.svg"),
        "en/screens/04-climb.md",
        "(body)",
        True,
    ),
    (
        "Markdown: an inline picture climbing out",
        lambda b: b.screen("up", 4, "![x](../../secret.svg)"),
        "en/screens/04-up.md",
        "(body)",
        True,
    ),
    (
        "Markdown: an HTML picture",
        lambda b: b.screen("img", 4, 'Look <img src="/etc/passwd">'),
        "en/screens/04-img.md",
        "(body)",
        True,
    ),
    # SVG
    (
        "SVG: an <image href> to an outside file",
        lambda b: b.write(
            "illustrations/skin.svg",
            f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{_outside(b)}"/></svg>',
        ),
        FIRST,
        "illustration",
        True,
    ),
    (
        "SVG: not well-formed",
        lambda b: (
            b.write("illustrations/skin.svg", "<svg><g></svg>")
            and _one_screen(b, illustration="illustrations/skin.svg")
        ),
        ONE,
        "illustration",
        True,
    ),
    # protocol.toml
    (
        "protocol.toml: text where a number belongs",
        lambda b: _replace(b, "protocol.toml", "amount = 24", 'amount = "24"'),
        "protocol.toml",
        "rules.makeup.amount",
        True,
    ),
    (
        "protocol.toml: a list where a table belongs",
        lambda b: b.write("protocol.toml", "format = 1\nrules = [1, 2]\n"),
        "protocol.toml",
        "rules",
        True,
    ),
    (
        "protocol.toml: a huge number",
        lambda b: _replace(b, "protocol.toml", "amount = 24", "amount = 1" + "0" * 30),
        "protocol.toml",
        "rules.makeup",
        True,
    ),
    (
        "protocol.toml: true as the format",
        lambda b: _replace(b, "protocol.toml", "format = 1", "format = true"),
        "protocol.toml",
        "format",
        True,
    ),
    # aftercare.toml
    (
        "aftercare.toml: a number where words belong",
        lambda b: _replace(b, "en/aftercare.toml", 'hour = "hour"', "hour = 1"),
        "en/aftercare.toml",
        "units.hour",
        True,
    ),
    (
        "aftercare.toml: text where a table belongs",
        lambda b: b.write("en/aftercare.toml", 'units = "none"\n'),
        "en/aftercare.toml",
        "units",
        True,
    ),
    (
        "aftercare.toml: an HTML picture in a label",
        lambda b: _replace(b, "en/aftercare.toml", '"Makeup OK"', '"<img src=/etc/passwd>"'),
        "en/aftercare.toml",
        "rules.makeup.countdown",
        True,
    ),
    # paths that lead out
    (
        "path: an illustration climbing out",
        lambda b: _outside(b) and b.screen("dots", 4, illustration="../secret.svg"),
        "en/screens/04-dots.md",
        "illustration",
        True,
    ),
    # sizes
    (
        "size: a screen over its cap",
        lambda b: _big(b, FIRST, MAX_MARKDOWN_BYTES),
        FIRST,
        "(file)",
        True,
    ),
    (
        "size: an illustration over its cap",
        lambda b: _big(b, "illustrations/skin.svg", MAX_SVG_BYTES),
        FIRST,
        "illustration",
        True,
    ),
    (
        "size: protocol.toml over its cap",
        lambda b: _big(b, "protocol.toml", MAX_TOML_BYTES),
        "protocol.toml",
        "(file)",
        True,
    ),
    (
        "size: too many screens",
        lambda b: [b.screen(f"s{n}", n) for n in range(4, MAX_SCREENS + 2)],
        "en/screens/",
        "(folder)",
        True,
    ),
]

POSIX_CASES: list[tuple[str, Break, str, str, bool]] = [
    ("link: protocol.toml", lambda b: _link(b, "protocol.toml"), "protocol.toml", "(file)", True),
    ("link: pack.toml", lambda b: _link(b, "pack.toml"), "pack.toml", "(file)", True),
    ("link: a screen", lambda b: _link(b, FIRST), FIRST, "(file)", True),
    (
        "link: an illustration",
        lambda b: _link(b, "illustrations/skin.svg"),
        FIRST,
        "illustration",
        True,
    ),
    ("FIFO: a screen", lambda b: _fifo(b, FIRST), FIRST, "(file)", True),
    ("FIFO: protocol.toml", lambda b: _fifo(b, "protocol.toml"), "protocol.toml", "(file)", True),
    (
        "FIFO: aftercare.toml",
        lambda b: _fifo(b, "en/aftercare.toml"),
        "en/aftercare.toml",
        "(file)",
        True,
    ),
    (
        "FIFO: an illustration",
        lambda b: _fifo(b, "illustrations/skin.svg"),
        FIRST,
        "illustration",
        True,
    ),
    ("device: a screen", lambda b: _device(b, FIRST), FIRST, "(file)", True),
]


@pytest.fixture(autouse=True)
def _steady_grades(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading grades are not what these tests are about (test_content_report.py is)."""
    monkeypatch.setattr(pack_report, "fk_grade", lambda _text: 5.0)


def _params() -> list[object]:
    posix = pytest.mark.skipif(not POSIX, reason="links, FIFOs and devices as on POSIX")
    return [
        pytest.param(*case[1:], id=case[0]) for case in CASES + WARNING_CASES + BEFORE_CASES
    ] + [
        pytest.param(*case[1:], id=case[0], marks=posix)
        for case in POSIX_CASES + WARNING_POSIX_CASES + BEFORE_POSIX_CASES
    ]


@pytest.mark.usefixtures("no_hang", "qapp")
@pytest.mark.parametrize(("breaks", "file", "field", "falls_back"), _params())
def test_validate_pack_and_the_app_report_the_same_problem(
    good_pack: PackBuilder,
    capsys: pytest.CaptureFixture[str],
    breaks: Break,
    file: str,
    field: str,
    falls_back: bool,
) -> None:
    breaks(good_pack)

    code = cli.main(["validate-pack", str(good_pack.root)])
    printed = capsys.readouterr().out.splitlines()
    provider = ContentProvider(good_pack.root, language="en")
    provider.load()
    content = provider.content()

    assert code == 1
    named = [line for line in printed if line.startswith(f"{file}: {field}")]
    assert named, "\n".join(printed)
    found = [p for p in content.problems if (p.file, p.field) == (file, field)]
    assert found, content.problems
    assert {str(p) for p in found} <= set(printed)  # the very same words
    assert content.used_fallback == falls_back
    if falls_back:
        assert content.pack.folder == builtin_pack_folder().resolve()


def test_the_good_pack_passes_both(
    good_pack: PackBuilder, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    code = cli.main(["validate-pack", str(good_pack.root)])
    provider = ContentProvider(good_pack.root, language="en")
    provider.load()

    assert (code, capsys.readouterr().out.splitlines()[-1]) == (0, "No problems.")
    assert provider.content().problems == () and not provider.content().used_fallback
