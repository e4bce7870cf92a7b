"""Touch-only chrome for the kiosk: no context menus, no text selection, scroll bars a finger
can hold.

One event filter on the application sees every widget before it is first shown (Polish) and
every context-menu request, so screens built later (a visit's Learn, the day preview's body
rebuilt at each step) get the same treatment as the ones there at the start. It rests while the
bare attract loop shows (app.ui.kiosk.filters): every widget is made touch-only as it begins,
and the first input there installs it again before any widget gets that input. A long press or a
right click on a touch screen otherwise opens a desktop menu ("Copy", "Select all") with
38 px items, and a drag selects words instead of scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QWidget

SCROLL_BAR_PX = 48  # WCAG 2.5.5 target size; also set in the kiosk's style sheet (app.ui.theme)

_SELECTING = (
    Qt.TextInteractionFlag.TextSelectableByMouse
    | Qt.TextInteractionFlag.TextSelectableByKeyboard
    | Qt.TextInteractionFlag.TextEditable
)


def make_touch_only(widget: QWidget) -> None:
    """No context menu, and text that cannot be selected (links still follow a tap)."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    if isinstance(widget, QLabel | QTextEdit):
        flags = widget.textInteractionFlags()
        if flags & _SELECTING:
            widget.setTextInteractionFlags(flags & ~_SELECTING)


class TouchOnlyChrome(QObject):
    """Installed on the application in kiosk mode; `remove()` when the kiosk closes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.install()

    def install(self) -> None:
        """Every widget there is now, and every one made or shown from now on, touch-only."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._sweep(app)
            app.installEventFilter(self)  # Qt keeps one copy of a filter per object

    def rest(self) -> None:
        """Every widget there is now touch-only, and no filter until `install()`."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._sweep(app)
            app.removeEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @staticmethod
    def _sweep(app: QApplication) -> None:
        for widget in app.allWidgets():
            make_touch_only(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            event.accept()
            return True  # swallowed: no widget of the kiosk opens a menu
        # Polish comes before a widget is first shown; Show catches a widget that a screen
        # re-parents or rebuilds after that (the timeline's rows).
        if kind in (QEvent.Type.Polish, QEvent.Type.Show) and isinstance(watched, QWidget):
            make_touch_only(watched)
        return False
