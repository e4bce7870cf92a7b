"""Warning signs: the pack's "warning-signs" screen, emergency section first and in red."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.content_provider import ContentProvider
from app.ui.screens.screen_view import ScreenView
from app.ui.theme import Palette

WARNING_SCREEN_ID = "warning-signs"


class WarningSignsArea(QWidget):
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
        layout.addWidget(self.view)
        if content.is_loaded:
            self.refresh()
        else:
            content.loaded.connect(self.refresh)

    def refresh(self) -> None:
        screen = self._content.content().pack.screen(WARNING_SCREEN_ID)
        if screen is None:  # a clinic pack without it: the built-in screen is the safe default
            from app.domain.pack import load_pack
            from app.ui.content_provider import builtin_pack_folder

            builtin = load_pack(builtin_pack_folder()).pack
            screen = builtin.screen(WARNING_SCREEN_ID) if builtin else None
        if screen is not None:
            self.view.show_screen(screen, self._content.values(), emphasis=self._palette)
