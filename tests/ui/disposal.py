"""Deleting a test's top-level widgets when the test ends, not when the garbage collector
gets to them: a window whose provider and store were gone was once collected in the middle of
a later test's setStyleSheet, while Qt walked every widget, and the run crashed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget


def dispose(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
