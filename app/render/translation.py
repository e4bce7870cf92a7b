"""The app's language: which one, and Qt's translators for it.

The app is written in English; other languages come from resources/translations/*.qm (built by
`make` from the .ts sources with pyside6-lrelease) plus Qt's own translations for its standard
dialogs (qtbase_<lang>.qm), when Qt has them. The language is the one asked for (--language),
else the system's when the app has it, else English. QLocale's default follows it, so dates,
times and numbers are written the way that language writes them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths

log = logging.getLogger(__name__)

# The languages the app can speak (build_scripts/translations.py LANGUAGES, plus the source).
LANGUAGES = ("en", "es")
SOURCE_LANGUAGE = "en"
# Each language named in itself, never translated: the name its own reader looks for.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
NAME = "microneedling-companion"

# What is installed now: kept here so a change of language can remove them again, and so the
# translators are not collected while the application uses them.
_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]


def current_language() -> str:
    """The language installed last (install_language): the window's and the kiosk's."""
    return _current[0]


def choose_language(asked: str | None, system: QLocale | None = None) -> str:
    """The language to use: the one asked for if the app has it, else the system's if the app
    has it, else English. "system" (or nothing) means the system's."""
    if asked and asked != "system":
        code = asked.split("_")[0].split("-")[0].lower()
        if code in LANGUAGES:
            return code
        log.warning("language %r is not available; using the system's", asked)
    locale = system if system is not None else QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def translations_folder() -> str:
    """Where the app's compiled translations are (make builds them next to their sources)."""
    return str(paths.resource_path("translations"))


def install_language(language: str) -> str:
    """Install the translators for `language` (removing any installed before) and make QLocale's
    default follow it. Returns the language. A missing or unreadable translation is logged and
    the app carries on in English: never a reason not to start."""
    app = QCoreApplication.instance()
    _current[0] = language
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    system = QLocale.system()
    # Keep the system's country when it speaks this language (es_MX dates for a Mexican system).
    same = system.language() == QLocale(language).language()
    QLocale.setDefault(system if same else QLocale(language))
    if language == SOURCE_LANGUAGE or app is None:
        return language
    own = QTranslator()
    folder = translations_folder()
    if own.load(f"{NAME}_{language}", folder):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("no translation for %s in %s; the window stays in English", language, folder)
    qt = QTranslator()
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
