"""Settings: language, text size, colours, motion, your clinic (its name and phones, and the
region of the emergency number), starting at login, and the clinic setup for staff. Every
change applies at once and is saved; one that cannot be saved is undone on screen (or, for typed
text, kept on screen) and says why beside its choices."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QDialog, QLabel, QPushButton, QWidget

from app import autostart
from app.render.content_provider import ContentProvider
from app.render.translation import LANGUAGE_NAMES
from app.store import StoreWriteError
from app.ui.preferences import LANGUAGE, Preferences
from app.ui.screens.clinic_setting import ClinicSetting
from app.ui.screens.page import Page, add_label
from app.ui.screens.region_setting import RegionSetting
from app.ui.store_writes import not_saved_text, tell
from app.ui.theme import TEXT_STEPS, THEMES
from app.ui.wrap_buttons import WrapCheckBox, WrapPushButton, WrapRadioButton


class SettingsScreen(Page):
    clinic_config_saved = Signal(object)  # the clinic config's path, after Clinic setup saved

    def __init__(
        self,
        preferences: Preferences,
        content: ContentProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Settings"), parent)
        self._prefs = preferences
        self._content = content

        # First, so a patient who cannot read the words around it can still find it. Each
        # language is named in itself (never translated): that is the name its reader knows.
        add_label(self.column, self.tr("Language"), "h2")
        language_names = {"system": self.tr("Same as this computer"), **LANGUAGE_NAMES}
        assert set(language_names) == set(LANGUAGE.choices)
        self.language_group = self._radio_group(
            [language_names[key] for key in LANGUAGE.choices],
            lambda name: self.tr("Language: {name}").format(name=name),
            LANGUAGE.choices.index(preferences.language),
            self._language_toggled,
        )
        self.language_status = self._status_line()

        add_label(self.column, self.tr("Text size"), "h2")
        size_names = [self.tr("Normal"), self.tr("Large"), self.tr("Larger"), self.tr("Largest")]
        assert len(size_names) == len(TEXT_STEPS)
        self.size_group = self._radio_group(
            size_names,
            lambda size: self.tr("Text size: {size}").format(size=size),
            preferences.text_step,
            self._size_toggled,
        )
        self.size_status = self._status_line()

        add_label(self.column, self.tr("Colours"), "h2")
        theme_names = {
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast (yellow on black)"),
        }
        assert set(theme_names) == set(THEMES)
        self.theme_group = self._radio_group(
            [theme_names[key] for key in THEMES],
            lambda theme: self.tr("Colours: {theme}").format(theme=theme),
            THEMES.index(preferences.theme),
            self._theme_toggled,
        )
        self.theme_status = self._status_line()

        add_label(self.column, self.tr("Movement"), "h2")
        self.reduce_motion = WrapCheckBox(self.tr("Reduce motion (no fades or moving slides)"))
        self.reduce_motion.setAccessibleName(self.tr("Reduce motion"))
        self.reduce_motion.setChecked(preferences.reduce_motion)
        self.reduce_motion.toggled.connect(self._choose_reduce_motion)
        self.column.addWidget(self.reduce_motion)
        self.motion_status = self._status_line()

        self.region: RegionSetting | None = None
        self.clinic: ClinicSetting | None = None
        if content is not None:  # which regions have a number is the content pack's
            self.region = RegionSetting(preferences, content)
            self.region.heading.setProperty("role", "h3")  # a part of "Your clinic"
            self.clinic = ClinicSetting(preferences, content, self.region)
            self.column.addWidget(self.clinic)

        add_label(self.column, self.tr("Starting the app"), "h2")
        self.autostart = WrapCheckBox(self.tr("Start the app when I log in to this computer"))
        self.autostart.setAccessibleName(self.tr("Start the app when I log in"))
        self.autostart.setChecked(autostart.is_enabled())
        self.autostart.toggled.connect(self._set_autostart)
        self.column.addWidget(self.autostart)
        self.autostart_status = add_label(
            self.column,
            self.tr("Reminders only appear while the app is open, so this helps you get them."),
            "secondary",
        )
        self.setup_button: QPushButton | None = None
        if content is not None:
            add_label(self.column, self.tr("Clinic setup"), "h2")
            add_label(
                self.column,
                self.tr(
                    "For clinic staff: the clinic's name, phones, colour, logo, aftercare "
                    "timings, the kiosk and its staff PIN."
                ),
                "secondary",
            )
            # Wraps rather than widen the page ("Abrir la configuración de la clínica" at the
            # largest text is wider than an 800 px window's column).
            self.setup_button = WrapPushButton(self.tr("Open clinic setup"))
            self.setup_button.setAccessibleName(self.tr("Open clinic setup"))
            self.setup_button.clicked.connect(self.open_clinic_setup)
            self.column.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addStretch(1)

    def open_clinic_setup(self) -> QDialog | None:
        """The clinic setup form in its own window (window-modal); saving re-reads the config."""
        if self._content is None:
            return None
        from app.ui.screens.clinic_setup import config_path_for_setup
        from app.ui.screens.clinic_setup_dialog import ClinicSetupDialog

        dialog = ClinicSetupDialog(self._content, config_path_for_setup(self._content), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.clinic_config_saved)
        dialog.open()
        return dialog

    def show_clinic(self) -> None:
        """Bring "Your clinic" into view with the cursor in it (from "Add your clinic's phone
        in Settings")."""
        if self.clinic is None:
            return
        self.clinic.focus_first_open()
        # Once laid out (it may only now be shown): the group at the top of the page.
        QTimer.singleShot(0, self, self._scroll_to_clinic)

    def _scroll_to_clinic(self) -> None:
        if self.clinic is not None:
            self.verticalScrollBar().setValue(self.clinic.y() - 16)

    def _radio_group(
        self,
        names: list[str],
        accessible: Callable[[str], str],
        checked: int,
        toggled: Callable[[int, bool], None],
    ) -> QButtonGroup:
        """One radio button per name, in the column, the `checked`-th ticked; `accessible` gives
        each its accessible name from its name."""
        group = QButtonGroup(self)
        for index, name in enumerate(names):
            button = WrapRadioButton(name)
            button.setAccessibleName(accessible(name))
            button.setChecked(index == checked)
            group.addButton(button, index)
            self.column.addWidget(button)
            # toggled, not clicked: a screen reader's or voice control's "press" ticks the radio
            # through setChecked and emits no click. show_stored blocks each button's signals,
            # and the group's own signals are not blocked with them: one connection per button.
            button.toggled.connect(partial(toggled, index))
        return group

    def _status_line(self) -> QLabel:
        label = add_label(self.column, "")
        label.hide()
        return label

    def _size_toggled(self, step: int, on: bool) -> None:
        if on:  # the radio switched off says nothing
            self._choose_text_step(step)

    def _theme_toggled(self, index: int, on: bool) -> None:
        if on:
            self._choose_theme(index)

    def _language_toggled(self, index: int, on: bool) -> None:
        if on:
            language = LANGUAGE.choices[index]
            # Later: the window is made anew in the new language, this screen included, and
            # this screen must not be torn down inside its own signal.
            QTimer.singleShot(0, self, partial(self._choose_language, language))

    def _choose_language(self, language: str) -> None:
        self._save(lambda: self._prefs.set_language(language), self.language_status)

    def focus_language(self) -> None:
        """The keyboard back on the language just chosen, after the window was made anew."""
        checked = self.language_group.checkedButton()
        if checked is not None:
            checked.setFocus()

    def _choose_text_step(self, step: int) -> None:
        self._save(lambda: self._prefs.set_text_step(step), self.size_status)

    def _choose_theme(self, index: int) -> None:
        self._save(lambda: self._prefs.set_theme(THEMES[index]), self.theme_status)

    def _choose_reduce_motion(self, on: bool) -> None:
        self._save(lambda: self._prefs.set_reduce_motion(on), self.motion_status)

    def _save(self, change: Callable[[], None], status: QLabel) -> None:
        try:
            change()
        except StoreWriteError as error:
            self.show_stored()
            tell(status, not_saved_text(error), problem=True)
            status.show()
            return
        status.hide()

    def show_stored(self) -> None:
        """Every choice as the database holds it, without counting as a click."""
        buttons = (
            *self.language_group.buttons(),
            *self.size_group.buttons(),
            *self.theme_group.buttons(),
            self.reduce_motion,
        )
        for button in buttons:
            button.blockSignals(True)
        self.language_group.button(LANGUAGE.choices.index(self._prefs.language)).setChecked(True)
        self.size_group.button(self._prefs.text_step).setChecked(True)
        self.theme_group.button(THEMES.index(self._prefs.theme)).setChecked(True)
        self.reduce_motion.setChecked(self._prefs.reduce_motion)
        for button in buttons:
            button.blockSignals(False)
        if self.region is not None and self.region.choice.count():
            self.region.show_stored()

    def _set_autostart(self, on: bool) -> None:
        try:
            autostart.set_enabled(on)
        except OSError as error:
            self.autostart.blockSignals(True)
            self.autostart.setChecked(not on)
            self.autostart.blockSignals(False)
            self.autostart_status.setText(
                self.tr("That did not work: {error}").format(error=error.strerror or error)
            )
