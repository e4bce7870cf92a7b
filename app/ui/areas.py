"""The areas of the home window, in rail order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.render.content_provider import ContentProvider
from app.ui.main_window import Area, MainWindow
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.theme import PALETTES

# Screens are imported when first built, so start-up pays only for the first one.


def home_areas(
    content: ContentProvider,
    prefs: Preferences,
    data_dir: Path | None,
    log_file: Path | None,
    session: RecoverySession,
) -> list[Area]:
    def learn(window: MainWindow) -> QWidget:
        from app.ui.screens.learn import LearnArea

        area = LearnArea(content, lambda: PALETTES[prefs.theme])
        window.restyled.connect(area.refresh)
        area.set_up_recovery.connect(lambda: window.go_to("recovery"))
        return area

    def warning(window: MainWindow) -> QWidget:
        from app.ui.screens.learn import LearnArea
        from app.ui.screens.warning_signs import WarningSignsArea

        def open_in_learn(screen_id: str) -> None:
            window.go_to("learn")
            learn_area = window.area_widget("learn")
            assert isinstance(learn_area, LearnArea)
            learn_area.open_screen(screen_id)

        area = WarningSignsArea(content, lambda: PALETTES[prefs.theme], open_in_learn)
        area.open_clinic_settings.connect(lambda: open_clinic_settings(window))
        window.restyled.connect(area.refresh)
        return area

    def recovery(window: MainWindow) -> QWidget:
        from app.ui.screens.recovery import RecoveryArea

        area = RecoveryArea(session, lambda: PALETTES[prefs.theme])
        area.open_warning_signs.connect(lambda: window.go_to("warning"))
        window.restyled.connect(area.restyle)
        return area

    def open_clinic_settings(window: MainWindow) -> None:
        from app.ui.screens.settings import SettingsScreen

        window.go_to("settings")
        screen = window.area_widget("settings")
        assert isinstance(screen, SettingsScreen)
        screen.show_clinic()

    def settings(window: MainWindow) -> QWidget:
        from app.ui.screens.settings import SettingsScreen

        screen = SettingsScreen(prefs, content)

        def clinic_config_saved(path: Path) -> None:
            # Live: the saved setup is read again as at start, and every surface redraws.
            from app.ui.application import apply_clinic_config

            apply_clinic_config(window, content, session, path, tell=lambda *_args: None)
            if screen.clinic is not None:
                screen.clinic.show_stored()

        screen.clinic_config_saved.connect(clinic_config_saved)
        return screen

    def about(window: MainWindow) -> QWidget:
        from app.ui.screens.about import AboutScreen

        area = AboutScreen(
            data_dir,
            log_file,
            content,
            lambda: PALETTES[prefs.theme],
            shortcuts=window.keyboard_shortcuts,
        )
        window.restyled.connect(area.refresh)
        return area

    return [
        Area("learn", QCoreApplication.translate("Areas", "Learn"), "learn", learn),
        Area("recovery", QCoreApplication.translate("Areas", "My recovery"), "recovery", recovery),
        Area("warning", QCoreApplication.translate("Areas", "Warning signs"), "warning", warning),
        Area("settings", QCoreApplication.translate("Areas", "Settings"), "settings", settings),
        Area("about", QCoreApplication.translate("Areas", "About"), "about", about),
    ]
