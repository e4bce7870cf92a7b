"""What shows over the kiosk's screens: "Still there?", the staff corner and the PIN keypad.

They are layers inside the one fullscreen window, not separate dialogs: a dialog is a window the
window manager may let a visitor move, close or put behind the desktop.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.kiosk_pin import PIN_MAX_DIGITS, PinGate

log = logging.getLogger(__name__)
HOLD_MS = 5000  # press and hold the staff corner this long
CORNER_PX = 96
OUTER_MARGIN_PX = 32  # round the card, over the dimmed screen
NO_PIN_WIDTH_PX = 640


class Overlay(QFrame):
    """A layer over the whole parent, dimming it, with a card in the middle."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*(OUTER_MARGIN_PX,) * 4)
        self.card = QFrame()
        self.card.setObjectName("kioskOverlayCard")
        self.card.setMaximumWidth(760)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(40, 32, 40, 32)
        self.card_layout.setSpacing(24)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.hide()

    def retranslate(self) -> None:
        """Set its words again; each layer with words of its own says how."""

    def changeEvent(self, event: QEvent) -> None:
        # Installing a translator (the kiosk's language button) sends this to every widget.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parent():
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def open(self) -> None:
        self._cover()
        self.show()
        self.raise_()

    def label(self, text: str, role: str = "") -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if role:  # before the text, which fixes its accessible role (app.ui.accessible)
            label.setProperty("role", role)
        label.setText(text)
        self.card_layout.addWidget(label)
        return label


class StillThere(Overlay):
    """ "Still there?" with a count down; a touch anywhere answers it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = self.label("", "h1")
        self.countdown = self.label("")
        self.stay = QPushButton()
        self.retranslate()
        self.stay.setProperty("role", "primary")
        self.stay.clicked.connect(self.hide)
        self.card_layout.addWidget(self.stay)
        self._left_ms = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)

    def retranslate(self) -> None:
        """Its words in the language now installed (a visitor may change it on the kiosk)."""
        self.setAccessibleName(self.tr("Still there?"))
        self.title.setText(self.tr("Still there?"))
        self.stay.setText(self.tr("Yes, I'm still here"))

    def ask(self, seconds: int) -> None:
        self._left_ms = seconds * 1000
        self._show_count()
        self.open()
        self._tick.start()
        # A screen reader says it and a keyboard answers it: focus on the answer, then an
        # announcement of the question and the time left (Qt 6.8: AT-SPI "announcement").
        self.stay.setFocus(Qt.FocusReason.OtherFocusReason)
        words = f"{self.accessibleName()} {self.countdown.text()}"
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, words))

    def hideEvent(self, event: QHideEvent) -> None:
        if hasattr(self, "_tick"):  # Overlay.__init__ hides before the timer exists
            self._tick.stop()
        super().hideEvent(event)

    def _count(self) -> None:
        self._left_ms = max(self._left_ms - 1000, 0)
        self._show_count()

    def _show_count(self) -> None:
        seconds = (self._left_ms + 999) // 1000
        text = self.tr("Going back to the start in {seconds} s.").format(seconds=seconds)
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.hide()


class StaffCorner(QWidget):
    """An unmarked square in a corner: pressed and held for HOLD_MS, it emits `held`.

    A visitor tapping it sees nothing happen; only a deliberate five-second hold counts."""

    held = Signal()

    def __init__(self, parent: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.setObjectName("staffCorner")
        self.setAccessibleName(self.tr("Staff: press and hold for five seconds"))
        self.setFixedSize(CORNER_PX, CORNER_PX)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.held)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._timer.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._timer.stop()  # let go early: nothing happens

    def holding(self) -> bool:
        return self._timer.isActive()


class PinPad(Overlay):
    """The staff PIN on a keypad. `unlocked` when the PIN is right; wrong PINs are limited by
    the PinGate. Without a stored PIN it only says that the exit is locked, and how to stop
    the kiosk."""

    unlocked = Signal()

    def __init__(self, parent: QWidget, gate: PinGate) -> None:
        super().__init__(parent)
        self._gate = gate
        self.entered = ""
        # The words and the keys one above the other, or side by side on a screen too short
        # for both (1366 x 768 at 125 %: 614 px): the keys keep their full size either way.
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(self.card_layout.spacing())
        self.words = QVBoxLayout()
        self.words.setSpacing(self.card_layout.spacing())
        self.body.addLayout(self.words, 1)  # the words take what the keys leave
        self.card_layout.addLayout(self.body)
        self.title = self._word("", "h2")
        self.dots = self._word("", "kiosk-value")
        self.message = self._word("", "secondary")
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        layout = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok")
        for index, key in enumerate(layout):
            button = QPushButton(key)
            button.setProperty("role", "primary" if key == "ok" else "key")
            button.setMinimumSize(96, 64)
            button.setAccessibleName(key)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.body.addLayout(grid)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.close_pad)
        self.card_layout.addWidget(self.cancel)
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(1000)
        self._lock_tick.timeout.connect(self._show_lock)
        if not gate.has_pin:
            for button in self.keys.values():
                button.hide()
            self.dots.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Its words in the language now installed: a visitor may have changed it."""
        self.setAccessibleName(self.tr("Staff PIN"))
        for key, name in (("clear", self.tr("Clear")), ("ok", self.tr("OK"))):
            self.keys[key].setText(name)
            self.keys[key].setAccessibleName(name)
        if self._gate.has_pin:
            self.title.setText(self.tr("Staff: enter the PIN to close the kiosk"))
            self.cancel.setText(self.tr("Cancel"))
            self._show_dots()
            return
        self.title.setText(self.tr("This kiosk has no staff PIN"))
        self.message.setText(
            self.tr(
                "It cannot be closed from the screen. Set a PIN with the set-kiosk-pin "
                "command, or stop the kiosk from the computer itself (see the setup guide)."
            )
        )
        self.cancel.setText(self.tr("Close"))

    def _word(self, text: str, role: str) -> QLabel:
        label = self.label(text, role)  # made in the card's layout, then moved to the words
        self.card_layout.removeWidget(label)
        self.words.addWidget(label)
        return label

    def _cover(self) -> None:
        super()._cover()
        parent = self.parentWidget()
        if parent is None:
            return
        if not self._gate.has_pin:  # words only: wide enough that they fit in a few lines
            self.card.setMinimumWidth(min(NO_PIN_WIDTH_PX, parent.width() - 2 * OUTER_MARGIN_PX))
            return
        room = parent.height() - 2 * OUTER_MARGIN_PX
        self._arrange(QBoxLayout.Direction.TopToBottom)
        if self.card.sizeHint().height() > room:
            self._arrange(QBoxLayout.Direction.LeftToRight)

    def _arrange(self, direction: QBoxLayout.Direction) -> None:
        """Keys below the words, or beside them; Cancel under the words when beside."""
        side = direction == QBoxLayout.Direction.LeftToRight
        self.body.setDirection(direction)
        self.words.removeWidget(self.cancel)
        self.card_layout.removeWidget(self.cancel)
        (self.words if side else self.card_layout).addWidget(self.cancel)
        self.title.setAlignment(
            Qt.AlignmentFlag.AlignLeft if side else Qt.AlignmentFlag.AlignHCenter
        )
        self.card_layout.activate()

    def open(self) -> None:
        self.entered = ""
        self._show_dots()
        if self._gate.has_pin:
            self.message.setText("")
        super().open()
        self._show_lock()
        self.setFocus()

    def close_pad(self) -> None:
        self.entered = ""
        self._lock_tick.stop()
        self.hide()

    def press(self, key: str) -> None:
        if not self._gate.has_pin or self._gate.locked_for() > timedelta(0):
            return
        if key == "clear":
            self.entered = ""
        elif key == "ok":
            self.submit()
            return
        elif len(self.entered) < PIN_MAX_DIGITS:
            self.entered += key
        self._show_dots()

    def submit(self) -> None:
        attempt = self._gate.try_pin(self.entered)
        self.entered = ""
        self._show_dots()
        if attempt.accepted:
            log.info("kiosk unlocked by staff PIN")
            self.close_pad()
            self.unlocked.emit()
            return
        log.warning("wrong kiosk PIN")
        self.message.setText(self.tr("That PIN is not right."))
        self._show_lock()

    def _show_dots(self) -> None:
        shown = "●" * len(self.entered) if self.entered else "—"
        self.dots.setText(shown)
        self.dots.setAccessibleName(self.tr("Digits entered: %n", "", len(self.entered)))

    def _show_lock(self) -> None:
        left = self._gate.locked_for()
        locked = left > timedelta(0)
        for button in self.keys.values():
            button.setEnabled(not locked)
        if locked:
            seconds = int(left.total_seconds() + 0.999)
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in {seconds} s.").format(seconds=seconds)
            )
            self._lock_tick.start()
        elif self._lock_tick.isActive():
            self._lock_tick.stop()
            self.message.setText("")
        self.message.setAccessibleName(self.message.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and text.isascii():
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("ok")
        elif event.key() == Qt.Key.Key_Backspace:
            self.entered = self.entered[:-1]
            self._show_dots()
        else:
            super().keyPressEvent(event)
