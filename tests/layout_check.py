"""What the layout matrix tests look for in a shown window: a visible widget outside its window
or cut by its parent, widgets of one layout drawn over each other, a button or label too small
for its (wrapped) words, tabs cut off or their names shortened with "…", a horizontal scroll bar.
Shared by the home window's matrix (tests/ui/test_layout_matrix.py) and the kiosk's
(tests/kiosk/test_kiosk_layout.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLayout,
    QScrollBar,
    QTabBar,
    QWidget,
)

# Screenshots for a person to look at, when the run asks for them (never committed).
SHOTS_ENV = "MNC_LAYOUT_SHOTS"


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    label = widget.accessibleName() or widget.objectName() or text
    return f"{type(widget).__name__}({label[:40]!r})"


def _scrolled_by(widget: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose viewport `widget` is the scrolled content of, if it is."""
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
        return grand
    return None


def _inside_qt_internals(widget: QWidget) -> bool:
    """A tab bar's own scroll buttons and a scroll bar's parts: Qt places and hides those."""
    parent = widget.parentWidget()
    return isinstance(parent, QTabBar | QScrollBar)


def _laid_out(layout: QLayout | None) -> list[QWidget]:
    """The widgets a layout (and the layouts inside it) places, in order."""
    found: list[QWidget] = []
    for index in range(layout.count() if layout is not None else 0):
        item = layout.itemAt(index)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _laid_out(item.layout())
    return found


def overlaps(window: QWidget) -> list[str]:
    """Widgets placed by the same layout on top of each other: a layout squeezed below what its
    widgets need (keypad rows drawn over each other, a button over the label above it).
    Widgets placed by hand, like a floating button, are not a layout's and not looked at."""
    problems: list[str] = []
    for parent in [window, *window.findChildren(QWidget)]:
        if not parent.isVisibleTo(window) and parent is not window:
            continue
        shown = [
            w
            for w in _laid_out(parent.layout())
            if w.parentWidget() is parent and w.isVisibleTo(window) and not w.isWindow()
        ]
        for i, first in enumerate(shown):
            for second in shown[i + 1 :]:
                common = first.geometry() & second.geometry()
                if common.width() > 0 and common.height() > 0:
                    problems.append(
                        f"{_name(first)} at {first.geometry().getRect()} overlaps "
                        f"{_name(second)} at {second.geometry().getRect()}"
                    )
    return problems


def layout_problems(window: QWidget) -> list[str]:
    """One line per problem in the window as it is laid out now (call processEvents first)."""
    problems = overlaps(window)
    for widget in window.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(window) or _inside_qt_internals(widget):
            continue
        parent = widget.parentWidget()
        if parent is None or widget.width() <= 0 or widget.height() <= 0:
            continue
        geometry = widget.geometry()
        room = parent.rect()
        if _scrolled_by(widget) is not None:
            # Content that scrolls up and down may be taller than its viewport, never wider.
            room = QRect(room.x(), geometry.y(), room.width(), geometry.height())
        if not room.contains(geometry):
            problems.append(
                f"{_name(widget)} at {geometry.getRect()} is cut by {_name(parent)} "
                f"{room.getRect()}"
            )
        if (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() < widget.minimumSizeHint().width()
        ):
            problems.append(
                f"{_name(widget)} is {widget.width()} px wide, its text needs "
                f"{widget.minimumSizeHint().width()}"
            )
        if (
            isinstance(widget, QAbstractButton | QLabel)
            and widget.hasHeightForWidth()
            and widget.height() < widget.heightForWidth(widget.width())
        ):
            problems.append(
                f"{_name(widget)} is {widget.height()} px high, its wrapped words need "
                f"{widget.heightForWidth(widget.width())}"
            )
        if isinstance(widget, QTabBar) and any(
            not widget.rect().contains(widget.tabRect(i)) for i in range(widget.count())
        ):
            problems.append(f"{_name(widget)} has tabs cut off (scroll arrows)")
        if isinstance(widget, QTabBar):  # narrower than its words: shortened with "…"
            problems += [
                f"{_name(widget)} shortens tab {widget.tabText(i)!r} to "
                f"{widget.tabRect(i).width()} px of {widget.tabSizeHint(i).width()}"
                for i in range(widget.count())
                if widget.tabRect(i).width() < widget.tabSizeHint(i).width()
            ]
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{_name(widget)} scrolls sideways")
    return problems


def save_shot(window: QWidget, name: str) -> None:
    """Save a screenshot to the folder named by $MNC_LAYOUT_SHOTS, if it is set."""
    import os

    folder = os.environ.get(SHOTS_ENV)
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    window.grab().save(str(Path(folder) / f"{name}.png"))
