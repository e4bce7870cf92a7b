"""Spanish reading ease: the syllable counter, the Szigriszt-Pazos formula and the INFLESZ bands."""

from __future__ import annotations

import pytest

from app.domain.readability_es import (
    inflesz_band,
    reading_ease_es,
    sentence_count,
    syllables_es,
    szigriszt_pazos,
)

# Syllable counts as divided by the rules of the Real Academia Española (Ortografía 2010, §4.1),
# each checked against the pylabeador syllabifier. textstat's hyphenation-based count gets the
# ones marked * wrong (it leaves out hiatus and vowels alone at the edge of a word).
KNOWN = {
    "piel": 1,  # piel
    "que": 1,  # que: the u is silent
    "hoy": 1,  # hoy: final y is a vowel in the diphthong
    "y": 1,
    "muy": 1,
    "agua": 2,  # a-gua *
    "día": 2,  # dí-a *
    "país": 2,  # pa-ís *
    "guía": 2,  # guí-a *
    "rojez": 2,
    "aguja": 3,  # a-gu-ja
    "ahora": 3,  # a-ho-ra *
    "oído": 3,  # o-í-do *
    "cicatriz": 3,
    "hinchazón": 3,
    "pingüino": 3,  # pin-güi-no: ü is heard
    "colágeno": 4,
    "tratamiento": 4,  # tra-ta-mien-to
    "microagujas": 5,  # mi-cro-a-gu-jas *
    "isotretinoína": 7,  # i-so-tre-ti-no-í-na *
    "Aguja": 3,  # capitals count the same
}


@pytest.mark.parametrize(("word", "count"), sorted(KNOWN.items()))
def test_spanish_syllables_follow_the_spelling_rules(word: str, count: int) -> None:
    assert syllables_es(word) == count


def test_numbers_count_one_syllable_per_digit_and_at_least_one() -> None:
    assert [syllables_es(n) for n in ("3", "30", "2.800")] == [1, 2, 4]


def test_szigriszt_pazos_matches_the_formula_worked_by_hand() -> None:
    # 8 words, 2 sentences; syllables: el 1, pe-rro 2, co-me 2, car-ne 2, la 1, ni-ña 2,
    # jue-ga 2, bien 1 = 13. 206.835 - 62.3 * 13 / 8 - 8 / 2 = 101.59
    assert szigriszt_pazos("El perro come carne. La niña juega bien.") == pytest.approx(
        101.59, abs=0.01
    )


def test_abbreviations_and_thousands_do_not_end_sentences() -> None:
    assert sentence_count("En EE. UU. la FDA permite 2.800 casos. Pregunte.") == 2
    assert sentence_count("¿Qué es? Es simple.") == 2


def test_plain_spanish_reads_easy_and_dense_clinical_spanish_reads_hard() -> None:
    plain = "Su piel puede estar roja un día o dos. Es normal. Use un jabón suave."
    dense = (
        "La hiperpigmentación postinflamatoria constituye una complicación relativamente "
        "frecuente en individuos con fototipos elevados tras procedimientos dermatológicos."
    )

    assert inflesz_band(reading_ease_es(plain)) in ("bastante fácil", "muy fácil")
    assert inflesz_band(reading_ease_es(dense)) == "muy difícil"


def test_placeholders_are_scored_as_spanish_words() -> None:
    with_placeholder = reading_ease_es("Llame a {{clinic_name}} hoy.")

    assert with_placeholder == pytest.approx(reading_ease_es("Llame a su clínica hoy."))


@pytest.mark.parametrize(
    ("score", "band"),
    [(90, "muy fácil"), (80, "muy fácil"), (70, "bastante fácil"), (65, "bastante fácil"),
     (60, "normal"), (55, "normal"), (50, "algo difícil"), (39.9, "muy difícil")],
)  # fmt: skip
def test_inflesz_bands(score: float, band: str) -> None:
    assert inflesz_band(score) == band
