"""Letting Qt's style-sheet caches forget the widgets a kiosk visit threw away.

Qt (6.11) keeps what its style-sheet engine worked out for each widget in caches keyed by the
widget, and drops a widget's entries when the widget goes, but only for widgets it styles
itself. A scroll area's viewport is not one of them (it is drawn with its scroll area's rules),
yet with the app's style sheet Qt paints the viewport's background through that engine, which
files an entry for the viewport on its first paint that nothing removes: about 640 bytes for
every scroll area ever shown (every Learn page, Preview view and Warning signs list of every
kiosk visit), the kiosk's slow growth over months.

The only public way to empty those caches is to set the application's style sheet again: Qt
then clears them and restyles the widgets still there (about 25 ms for the kiosk on its
attract loop). `forget_when_gone` does so once a visit's widgets are deleted.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


def clear_style_sheet_caches() -> None:
    """Empties Qt's style-sheet caches (the same style sheet, set again)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        app.setStyleSheet(app.styleSheet())


def _after_destroyed() -> None:
    # Not inside the destructor that sent `destroyed`: restyling walks every widget.
    QTimer.singleShot(0, clear_style_sheet_caches)


def forget_when_gone(widget: QObject) -> None:
    """Once `widget` and its children are deleted, Qt's style-sheet caches are emptied."""
    widget.destroyed.connect(_after_destroyed)
