"""Roles Qt's own accessible interfaces do not give, through one accessibility factory:

- labels styled as headings (property "role" h1, h2 or h3) are exposed with the Heading role,
  so a screen reader can list them and jump from one to the next;
- labels marked "decorative" (a bullet's dot) are left out of what it reads;
- widgets marked "a11yRole" "list" and "listitem" (app.ui.screens.bullet_list) are a list and
  its items, each item named by its words; "tablist" is a page tab list (app.ui.screens.tab_row);
- a checkable push button marked as one choice of a set (mark_choice) is a radio button, or a
  page tab, not the "check box" Qt calls every checkable button;
- a Learn screen's browser (property "structuredDocument") is a document whose children are
  its headings, paragraphs, lists and pictures (app.ui.document_accessible).

Qt gives every QLabel the static-text role and has no per-widget way to change it; an
accessibility factory can. It must be installed after the QApplication exists (before, PySide6
never calls it). Qt owns and caches the interfaces it returns, one per label, made the first
time the label is asked for, which with a screen reader on is its first setText: so the "role"
property goes on before the text (app.ui.screens.page.add_label does so).

PySide6 6.11 keeps every interface a Python factory made alive after Qt deletes it (the wrapper
keeps one reference that is never given back): so the interfaces here hold no reference to their
widget (they ask `widget()`, which would otherwise keep each widget's wrapper too), and none is
made while no screen reader listens (mark_choice once made one for every choice button of
every kiosk visit, and the kiosk grew by them).

Not reachable this way: the heading level. Qt 6.8 reads it from an attributes interface that
interface_cast hands over as a C++ pointer; PySide6 lets Python override interface_cast, but
the pointer it returns is not one Qt can call (tried with PySide6 6.11: a segmentation fault).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QApplication,
    QLabel,
    QTextBrowser,
    QWidget,
)

# The browser property that asks for a structured document (app.ui.document_accessible, which
# is imported only when such a browser is first asked for: it is Learn's, not the first frame's).
STRUCTURED = "structuredDocument"

HEADING_ROLES = frozenset({"h1", "h2", "h3"})
CHOICE = "a11yChoice"
_LIST_ROLES = {
    "list": QAccessible.Role.List,
    "listitem": QAccessible.Role.ListItem,
    "tablist": QAccessible.Role.PageTabList,
}
_installed = False


class _HeadingLabel(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            # The words shown now: many headings are filled in after they are made.
            label = cast(QLabel, self.widget())
            return label.accessibleName() or label.text()
        return super().text(kind)


class _Decoration(QAccessibleWidget):
    """A label that only decorates (a list's bullet dot): no role and no name, which AT-SPI
    and UI Automation clients leave out when reading."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.NoRole)

    def text(self, kind: QAccessible.Text) -> str:
        return ""


class _ListPart(QAccessibleWidget):
    """A list or a tab list (its children are its items), or a list item named by its words,
    whose own labels (the dot and the words) are not read a second time."""

    def __init__(self, widget: QWidget, kind: str) -> None:
        super().__init__(widget, _LIST_ROLES[kind])
        self._item = kind == "listitem"

    def childCount(self) -> int:
        return 0 if self._item else super().childCount()

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None if self._item else super().child(index)


class _Choice(QAccessibleWidget):
    """One choice of a set, drawn as a push button: a radio button checked when chosen, or a
    page tab selected when shown. Its action is a click, as a tap is."""

    def __init__(self, button: QAbstractButton, tab: bool) -> None:
        role = QAccessible.Role.PageTab if tab else QAccessible.Role.RadioButton
        super().__init__(button, role)
        self._tab = tab

    @property
    def _button(self) -> QAbstractButton:
        return cast(QAbstractButton, self.widget())

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._button.accessibleName() or self._button.text().replace("&", "")
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        if self._tab:  # a tab is "selected", as in a tab bar
            state.selectable = True
            state.selected = self._button.isChecked()
        else:
            state.checkable = True
            state.checked = self._button.isChecked()
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self._button.click()
        else:
            super().doAction(name)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel):  # subclasses too
        if obj.property("role") in HEADING_ROLES:
            return _HeadingLabel(obj)
        if obj.property("decorative"):
            return _Decoration(obj)
    if isinstance(obj, QAbstractButton) and obj.property(CHOICE):
        return _Choice(obj, obj.property(CHOICE) == "tab")
    if isinstance(obj, QTextBrowser) and obj.property(STRUCTURED):
        from app.ui.document_accessible import DocumentView

        return DocumentView(obj)
    if isinstance(obj, QWidget) and obj.property("a11yRole") in _LIST_ROLES:
        return _ListPart(obj, str(obj.property("a11yRole")))
    return None


def mark_choice(button: QAbstractButton, kind: str = "radio") -> None:
    """`button` (checkable, in an exclusive group) is one choice of a set: "radio", or "tab"
    (app.ui.screens.tab_row). With a screen reader on, Qt may have made the button's interface
    already (its first setText): that one is taken out of the cache, so the next question gets
    the new role. With none listening, Qt has made none, and none is made here."""
    button.setProperty(CHOICE, kind)
    if not QAccessible.isActive():
        return
    iface = QAccessible.queryAccessibleInterface(button)
    if iface is not None and not isinstance(iface, _Choice):
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(iface))


def install_heading_roles(app: QApplication) -> None:
    """Once per process (the factory list is global), after `app` exists."""
    global _installed
    if not _installed and app is not None:
        QAccessible.installFactory(_factory)
        _installed = True
