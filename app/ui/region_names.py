"""Region (country) names in the patient's language.

Qt names territories in English only (QLocale.territoryToString), so the regions the content
pack gives an emergency number for are named here, for translation like every other word. A
region not in this table keeps Qt's English name: still right, just not translated.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CONTEXT = "Regions"
_NAMES = {
    "AT": QT_TRANSLATE_NOOP("Regions", "Austria"),
    "AU": QT_TRANSLATE_NOOP("Regions", "Australia"),
    "BE": QT_TRANSLATE_NOOP("Regions", "Belgium"),
    "BG": QT_TRANSLATE_NOOP("Regions", "Bulgaria"),
    "CA": QT_TRANSLATE_NOOP("Regions", "Canada"),
    "CY": QT_TRANSLATE_NOOP("Regions", "Cyprus"),
    "CZ": QT_TRANSLATE_NOOP("Regions", "Czechia"),
    "DE": QT_TRANSLATE_NOOP("Regions", "Germany"),
    "DK": QT_TRANSLATE_NOOP("Regions", "Denmark"),
    "EE": QT_TRANSLATE_NOOP("Regions", "Estonia"),
    "ES": QT_TRANSLATE_NOOP("Regions", "Spain"),
    "FI": QT_TRANSLATE_NOOP("Regions", "Finland"),
    "FR": QT_TRANSLATE_NOOP("Regions", "France"),
    "GB": QT_TRANSLATE_NOOP("Regions", "United Kingdom"),
    "GR": QT_TRANSLATE_NOOP("Regions", "Greece"),
    "HR": QT_TRANSLATE_NOOP("Regions", "Croatia"),
    "HU": QT_TRANSLATE_NOOP("Regions", "Hungary"),
    "IE": QT_TRANSLATE_NOOP("Regions", "Ireland"),
    "IT": QT_TRANSLATE_NOOP("Regions", "Italy"),
    "LT": QT_TRANSLATE_NOOP("Regions", "Lithuania"),
    "LU": QT_TRANSLATE_NOOP("Regions", "Luxembourg"),
    "LV": QT_TRANSLATE_NOOP("Regions", "Latvia"),
    "MT": QT_TRANSLATE_NOOP("Regions", "Malta"),
    "MX": QT_TRANSLATE_NOOP("Regions", "Mexico"),
    "NL": QT_TRANSLATE_NOOP("Regions", "Netherlands"),
    "NZ": QT_TRANSLATE_NOOP("Regions", "New Zealand"),
    "PL": QT_TRANSLATE_NOOP("Regions", "Poland"),
    "PT": QT_TRANSLATE_NOOP("Regions", "Portugal"),
    "RO": QT_TRANSLATE_NOOP("Regions", "Romania"),
    "SE": QT_TRANSLATE_NOOP("Regions", "Sweden"),
    "SI": QT_TRANSLATE_NOOP("Regions", "Slovenia"),
    "SK": QT_TRANSLATE_NOOP("Regions", "Slovakia"),
    "US": QT_TRANSLATE_NOOP("Regions", "United States"),
}


def region_name(code: str) -> str:
    """The region's name in the app's language ("Reino Unido"), Qt's English name for a region
    not in the table, or the code when Qt knows none."""
    if code in _NAMES:
        return QCoreApplication.translate(CONTEXT, str(_NAMES[code]))
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def by_name(code: str) -> str:
    """A sort key: alphabetical by the shown name, accents aside ("Éire" beside "Eslovenia")."""
    return unicodedata.normalize("NFKD", region_name(code)).casefold()
