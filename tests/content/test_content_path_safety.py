"""Nothing in a pack may point outside the pack folder: not by "..", not absolute, not a link.

Symbolic links are refused wherever they point, in every folder on the way, and refuse the
whole pack: the app then shows its built-in pack (tests/content/test_content_broken_packs.py).
"""

from __future__ import annotations

import os
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.pack import UnsafePathError, load_pack, resolve_inside

needs_symlinks = pytest.mark.skipif(
    os.name == "nt", reason="creating symbolic links needs extra rights on Windows"
)


def test_resolve_inside_returns_the_real_path_of_a_relative_path(tmp_path: Path) -> None:
    (tmp_path / "illustrations").mkdir()

    path = resolve_inside(tmp_path, "illustrations/skin.svg")

    assert path == tmp_path.resolve() / "illustrations" / "skin.svg"


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("../outside.svg", 'without ".."'),
        ("illustrations/../../outside.svg", 'without ".."'),
        ("/etc/passwd", "relative to the pack folder"),
        ("C:/Windows/win.ini", "relative to the pack folder"),
        ("https://example.org/x.svg", "relative to the pack folder"),
        ("//server/share/x.svg", "relative to the pack folder"),
        ("illustrations\\x.svg", 'expected "/" between folders'),
        ("", "expected a path inside the pack"),
        ("a\0b", "expected a path inside the pack"),
    ],
)
def test_resolve_inside_rejects_paths_that_could_leave_the_pack(
    tmp_path: Path, relative: str, expected: str
) -> None:
    with pytest.raises(UnsafePathError, match=expected.replace(".", r"\.")):
        resolve_inside(tmp_path, relative)


@needs_symlinks
def test_resolve_inside_refuses_a_symlink_wherever_it_points(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "illustrations").mkdir(parents=True)
    (pack / "illustrations" / "real.svg").write_text("<svg/>")
    (tmp_path / "secret.svg").write_text("<svg/>")
    (pack / "illustrations" / "out.svg").symlink_to(tmp_path / "secret.svg")
    (pack / "illustrations" / "in.svg").symlink_to(pack / "illustrations" / "real.svg")
    (pack / "pictures").symlink_to(pack / "illustrations")

    with pytest.raises(UnsafePathError, match=r'"illustrations/out.svg" is a symbolic link; '):
        resolve_inside(pack, "illustrations/out.svg")
    with pytest.raises(UnsafePathError, match=r'"illustrations/in.svg" is a symbolic link; '):
        resolve_inside(pack, "illustrations/in.svg")
    with pytest.raises(UnsafePathError, match=r'goes through "pictures", which is a symbolic'):
        resolve_inside(pack, "pictures/real.svg")


@needs_symlinks
def test_the_pack_folder_itself_may_be_reached_through_a_link(
    good_pack: Any, tmp_path: Path
) -> None:
    (tmp_path / "via-link").symlink_to(good_pack.root)

    result = load_pack(tmp_path / "via-link")

    assert result.problems == []
    assert result.pack is not None and result.pack.folder == good_pack.root.resolve()


def _illustration_attempts(good_pack: Any, outside: Path) -> dict[str, str]:
    good_pack.screen("dots", 4, illustration="../outside.svg")
    good_pack.screen("absolute", 5, illustration=str(outside))
    if os.name != "nt":
        (good_pack.root / "illustrations" / "link.svg").symlink_to(outside)
        good_pack.screen("link", 6, illustration="illustrations/link.svg")
    problems = load_pack(good_pack.root).problems
    return {p.file: p.message for p in problems if p.field == "illustration"}


def test_illustration_path_escaping_the_pack_is_rejected(good_pack: Any, tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')

    found = _illustration_attempts(good_pack, outside)
    result = load_pack(good_pack.root)

    assert found["en/screens/04-dots.md"] == (
        'expected a path inside the pack without "..", got "../outside.svg"'
    )
    assert found["en/screens/05-absolute.md"].startswith(
        "expected a path relative to the pack folder"
    )
    if os.name != "nt":
        assert found["en/screens/06-link.md"] == (
            '"illustrations/link.svg" is a symbolic link; a pack must hold its files, '
            "not links to them"
        )
    assert result.fatal  # reaching outside refuses the whole pack, not only the screen


@needs_symlinks
def test_screen_file_or_folder_linking_out_of_the_pack_is_rejected(
    good_pack: Any, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text((good_pack.root / "en/screens/03-when-to-call.md").read_text())
    (good_pack.root / "en/screens/09-sneaky.md").symlink_to(elsewhere)
    (tmp_path / "other" / "screens").mkdir(parents=True)
    (good_pack.root / "de").symlink_to(tmp_path / "other")
    good_pack.pack_toml(languages=["en", "de"])

    result = load_pack(good_pack.root)
    german = load_pack(good_pack.root, "de")

    assert ("en/screens/09-sneaky.md", "(file)") in [(p.file, p.field) for p in result.problems]
    assert "en/screens/09-sneaky.md" in result.dropped
    assert result.fatal
    assert german.fatal
    assert any(
        p.unsafe and 'goes through "de", which is a symbolic link' in p.message
        for p in german.problems
    )


@needs_symlinks
def test_pack_toml_linking_out_of_the_pack_is_rejected(good_pack: Any, tmp_path: Path) -> None:
    real = good_pack.root / "pack.toml"
    (tmp_path / "elsewhere.toml").write_text(real.read_text())
    real.unlink()
    real.symlink_to(tmp_path / "elsewhere.toml")

    result = load_pack(good_pack.root)

    assert result.fatal
    assert result.problems[0].file == "pack.toml"
    assert "is a symbolic link" in result.problems[0].message
    assert result.problems[0].unsafe


_PATH_TEXT = st.lists(
    st.sampled_from(["..", ".", "a", "b", "", "/", "\\", "C:", "~", "link", "%2e%2e"]), max_size=6
).map("/".join) | st.text(alphabet=string.printable, max_size=20)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=_PATH_TEXT)
def test_resolve_inside_never_returns_a_path_outside_the_pack(
    tmp_path: Path, relative: str
) -> None:
    pack = tmp_path / "pack"
    (pack / "a").mkdir(parents=True, exist_ok=True)
    if os.name != "nt" and not (pack / "link").exists():
        (pack / "link").symlink_to(tmp_path)  # a trap: a folder link pointing out
    try:
        resolved = resolve_inside(pack, relative)
    except UnsafePathError:
        return
    assert resolved.is_relative_to(pack.resolve())
