"""Enter and Return press the focused button, as Space does; a choice of a set is a radio button.

Qt's buttons answer only Space (a QPushButton also answers Enter when it is a dialog's auto
default). People who use a keyboard expect Enter to work on every button, so one filter turns
Enter on a focused button into a click: plain push buttons, tool buttons, the check-in's
choices, checklist ticks and radios alike. Inside a dialog a tick box or radio keeps Qt's
meaning of Enter (press the dialog's default button).

The filter goes on each button as it first takes the focus (QApplication.focusChanged), not on
the application: a filter there runs Python for every event of every object, all day, and
makes PySide build the Python class (and all its enums) of each internal Qt object it is
handed; before the first frame that alone cost about 27 ms and 3 MB.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLayout,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.ui.accessible import mark_choice

_FILTER_NAME = "enterActivatesButtons"


class EnterActivatesButtons(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(_FILTER_NAME)

    def focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if isinstance(now, QAbstractButton):
            now.installEventFilter(self)  # Qt keeps one copy of a filter per object

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        assert isinstance(event, QKeyEvent)
        # Here, not at the top: the first frame does without the `Qt` namespace (main_window.py).
        from PySide6.QtCore import Qt

        # Only the button itself, not each parent the key would travel to; the keypad's Enter
        # carries KeypadModifier, any other modifier means a shortcut.
        extra = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            or extra
            or not watched.hasFocus()
        ):
            return False
        if isinstance(watched.window(), QDialog) and not isinstance(
            watched, (QPushButton, QToolButton)
        ):
            return False
        if event.isAutoRepeat() or not watched.isEnabled():
            return True  # a held key presses once
        watched.click()
        return True


def mark_selected(button: QAbstractButton) -> None:
    """`button`, a checkable push button in an exclusive group, is one choice of a set: a screen
    reader hears "radio button, checked" (Qt's own word for it is "check box")."""
    mark_choice(button)


def order_tabs_like_layout(root: QWidget) -> None:
    """Tab goes through `root`'s focusable widgets in the order of its layouts (top to bottom,
    left to right), whatever order they were made in: rows added later would otherwise come
    after everything made before them."""
    chain: list[QWidget] = []
    from PySide6.QtCore import Qt  # not at the top: see EnterActivatesButtons.eventFilter

    tab_focus = Qt.FocusPolicy.TabFocus

    def walk(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if widget is not None:
                if widget.focusPolicy() & tab_focus:
                    chain.append(widget)
                own = widget.layout()
                if own is not None:
                    walk(own)
            elif inner is not None:
                walk(inner)

    top = root.layout()
    if top is not None:
        walk(top)
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def install_enter_activates_buttons(app: QApplication) -> None:
    """Once per application, whichever window (home or kiosk) is built first."""
    if app.findChild(EnterActivatesButtons, _FILTER_NAME) is None:
        watcher = EnterActivatesButtons(app)
        app.focusChanged.connect(watcher.focus_changed)
