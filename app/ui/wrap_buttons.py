"""Buttons, check boxes and radio buttons whose words wrap onto more lines when the column is
narrow (a small window at a large text size), instead of pushing the page wider than the
window. Qt's own never wrap: their minimum width is their whole text on one line.

The text itself stays one line (text(), and so the accessible name, are unchanged): only the
drawing and the size hints use the wrapped lines.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QPushButton, QRadioButton, QSizePolicy


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """`text` in lines no wider than `width` where it can be; a word longer stays whole."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [text]


class _Wrapping:
    """The shared part; mixed in before the Qt button class it wraps."""

    # By name: QStyle is loaded only when a button first needs more than one line (its Python
    # class, with its hundreds of enum members, costs several ms on the way to the first screen).
    _control = "CE_PushButton"

    def _setup(self: QAbstractButton) -> None:  # type: ignore[misc]
        policy = self.sizePolicy()
        # Allowed narrower than its one line (down to its longest word), and taller then.
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # Fixed would cap it at one line
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _one_line(self) -> QSize:
        hint: QSize = super().sizeHint()  # type: ignore[misc]
        return hint

    def _chrome(self) -> int:
        """What the button adds around its text: padding, border, the box or circle."""
        button: QAbstractButton = self  # type: ignore[assignment]
        return self._one_line().width() - button.fontMetrics().horizontalAdvance(button.text())

    def _lines(self, width: int) -> list[str]:
        button: QAbstractButton = self  # type: ignore[assignment]
        return wrap_words(button.text(), button.fontMetrics(), width - self._chrome())

    def minimumSizeHint(self) -> QSize:
        button: QAbstractButton = self  # type: ignore[assignment]
        metrics = button.fontMetrics()
        widest = max((metrics.horizontalAdvance(w) for w in button.text().split(" ")), default=0)
        return QSize(widest + self._chrome(), self._one_line().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        button: QAbstractButton = self  # type: ignore[assignment]
        extra = len(self._lines(width)) - 1
        return self._one_line().height() + extra * button.fontMetrics().lineSpacing()

    def paintEvent(self, event: QPaintEvent) -> None:
        button: QAbstractButton = self  # type: ignore[assignment]
        lines = self._lines(button.width())
        if len(lines) == 1:
            super().paintEvent(event)  # type: ignore[misc]
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionButton, QStylePainter

        option = QStyleOptionButton()
        button.initStyleOption(option)  # type: ignore[attr-defined]
        option.text = "\n".join(lines)
        QStylePainter(button).drawControl(getattr(QStyle.ControlElement, self._control), option)


class WrapPushButton(_Wrapping, QPushButton):
    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._setup()


class WrapCheckBox(_Wrapping, QCheckBox):
    _control = "CE_CheckBox"

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._setup()


class WrapRadioButton(_Wrapping, QRadioButton):
    _control = "CE_RadioButton"

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._setup()
