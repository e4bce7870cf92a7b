"""Settings: "Your region (for the emergency number)". The patient sees the region the app
assumed (their earlier choice, else the clinic's, else the computer's) and the number it
implies, and can confirm or change it, for example when travelling. A region the content pack
does not list is "Other": then every surface says "your local emergency number", never a guess.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from app.render.content_provider import ContentProvider
from app.store import StoreWriteError
from app.ui.preferences import OTHER_REGION, Preferences
from app.ui.region_names import by_name, region_name
from app.ui.screens.page import add_label
from app.ui.store_writes import not_saved_text, tell


class RegionSetting(QWidget):
    def __init__(
        self, preferences: Preferences, content: ContentProvider, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = preferences
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = add_label(layout, self.tr("Your region (for the emergency number)"), "h2")
        self.choice = QComboBox()
        # As narrow as ~10 characters: a long region name must not widen the page.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(10)
        self.choice.setAccessibleName(self.tr("Your region, for the emergency number"))
        self.heading.setBuddy(self.choice)
        layout.addWidget(self.choice)
        self.number = add_label(layout, "")
        self.number.setProperty("role", "h3")
        add_label(
            layout,
            self.tr(
                "The app shows this number wherever it says to call for an emergency. "
                "Check it when you travel."
            ),
            "secondary",
        )
        self.status = add_label(layout, "")
        self.status.hide()
        self.choice.activated.connect(self._chosen)
        if content.is_loaded:
            self.show_stored()
        else:
            content.loaded.connect(self.show_stored)

    def show_stored(self) -> None:
        """The regions the pack knows, by name, then "Other"; the one in force chosen."""
        self.choice.blockSignals(True)
        self.choice.clear()
        for code in sorted(self._content.regions(), key=by_name):
            self.choice.addItem(region_name(code), code)
        self.choice.addItem(self.tr("Other (use your local emergency number)"), OTHER_REGION)
        current = self._content.emergency_region()
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(index if index >= 0 else self.choice.count() - 1)
        self.choice.blockSignals(False)
        self._show_number()

    def _show_number(self) -> None:
        warnings = self._content.warnings()
        code = str(self.choice.currentData())
        number = warnings.text.emergency_number(warnings.numbers, code)
        text = self.tr("Emergency number: {number}").format(number=number)
        self.number.setText(text)
        self.number.setAccessibleName(text)

    def _chosen(self, index: int) -> None:
        self._save(lambda: self._prefs.set_region(str(self.choice.itemData(index))))

    def _save(self, change: Callable[[], None]) -> None:
        try:
            change()
        except StoreWriteError as error:
            self.show_stored()
            tell(self.status, not_saved_text(error), problem=True)
            self.status.show()
            return
        self._content.region = self._prefs.region  # at once, even before the window restyles
        self.status.hide()
        self._show_number()
