"""The keyboard shortcuts of a window, read from its real QShortcut and QAction objects, so the
list shown to the patient (About) cannot drift from the keys that work. A shortcut is listed
when it says what it does in its whatsThis."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut


def _keys(sequences: list[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in sequences if not s.isEmpty())


def shortcut_rows(root: QObject) -> list[tuple[str, str]]:
    """(keys, what they do) for every described, enabled shortcut under `root`: the root's own
    first (the whole window's), then those of the parts inside it. "Ctrl+Q" is "⌘Q" on a Mac,
    as the platform writes it."""
    rows: list[tuple[str, str]] = []
    own = root.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly)
    inner = [s for s in root.findChildren(QShortcut) if s not in own]
    for shortcut in [*own, *inner]:
        keys = _keys(shortcut.keys())
        if keys and shortcut.whatsThis() and shortcut.isEnabled():
            rows.append((keys, shortcut.whatsThis()))
    for action in root.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if keys and action.whatsThis() and action.isEnabled():
            rows.append((keys, action.whatsThis()))
    return rows
