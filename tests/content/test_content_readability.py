"""Reading grade: Markdown to prose, and textstat fed a local CMU dictionary (no network)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain import readability
from app.domain.readability import (
    ReadabilityUnavailable,
    ensure_cmudict,
    fk_grade,
    prose_from_markdown,
    syllable_count,
)

REPO = Path(__file__).parents[2]


@pytest.fixture
def isolated_nltk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let a test point NLTK somewhere else without leaving it there for later tests."""
    monkeypatch.setenv("NLTK_DATA", os.environ.get("NLTK_DATA", ""))
    monkeypatch.setattr(readability, "_prepared_dir", readability._prepared_dir)
    nltk_data: Any = sys.modules.get("nltk.data")
    if nltk_data is not None:
        monkeypatch.setattr(nltk_data, "path", list(nltk_data.path))
    yield


def test_ensure_cmudict_writes_the_corpus_nltk_expects(cmudict_dir: Path) -> None:
    from nltk.corpus.reader import CMUDictCorpusReader

    corpus = cmudict_dir / "corpora" / "cmudict"
    reader = CMUDictCorpusReader(str(corpus), ["cmudict"])

    assert sorted(p.name for p in corpus.iterdir()) == ["README", "cmudict"]
    assert reader.entries()[0] == ("'bout", ["B", "AW1", "T"])
    assert os.environ["NLTK_DATA"].split(os.pathsep)[0] == str(cmudict_dir)


def test_ensure_cmudict_reuses_a_complete_corpus_and_rewrites_a_stale_one(
    tmp_path: Path, isolated_nltk: None
) -> None:
    root = ensure_cmudict(tmp_path / "nltk")
    dictionary = root / "corpora" / "cmudict" / "cmudict"
    first = dictionary.stat().st_mtime_ns

    ensure_cmudict(tmp_path / "nltk")
    assert dictionary.stat().st_mtime_ns == first

    (root / "corpora" / "cmudict" / "README").write_text("from an older version\n")
    dictionary.write_text("")
    ensure_cmudict(tmp_path / "nltk")
    assert dictionary.stat().st_size > 1_000_000


def test_textstat_uses_the_local_dictionary_without_network(
    cmudict_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nltk
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to go over the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(nltk, "download", no_network)
    # textstat caches the dictionary and the counts; start cold so the lookup really happens.
    _get_cmudict.get_cmudict.cache_clear()
    _count_syllables.count_syllables.cache_clear()

    assert syllable_count("collagen") == 3  # from CMUdict itself
    assert syllable_count("microneedling") == 4  # from the app's supplement; hyphenation says 2
    assert syllable_count("isotretinoin") == 6


@pytest.mark.slow
def test_fresh_interpreter_prepares_the_dictionary_before_textstat_is_imported(
    tmp_path: Path,
) -> None:
    script = textwrap.dedent(
        f"""
        import socket, sys
        from pathlib import Path
        def no_network(*args, **kwargs):
            raise SystemExit("tried to go over the network")
        socket.socket.connect = no_network
        from app.domain.readability import ensure_cmudict, fk_grade, syllable_count
        assert "nltk" not in sys.modules and "textstat" not in sys.modules
        ensure_cmudict(Path({str(tmp_path / "nltk")!r}))
        import nltk
        nltk.download = no_network
        print(syllable_count("microneedling"), syllable_count("collagen"))
        print(fk_grade("Tiny needles make small holes. Your skin heals them."))
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    env.update(HOME=str(tmp_path), PYTHONPATH=str(REPO))

    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr
    counts, grade = done.stdout.splitlines()
    assert counts == "4 3"
    assert float(grade) < 6


def test_without_textstat_a_clear_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readability.importlib.util, "find_spec", lambda name: None)

    with pytest.raises(ReadabilityUnavailable, match=r"microneedling-companion\[authoring\]"):
        fk_grade("Some text.")


def test_prose_keeps_link_text_and_drops_targets_images_code_and_markers() -> None:
    markdown = textwrap.dedent(
        """\
        +++
        id = "x"
        title = "Not read"
        +++
        ## What **happens** next

        See [what is normal](screen:normal-or-not) and <https://example.org>.
        ![a drawing](illustrations/skin.svg)
        Use `code` rarely; _gently_ is fine.

        ```
        fenced code is not prose
        ```
        > A quote
        > over two lines

        1. First step
        2. Second step:
           still the second step
        """
    )

    assert prose_from_markdown(markdown) == (
        "What happens next. See what is normal and. Use rarely; gently is fine. "
        "A quote over two lines. First step. Second step: still the second step."
    )


def test_prose_fills_placeholders_with_representative_words() -> None:
    prose = prose_from_markdown(
        "- No makeup for {{ makeup }}\n- Call {{clinic_phone}}\n- {{odd_one}}"
    )

    assert prose == "No makeup for 24 hours. Call your clinic's phone number. odd one."


def test_each_heading_and_list_item_counts_as_its_own_sentence(cmudict_dir: Path) -> None:
    as_list = "# Your first day\n\n- Keep your skin clean\n- Do not touch your face\n- Sleep well"
    as_prose = "Your first day. Keep your skin clean. Do not touch your face. Sleep well."

    assert fk_grade(as_list) == pytest.approx(fk_grade(as_prose))


def test_plain_words_score_lower_than_dense_clinical_prose(cmudict_dir: Path) -> None:
    plain = "Your skin may be red for a day or two. This is normal. Use a mild soap."
    dense = (
        "Post-procedural erythema and transient hyperpigmentation are anticipated sequelae, "
        "particularly in individuals with increased melanocytic activity following treatment."
    )

    assert fk_grade(plain) < 4
    assert fk_grade(dense) > 12
