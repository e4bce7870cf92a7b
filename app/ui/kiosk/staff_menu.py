"""What staff get in the kiosk once the PIN is accepted: exit the kiosk, or the clinic setup.

Both are layers inside the kiosk window (see overlays.py: a dialog is a window the window
manager may let a visitor move or put behind). Like the PIN pad they close themselves after the
idle time without input (over the attract loop too, where no visit resets them) and when the
kiosk starts again, so a setup left open in the waiting room closes, unsaved.
A saved setup is used when the kiosk starts again: the kiosk is built once from it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QWidget,
)

from app.render.content_provider import ContentProvider
from app.ui.kiosk.overlays import Overlay
from app.ui.kiosk.pad_timeout import CloseWhenIdle
from app.ui.kiosk.touch_scroll import scroll_by_touch
from app.ui.screens.clinic_setup import ClinicSetupForm, config_path_for_setup

MARGIN_PX = 32  # Overlay's own margin around the card
MAX_WIDTH_PX = 900


class StaffMenu(Overlay):
    """ "Exit the kiosk", "Clinic setup" or back. `exit_requested` when staff choose to exit."""

    exit_requested = Signal()

    def __init__(
        self, parent: QWidget, content: ContentProvider, idle_ms: int, activity: SignalInstance
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._idle_ms = idle_ms
        self._activity = activity
        self.timeout = CloseWhenIdle(self, self.hide, idle_ms, activity)
        self.title = self.label("", "h2")
        self.exit_button = QPushButton()
        self.exit_button.setProperty("role", "primary")
        self.exit_button.clicked.connect(self._exit)
        self.setup_button = QPushButton()
        self.setup_button.clicked.connect(self.open_setup)
        self.back = QPushButton()
        self.back.clicked.connect(self.hide)
        for button in (self.exit_button, self.setup_button, self.back):
            self.card_layout.addWidget(button)
        self.setup: KioskClinicSetup | None = None
        self.retranslate()
        _hide_on_reset(parent, self)

    def retranslate(self) -> None:
        """Its words in the language now installed: a visitor may have changed it."""
        self.setAccessibleName(self.tr("Staff"))
        self.title.setText(self.tr("Staff"))
        self.exit_button.setText(self.tr("Exit the kiosk"))
        self.setup_button.setText(self.tr("Clinic setup"))
        self.back.setText(self.tr("Back to the kiosk"))
        for button in (self.exit_button, self.setup_button, self.back):
            button.setAccessibleName(button.text())

    def open(self) -> None:
        super().open()
        self.exit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showing(self) -> bool:
        """Staff are here: the menu or the setup is up (a touch then starts no visit)."""
        return self.isVisible() or (self.setup is not None and self.setup.isVisible())

    def _exit(self) -> None:
        self.hide()
        self.exit_requested.emit()

    def open_setup(self) -> KioskClinicSetup:
        self.hide()
        parent = self.parentWidget()
        assert parent is not None
        if self.setup is None:
            self.setup = KioskClinicSetup(parent, self._content)
            self.setup.exit_requested.connect(self.exit_requested)
            self.setup.timeout = CloseWhenIdle(
                self.setup, self.setup.hide, self._idle_ms, self._activity
            )
        self.setup.open()
        return self.setup


class KioskClinicSetup(Overlay):
    """The clinic setup form over the kiosk, scrolling within the screen."""

    exit_requested = Signal()

    def __init__(self, parent: QWidget, content: ContentProvider) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Clinic setup"))
        self.card.setMaximumWidth(MAX_WIDTH_PX)
        self.card_layout.setContentsMargins(32, 16, 32, 16)  # the form needs the height
        self.card_layout.setSpacing(12)
        self.label(self.tr("Clinic setup"), "h2")
        self.note = self.label(
            self.tr("Saved settings are used when the kiosk starts again."), "secondary"
        )
        # No file chooser here: a dialog would be a window of its own over the kiosk.
        self.form = ClinicSetupForm(content, config_path_for_setup(content), can_browse=False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        # A finger drags the form, as on the kiosk's pages (with their one gesture recognizer).
        scroll_by_touch(scroll.viewport())
        self.card_layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.exit_button = QPushButton(self.tr("Exit the kiosk"))
        self.exit_button.clicked.connect(self._exit)
        self.back = QPushButton(self.tr("Back to the kiosk"))
        self.back.clicked.connect(self.hide)
        for button in (self.exit_button, self.back):
            button.setAccessibleName(button.text())
            row.addWidget(button)
        self.card_layout.addLayout(row)
        self.timeout: CloseWhenIdle | None = None  # set by StaffMenu, which knows the kiosk's
        _hide_on_reset(parent, self)

    def _cover(self) -> None:
        super()._cover()
        parent = self.parentWidget()
        if parent is not None:  # the card fills the screen; the form scrolls in it
            self.card.setFixedHeight(max(parent.height() - 2 * MARGIN_PX, 200))
            self.card.setFixedWidth(max(min(parent.width() - 2 * MARGIN_PX, MAX_WIDTH_PX), 200))

    def open(self) -> None:
        self.form.load()  # as the file is now, not as it was left
        super().open()
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)

    def _exit(self) -> None:
        self.hide()
        self.exit_requested.emit()


def _hide_on_reset(parent: QObject, layer: QWidget) -> None:
    reset_done = getattr(parent, "reset_done", None)  # the kiosk's "back to the start"
    if reset_done is not None:
        reset_done.connect(layer.hide)
