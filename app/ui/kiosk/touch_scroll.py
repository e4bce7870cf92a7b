"""Dragging a page with a finger, with one gesture recognizer for the kiosk's whole life.

`QScroller.grabGesture()` registers a new gesture recognizer (a new gesture type) on every call,
and Qt never gives a type back: calling it for the scroll areas of every visit grew the kiosk by
about 12 KiB a visit. The flick recognizer works for any widget that has a QScroller (its
gestures look up the scroller of the widget they land on), so it is registered once, on a
QObject that lives as long as the application, and each new page's viewport grabs that same
type. A viewport's QScroller is deleted with the viewport (QScroller watches its target).
"""

from __future__ import annotations

import atexit

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

_anchor: QObject | None = None  # holds the one recognizer; a child of the application
_gesture = Qt.GestureType.CustomGesture


def flick_gesture() -> Qt.GestureType:
    """The touch-flick gesture type, registered on first use."""
    global _anchor, _gesture
    if _anchor is None or not shiboken6.isValid(_anchor):
        if _anchor is None:
            atexit.register(_release)
        _anchor = QObject()
        _anchor.setObjectName("kioskTouchScroll")
        _gesture = QScroller.grabGesture(_anchor, QScroller.ScrollerGestureType.TouchGesture)
    return _gesture


def _release() -> None:
    """Unregister the recognizer while the application is still there. (As a child of the
    application, the anchor went after Qt's gesture manager, and its QScroller crashed the
    exit.) Runs before PySide's own clean-up, which was registered earlier."""
    global _anchor
    if _anchor is not None and shiboken6.isValid(_anchor) and QCoreApplication.instance():
        QScroller.ungrabGesture(_anchor)
        shiboken6.delete(_anchor)
    _anchor = None


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
