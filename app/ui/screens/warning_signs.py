"""Warning signs: every level of the pack's one warning-signs model, the emergency level first
in its "Rare but urgent" box, then when to call the clinic today, then in office hours.

The pack's "warning-signs" screen is shown when it holds every level (its ``{{warning_signs}}``
block, with the author's words around it); a pack whose screen is missing or shows only some
levels gets the model's levels under a title of ours, so this area always shows them all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.pack import Screen, ScreenMeta
from app.domain.placeholders import WARNING_BLOCK
from app.domain.warning_blocks import levels_shown
from app.domain.warnings import LEVELS
from app.render.content_provider import ContentProvider
from app.ui.screens.screen_view import ScreenView
from app.ui.theme import Palette

WARNING_SCREEN_ID = "warning-signs"
SETTINGS_LINK = "mnc-settings:clinic"


class WarningSignsArea(QWidget):
    # "Add your clinic's phone in Settings." was followed: open Settings, "Your clinic".
    open_clinic_settings = Signal()

    def __init__(
        self,
        content: ContentProvider,
        palette: Callable[[], Palette],
        open_learn_screen: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._palette = palette
        self.setAccessibleName(self.tr("Warning signs"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = ScreenView(open_learn_screen)
        self.view.anchorClicked.connect(self._follow)
        layout.addWidget(self.view)
        if content.is_loaded:
            self.refresh()
        else:
            content.loaded.connect(self.refresh)

    def current_screen_id(self) -> str:
        return self.view.screen_id

    def refresh(self) -> None:
        screen = self._content.content().pack.screen(WARNING_SCREEN_ID)
        segments = self._content.screen_segments(screen.body) if screen is not None else []
        if screen is None or set(levels_shown(segments)) != set(LEVELS):
            screen = self._stand_in()
            segments = self._content.screen_segments(screen.body)
        self.view.show_segments(screen, segments, self._palette)
        if not self._content.clinic_phone and not self._content.missing_phone:
            self._link_settings_lines()

    def _link_settings_lines(self) -> None:
        """Each "Add your clinic's phone in Settings." becomes a link there (Tab reaches it,
        Enter follows it)."""
        document = self.view.document()
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref(SETTINGS_LINK)
        link.setFontUnderline(True)  # in the box's own text colour: its contrast is checked
        phrase = self._content.settings_phone_line()
        cursor = document.find(phrase, 0, QTextDocument.FindFlag.FindCaseSensitively)
        while not cursor.isNull():
            cursor.mergeCharFormat(link)
            cursor = document.find(phrase, cursor, QTextDocument.FindFlag.FindCaseSensitively)

    def _follow(self, url: QUrl) -> None:
        if url.toString() == SETTINGS_LINK:
            self.open_clinic_settings.emit()

    def _stand_in(self) -> Screen:
        """Every level of the model, for a pack whose screen does not show them all."""
        title = self.tr("When should I get help?")
        meta = ScreenMeta(
            id=WARNING_SCREEN_ID,
            title=title,
            order=1,
            summary=self.tr("Which signs need an emergency call, and which a call to your clinic."),
            sources=[],
        )
        language = self._content.content().pack.language
        return Screen(
            meta=meta, body="{{" + WARNING_BLOCK + "}}", path=Path(), file="", language=language
        )
