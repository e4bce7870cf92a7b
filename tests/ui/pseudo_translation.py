"""A pseudo-translation: every message of the app's .ts wrapped as "[!! … !!]", so a walk of
the screens can tell a translated text from one that never went through tr(). Text from the
content pack (which is translated as content, per language folder) is told apart by the pack's
own words."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QWidget,
)

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))
import translations as pipeline

OPEN, CLOSE = "[!! ", " !!]"
# Words shown as they are in every language, on purpose: each language's own name (Settings)
# and the app's name.
UNTRANSLATED = {"English", "Español", "Microneedling Companion"}
_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}|\{[a-z_]+\}")


def write_pseudo_translation(folder: Path, name: str) -> Path:
    """folder/<name>_es.qm, made from the repository's Spanish .ts with every text wrapped."""
    source = pipeline.SOURCES / f"{name}_es.ts"
    tree = ET.parse(source)
    for message in tree.getroot().iter("message"):
        text = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None
        forms = list(element.iter("numerusform"))
        if forms:
            for form in forms:
                form.text = OPEN + text + CLOSE
        else:
            element.text = OPEN + text + CLOSE
    ts = folder / f"{name}_es.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([pipeline.lrelease(), "-silent", str(ts)], check=True)
    return ts.with_suffix(".qm")


def pack_fragments(value: object) -> set[str]:
    """Every piece of words in the loaded pack (dataclasses, models, mappings, lists), cut at
    its placeholders, so a label that shows pack words with the values filled in is known."""
    found: set[str] = set()
    seen: set[int] = set()

    def walk(item: object) -> None:
        if id(item) in seen:
            return
        seen.add(id(item))
        if isinstance(item, str):
            for part in _PLACEHOLDER.split(item):
                for line in part.splitlines():
                    line = line.strip(" *#-•")
                    if line:
                        found.add(line)
        elif isinstance(item, dict):
            for v in item.values():
                walk(v)
        elif isinstance(item, list | tuple | set | frozenset):
            for v in item:
                walk(v)
        elif dataclasses.is_dataclass(item):
            for f in dataclasses.fields(item):
                walk(getattr(item, f.name))
        elif hasattr(item, "__dict__") and type(item).__module__.startswith("app."):
            for v in vars(item).values():
                walk(v)
        elif hasattr(item, "model_dump"):
            walk(item.model_dump())  # type: ignore[attr-defined]

    walk(value)
    return found


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a patient can see on `root` as it is shown now."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        kind = type(widget).__name__
        if isinstance(widget, QLabel):
            yield kind, _TAG.sub("", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield kind, widget.tabText(index)
        elif isinstance(widget, QListWidget):
            for index in range(widget.count()):
                item = widget.item(index)
                if item is not None:
                    yield kind, item.text()
        elif isinstance(widget, QLineEdit):
            yield kind, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield kind, widget.itemText(index)


def _locale_words() -> set[str]:
    """Day and month names in the locale in force: dates are QLocale's to write, not tr()'s."""
    locale = QLocale()
    words = set()
    for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words |= {locale.dayName(day, kind).casefold() for day in range(1, 8)}
        words |= {locale.monthName(month, kind).casefold() for month in range(1, 13)}
        words |= {locale.standaloneMonthName(m, kind).casefold() for m in range(1, 13)}
    words |= {locale.amText().casefold(), locale.pmText().casefold(), "de", "del"}
    return {word.strip(".") for word in words if word}


def _is_key_sequence(text: str) -> bool:
    # Shortcut keys as Qt writes them (QKeySequence.NativeText): Qt's own translation.
    sequence = QKeySequence.fromString(text, QKeySequence.SequenceFormat.NativeText)
    return "+" in text and not sequence.isEmpty()


def untranslated(texts: Iterable[tuple[str, str]], pack: set[str]) -> list[str]:
    """The texts that are neither wrapped, nor the pack's words, nor dates, nor free of words."""
    found = []
    dates = _locale_words()
    for where, text in texts:
        plain = " ".join(text.replace("&", "").split())
        if not re.search(r"[A-Za-z]{2}", plain) or OPEN.strip() in plain:
            continue
        words = re.findall(r"[^\W\d_]+", plain)
        if all(word.casefold() in dates for word in words) or _is_key_sequence(plain):
            continue
        if plain.strip("✓ ") in pack:
            continue
        if plain in UNTRANSLATED:
            continue
        # Pack words inside a longer text, or a longer pack text cut short: a few letters of
        # a pack word are not proof, so only pieces of at least six characters count.
        if any(len(f) >= 6 and f in plain for f in pack):
            continue
        if len(plain) >= 6 and any(plain in fragment for fragment in pack):
            continue
        found.append(f"{where}: {plain!r}")
    return found
