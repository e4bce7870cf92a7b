"""The areas of the home window, in rail order. Later features replace the pending ones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.ui.main_window import Area
from app.ui.preferences import Preferences
from app.ui.screens.page import Page, add_label


def tr(text: str) -> str:
    return QCoreApplication.translate("Areas", text)


def _pending(title: str, text: str) -> Page:
    page = Page(title)
    add_label(page.column, text)
    page.column.addStretch(1)
    return page


def home_areas(prefs: Preferences, data_dir: Path | None, log_file: Path | None) -> list[Area]:
    from app.ui.screens.about import AboutScreen
    from app.ui.screens.settings import SettingsScreen

    return [
        Area(
            "learn",
            tr("Learn"),
            "learn",
            lambda: _pending(
                tr("Learn about microneedling"),
                tr("Screens about the treatment will appear here."),
            ),
        ),
        Area(
            "recovery",
            tr("My recovery"),
            "recovery",
            lambda: _pending(
                tr("My recovery"), tr("Your recovery plan and daily checklist will appear here.")
            ),
        ),
        Area(
            "warning",
            tr("Warning signs"),
            "warning",
            lambda: _pending(
                tr("Warning signs"),
                tr(
                    "If your lips, tongue or throat swell, you have trouble breathing, or you "
                    "feel faint, call emergency services now. For other worries, call your clinic."
                ),
            ),
        ),
        Area("settings", tr("Settings"), "settings", lambda: SettingsScreen(prefs)),
        Area("about", tr("About"), "about", lambda: AboutScreen(data_dir, log_file)),
    ]
