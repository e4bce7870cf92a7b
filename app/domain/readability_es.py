"""Reading ease of a Spanish screen: Szigriszt-Pazos perspicuity, read on the INFLESZ scale.

Szigriszt-Pazos (1993) adapts Flesch's reading ease to Spanish:

    206.835 - 62.3 * syllables / words - words / sentences

and Barrio-Cantalejo et al. (2008) read it on the INFLESZ scale: below 40 very hard, 40-55
somewhat hard, 55-65 normal, 65-80 fairly easy ("bastante fácil"), above 80 very easy.

textstat has the formula, but counts Spanish syllables by hyphenation (pyphen), which leaves out
a vowel alone at the edge of a word and every hiatus: "agua", "día" and "guía" come out as one
syllable, "isotretinoína" as 5 of 7. Too few syllables make a hard screen look easy, so this
module counts syllables by the rules of Spanish spelling instead (vowel nuclei, diphthongs and
hiatus), which is exact for ordinary Spanish words and needs no dictionary. It knows no Qt and
no file: plain text in, a number out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from types import MappingProxyType

from app.domain.readability import prose_from_markdown

# INFLESZ band limits (Barrio-Cantalejo et al., An Sist Sanit Navar 2008).
INFLESZ_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "muy fácil"),
    (65.0, "bastante fácil"),
    (55.0, "normal"),
    (40.0, "algo difícil"),
    (float("-inf"), "muy difícil"),
)

# What {{placeholders}} read as in Spanish where the real value is not known (scoring only),
# mirroring app.domain.placeholders.REPRESENTATIVE_VALUES.
REPRESENTATIVE_VALUES_ES: Mapping[str, str] = MappingProxyType(
    {
        "makeup": "24 horas",
        "sweat": "72 horas",
        "actives": "7 días",
        "sun": "14 días",
        "next_session": "4 semanas",
        "clinic_name": "su clínica",
        "clinic_phone": "el teléfono de su clínica",
        "emergency_number": "número local de emergencias",
        "last_reviewed": "24 de noviembre de 2026",
        "next_review_due": "24 de noviembre de 2027",
    }
)

_STRONG = set("aeoáéóàèò")
_ACCENTED_WEAK = set("íúìù")
_VOWELS = _STRONG | _ACCENTED_WEAK | set("iuü")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# Abbreviations whose full stops do not end a sentence.
_ABBREVIATIONS = re.compile(r"\bEE\.\s*UU\.|\bp\.\s*ej\.|\bUd(s)?\.|\bDr(a)?\.|\bSr(a)?\.")
_SENTENCE_END = re.compile(r"[.!?…]+")


def _nuclei(group: str) -> int:
    """Syllables in one run of vowels: 1, plus 1 for each hiatus between two neighbours.

    Two strong vowels (a, e, o) are in hiatus, and so is any pair with an accented i or u;
    a strong vowel with an unaccented i or u, or two weak ones, form a diphthong.
    """
    count = 1
    for first, second in itertools.pairwise(group):
        if (first in _STRONG and second in _STRONG) or (
            first in _ACCENTED_WEAK or second in _ACCENTED_WEAK
        ):
            count += 1
    return count


def syllables_es(word: str) -> int:
    """Syllables of one Spanish word (at least 1); a number counts one per digit."""
    if word[:1].isdigit():
        return max(1, sum(ch.isdigit() for ch in word))
    text = word.lower()
    # The u of "que", "qui", "gue", "gui" is silent (not in "güe", "güi": ü is written).
    text = re.sub(r"(?<=[qg])u(?=[eiéí])", "", text)
    # y is a vowel at the end of a word after a vowel ("hoy", "muy") and on its own ("y").
    if text == "y":
        return 1
    text = re.sub(r"(?<=[aeiouáéíóú])y$", "i", text)
    groups = re.findall(f"[{''.join(sorted(_VOWELS))}]+", text)
    return max(1, sum(_nuclei(group) for group in groups))


def words_es(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    cleaned = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", ""), text)
    # A full stop inside a number ("2.800") is not an end either.
    cleaned = re.sub(r"(?<=\d)[.,](?=\d)", "", cleaned)
    ends = [piece for piece in _SENTENCE_END.split(cleaned) if words_es(piece)]
    return max(1, len(ends))


def szigriszt_pazos(text: str) -> float:
    """Szigriszt-Pazos perspicuity of plain Spanish text (higher is easier)."""
    words = words_es(text)
    if not words:
        return 0.0
    syllables = sum(syllables_es(word) for word in words)
    return 206.835 - 62.3 * syllables / len(words) - len(words) / sentence_count(text)


def reading_ease_es(markdown_text: str) -> float:
    """Szigriszt-Pazos of the prose in a Spanish screen's Markdown (front matter allowed)."""
    return szigriszt_pazos(prose_from_markdown(markdown_text, REPRESENTATIVE_VALUES_ES))


def inflesz_band(score: float) -> str:
    """The INFLESZ words for ``score``: "muy difícil" to "muy fácil"."""
    return next(name for limit, name in INFLESZ_BANDS if score >= limit)
