"""Dragging a page with a finger, with one gesture recognizer for the kiosk's whole life.

`QScroller.grabGesture()` registers a new gesture recognizer (a new gesture type) on every call,
and Qt never gives a type back: calling it for the scroll areas of every visit grew the kiosk by
about 12 KiB a visit. The flick recognizer works for any widget that has a QScroller (its
gestures look up the scroller of the widget they land on), so it is registered once, on a
QObject that lives as long as the application, and each new page's viewport grabs that same
type. A viewport's QScroller is deleted with the viewport (QScroller watches its target).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

_anchor: QObject | None = None  # holds the one recognizer; a child of the application
_gesture = Qt.GestureType.CustomGesture


def flick_gesture() -> Qt.GestureType:
    """The touch-flick gesture type, registered on first use."""
    global _anchor, _gesture
    if _anchor is None or not shiboken6.isValid(_anchor):
        _anchor = QObject(QCoreApplication.instance())
        _anchor.setObjectName("kioskTouchScroll")
        _gesture = QScroller.grabGesture(_anchor, QScroller.ScrollerGestureType.TouchGesture)
    return _gesture


def scroll_by_touch(viewport: QWidget) -> None:
    """A finger drags what `viewport` shows, as on a phone; scroll bars stay for those who look
    for them."""
    QScroller.scroller(viewport)  # the flick gesture scrolls through the widget's QScroller
    viewport.grabGesture(flick_gesture())
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def scroll_areas_by_touch(widget: QWidget) -> None:
    """scroll_by_touch for every scroll area inside `widget`."""
    for area in widget.findChildren(QAbstractScrollArea):
        scroll_by_touch(area.viewport())
