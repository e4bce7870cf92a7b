"""Labels styled as headings (property "role" h1, h2 or h3) are exposed with the Heading role,
so a screen reader can list them and jump from one to the next; labels marked "decorative"
(a bullet's dot) are left out of what it reads.

Qt gives every QLabel the static-text role and has no per-widget way to change it; an
accessibility factory can. It must be installed after the QApplication exists (before, PySide6
never calls it). Qt owns and caches the interfaces it returns, one per label, made the first
time the label is asked for, which with a screen reader on is its first setText: so the "role"
property goes on before the text (app.ui.screens.page.add_label does so).

Not reachable this way: the heading level (Qt 6.8 would need an attributes interface, which
PySide6 cannot implement from Python), and headings inside the Learn text (a QTextBrowser is
one text object to assistive technology).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QLabel

HEADING_ROLES = frozenset({"h1", "h2", "h3"})
_installed = False


class _HeadingLabel(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            # The words shown now: many headings are filled in after they are made.
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)


class _Decoration(QAccessibleWidget):
    """A label that only decorates (a list's bullet dot): no role and no name, which AT-SPI
    and UI Automation clients leave out when reading."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.NoRole)

    def text(self, kind: QAccessible.Text) -> str:
        return ""


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QLabel):  # subclasses too
        return None
    if obj.property("role") in HEADING_ROLES:
        return _HeadingLabel(obj)
    if obj.property("decorative"):
        return _Decoration(obj)
    return None


def install_heading_roles(app: QApplication) -> None:
    """Once per process (the factory list is global), after `app` exists."""
    global _installed
    if not _installed and app is not None:
        QAccessible.installFactory(_factory)
        _installed = True
