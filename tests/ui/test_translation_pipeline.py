"""The translation pipeline: every message is found by lupdate under a real context, the .ts
sources in the repository are current, and the translators installed at start are used."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.render import translation
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))
import translations as pipeline


@pytest.fixture(scope="module")
def fresh_sources(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """What `make translations` would write now, into a temporary folder."""
    return pipeline.update_sources(out=tmp_path_factory.mktemp("ts"))


def _messages(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_message_has_a_context_lupdate_can_see(fresh_sources: list[Path]) -> None:
    # A message under an empty context is looked up at run time under another name and never
    # translates (a module-level tr() wrapper does that): use QCoreApplication.translate("Ctx",
    # "...") at the call or self.tr() in a class.
    for ts in fresh_sources:
        messages = _messages(ts)
        assert len(messages) > 300, "lupdate found almost nothing: is it reading the app?"
        empty = [source for context, source in messages if not context]
        assert not empty, f"messages without a context in {ts.name}: {empty[:10]}"


def test_the_translation_sources_in_the_repository_are_current(fresh_sources: list[Path]) -> None:
    for ts in fresh_sources:
        kept = pipeline.SOURCES / ts.name
        assert kept.is_file(), f"{kept} is missing: run `make translations`"
        # As sets: lupdate keeps the order of an existing file and adds new messages at the
        # end of their context, so only what is in the file matters, not where.
        assert sorted(_messages(kept)) == sorted(_messages(ts)), (
            f"{kept.name} is out of date with the code: run `make translations`, then translate "
            "what it marks unfinished"
        )


def test_counted_messages_are_plural_forms(fresh_sources: list[Path]) -> None:
    # "%n" in a message lupdate does not mark as plural would give a translator one form only.
    for ts in fresh_sources:
        root = ET.parse(ts).getroot()
        for message in root.iter("message"):
            source = message.findtext("source") or ""
            if "%n" in source or "%Ln" in source:
                assert message.get("numerus") == "yes", f"not a plural form: {source!r}"


@pytest.mark.parametrize(
    ("asked", "system", "expected"),
    [
        ("es", "en_US", "es"),
        ("en", "es_ES", "en"),
        ("system", "es_MX", "es"),
        (None, "es_ES", "es"),
        (None, "de_DE", "en"),  # a language the app does not have: English
        ("fr", "es_ES", "es"),  # an unknown choice falls back to the system's
        ("es-419", "en_US", "es"),
    ],
)
def test_the_language_is_the_one_asked_else_the_systems_else_english(
    asked: str | None, system: str, expected: str
) -> None:
    assert translation.choose_language(asked, QLocale(system)) == expected


def test_an_installed_translation_is_used_and_removed_again(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ts = tmp_path / f"{translation.NAME}_es.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="es">'
        "<context><name>PipelineProbe</name><message><source>Good morning</source>"
        "<translation>Buenos días</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run([pipeline.lrelease(), "-silent", str(ts)], check=True)
    monkeypatch.setattr(translation, "translations_folder", lambda: str(tmp_path))
    default = QLocale()
    try:
        translation.install_language("es")
        assert QCoreApplication.translate("PipelineProbe", "Good morning") == "Buenos días"
        assert QLocale().language() == QLocale.Language.Spanish
        translation.install_language("en")
        assert QCoreApplication.translate("PipelineProbe", "Good morning") == "Good morning"
    finally:
        translation.install_language("en")
        QLocale.setDefault(default)


def test_a_missing_translation_leaves_the_app_in_english(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(translation, "translations_folder", lambda: str(tmp_path / "none"))
    default = QLocale()
    try:
        assert translation.install_language("es") == "es"
        assert QCoreApplication.translate("PipelineProbe", "Good morning") == "Good morning"
    finally:
        translation.install_language("en")
        QLocale.setDefault(default)


def _kept_sources() -> list[Path]:
    return sorted(pipeline.SOURCES.glob("*.ts"))


def test_every_message_is_translated_and_none_is_left_over() -> None:
    for ts in _kept_sources():
        for message in ET.parse(ts).getroot().iter("message"):
            translation_element = message.find("translation")
            assert translation_element is not None
            kind = translation_element.get("type")
            source = message.findtext("source")
            assert kind not in ("unfinished", "vanished", "obsolete"), f"{ts.name}: {source!r}"


def test_translations_keep_every_placeholder_of_their_source() -> None:
    # A {name} lost or renamed in a translation would raise at .format() or show braces.
    import re

    field = re.compile(r"\{(\w*)\}")
    for ts in _kept_sources():
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            assert element is not None
            forms = [f.text or "" for f in element.iter("numerusform")] or [element.text or ""]
            for form in forms:
                assert sorted(field.findall(form)) == sorted(field.findall(source)), (
                    f"{ts.name}: {source!r} -> {form!r}"
                )
                if "%n" in source or "%Ln" in source:
                    assert "%n" in form or "%Ln" in form, f"{ts.name}: {form!r} lost its count"
