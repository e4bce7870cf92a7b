"""The kiosk shell: one fullscreen, frameless window that loops, resets itself and stays put.

States: the attract loop (nobody there) -> a visit (start screen, Learn, Preview my recovery,
Warning signs) -> back to the attract loop, either after "Still there?" goes unanswered or
after an error. A visit lives in one `Visit` widget that is thrown away at the end and built new
for the next visitor, so no screen, scroll position, chosen date or preview can outlive it.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.render.content_provider import ContentProvider
from app.render.translation import LANGUAGE_NAMES, LANGUAGES, current_language, install_language
from app.ui.icons import icon
from app.ui.images import render_svg
from app.ui.kiosk.attract import AttractLoop
from app.ui.kiosk.chrome import TouchOnlyChrome
from app.ui.kiosk.filters import KioskFilters
from app.ui.kiosk.idle import IdleWatcher
from app.ui.kiosk.on_top import StayOnTop, bypasses_window_manager
from app.ui.kiosk.overlays import PinPad, StaffCorner, StillThere
from app.ui.kiosk.pad_timeout import CloseWhenIdle
from app.ui.kiosk.setup import KioskSetup, KioskTimings, desk_phone_words
from app.ui.kiosk.staff_menu import StaffMenu
from app.ui.kiosk.touch_scroll import scroll_areas_by_touch, scroll_by_touch
from app.ui.style_caches import forget_when_gone

log = logging.getLogger(__name__)
# More errors than this within ERROR_WINDOW_S and the kiosk exits (code EXIT_TOO_MANY_ERRORS),
# so the service that started it starts it afresh, rather than looping on a broken state.
ERROR_LIMIT, ERROR_WINDOW_S, EXIT_TOO_MANY_ERRORS = 5, 60.0, 70


# Keys that would end or leave a program. Swallowed everywhere in the kiosk.
_BLOCKED = {
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
}
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_exit_key(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & _MODIFIERS
    return (Qt.Key(event.key()), Qt.KeyboardModifier(modifiers.value)) in _BLOCKED


class ExitGuard(QObject):
    """Refuses the keys that close or quit, in every widget of the application (on the kiosk's
    window alone while the bare attract loop shows: every key reaches it there first)."""

    refused = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        keys = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if kind in keys and isinstance(event, QKeyEvent) and is_exit_key(event):
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.refused.emit(QKeySequence(event.keyCombination()).toString())
            return True
        return False


class Tile(QPushButton):
    """A big button: a picture, a title and a line under it, all wrapping; one touch target."""

    def __init__(self, picture: QPixmap, title: str, detail: str) -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        self.picture = QLabel()
        self.picture.setPixmap(picture)
        # Widgets cannot leave the accessibility tree, so the picture says what it is (a screen
        # reader would otherwise read an unnamed "image" inside each tile).
        self.picture.setAccessibleName(self.tr("Picture for: {title}").format(title=title))
        self.title = QLabel(title)
        self.title.setProperty("role", "kiosk-value")
        self.detail = QLabel(detail)
        for part in (self.picture, self.title, self.detail):
            part.setWordWrap(True)
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(part)
        layout.addStretch(1)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # A QPushButton sizes itself by its own text (none here), not by its layout: without these
    # a short window squeezed the tile until its title and line were cut off.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return max(self.minimumHeight(), layout.totalHeightForWidth(width) if layout else 0)

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        size = layout.totalMinimumSize() if layout else QSize(0, 0)
        return QSize(size.width(), max(self.minimumHeight(), size.height()))


class Visit(QStackedWidget):
    """One visitor's screens: the start tiles first; Learn, Preview and Warning signs built the
    first time they are opened."""

    moved = Signal(str)  # the key of the screen now showing

    def __init__(self, content: ContentProvider, setup: KioskSetup) -> None:
        super().__init__()
        self.setObjectName("visit")
        self._content = content
        self._setup = setup
        self._built: dict[str, QWidget] = {}
        self.start = self._start_screen()
        self.addWidget(self.start)
        self.key = "start"

    def _start_screen(self) -> QWidget:
        page = QWidget()
        page.setObjectName("kioskStart")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(24)
        name = self._setup.clinic_name
        title = self.tr("Welcome to {clinic}").format(clinic=name) if name else self.tr("Welcome")
        heading = QLabel(title)
        heading.setProperty("role", "kiosk-title")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        lead = QLabel(
            self.tr(
                "Learn about microneedling for acne scars and see what your recovery could "
                "look like. Nothing you do here is kept."
            )
        )
        lead.setProperty("role", "kiosk-lead")
        lead.setWordWrap(True)
        layout.addWidget(lead)
        tiles = QHBoxLayout()
        tiles.setSpacing(24)
        palette = self._setup.palette()
        self.tiles: dict[str, QPushButton] = {}
        for key, icon_name, label, detail in (
            (
                "learn",
                "learn",
                self.tr("Learn about microneedling"),
                self.tr("What it does, the day itself, aftercare"),
            ),
            (
                "preview",
                "recovery",
                self.tr("Preview my recovery"),
                self.tr("Pick a day and see each step"),
            ),
            (
                "warning",
                "warning",
                self.tr("Warning signs"),
                self.tr("When to call the clinic or for help"),
            ),
        ):
            tile = Tile(icon(icon_name, palette.primary, 192).pixmap(96, 96), label, detail)
            tile.clicked.connect(lambda _=False, k=key: self.open(k))
            tiles.addWidget(tile, 1)
            self.tiles[key] = tile
        layout.addLayout(tiles, 3)
        layout.addStretch(1)
        # On a short screen (1366 x 768 at 125%: about 600 px under the top bar) the page
        # scrolls, by finger too, rather than squeeze the tiles until their words are cut.
        scroll = QScrollArea()
        scroll.setObjectName("kioskStartScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        scroll_by_touch(scroll.viewport())
        return scroll

    def open(self, key: str) -> None:
        if key == "start":
            widget = self.start
        else:
            if key not in self._built:
                self._built[key] = self._build(key)
                self.addWidget(self._built[key])
                scroll_areas_by_touch(self._built[key])
            widget = self._built[key]
        self.setCurrentWidget(widget)
        self.key = key
        self.moved.emit(key)

    def area(self, key: str) -> QWidget:
        if key not in self._built:
            self.open(key)
        return self._built[key]

    def _learn_screen_viewed(self, screen_id: str) -> None:
        self._setup.usage.learn_screen_viewed(screen_id)

    def _build(self, key: str) -> QWidget:
        setup = self._setup
        if key == "learn":
            from app.ui.screens.learn import LearnArea

            learn = LearnArea(self._content, setup.palette)
            # Through the visit, not straight to the counter: PySide keeps a weak reference on
            # a plain-Python receiver for each connection and never drops it when the sender
            # goes, so the long-lived counter gathered one per visit.
            learn.screen_shown.connect(self._learn_screen_viewed)
            if learn.current_screen_id():  # the first screen, shown as it was built
                setup.usage.learn_screen_viewed(learn.current_screen_id())
            return learn
        if key == "warning":
            from app.ui.screens.warning_signs import WarningSignsArea

            def open_learn(screen_id: str) -> None:
                self.open("learn")
                learn = self._built["learn"]
                learn.open_screen(screen_id)  # type: ignore[attr-defined]

            return WarningSignsArea(self._content, setup.palette, open_learn)
        if key == "preview":
            from app.ui.kiosk.preview import PreviewArea

            return PreviewArea(self._content, setup)
        raise KeyError(key)


class KioskWindow(QWidget):
    """The kiosk. `reset()` ends a visit; `allow_close()` (after the staff PIN) lets it close."""

    reset_done = Signal()

    def __init__(
        self,
        content: ContentProvider,
        setup: KioskSetup,
        timings: KioskTimings | None = None,
    ) -> None:
        super().__init__()
        timings = timings or KioskTimings()
        self._content = content
        self._setup = setup
        self._timings = timings
        self._may_close = False
        self._errors: list[float] = []
        # The clinic's language (the one the kiosk started in): every visit starts in it, and
        # the idle reset goes back to it after a visitor chose the other one.
        self.home_language = current_language()
        self.setObjectName("kiosk")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        flags = (
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        if bypasses_window_manager():
            flags |= Qt.WindowType.X11BypassWindowManagerHint
        self.setWindowFlags(flags)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.on_top = StayOnTop(self, lambda: self._may_close)
        self.chrome = TouchOnlyChrome(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar())
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.attract = AttractLoop(content, setup.reduce_motion, timings.slide_ms)
        self.attract.touched.connect(self.begin_visit)
        self.stack.addWidget(self.attract)
        self.visit: Visit | None = None

        self.idle = IdleWatcher(timings.idle_ms, timings.prompt_ms, self)
        self.still_there = StillThere(self)
        self.idle.prompt.connect(self._ask_still_there)
        self.idle.resumed.connect(self.still_there.hide)
        self.idle.expired.connect(self._idle_reset)
        # On the attract loop a touch anywhere starts (the top bar too, not only the slides).
        self.idle.activity.connect(self._touched_anywhere)
        self.pin_pad = PinPad(self, setup.gate)
        # After the PIN, staff choose: exit the kiosk, or the clinic setup (staff_menu.py).
        self.staff_menu = StaffMenu(self, content, timings.idle_ms, self.idle.activity)
        self.staff_menu.exit_requested.connect(self.allow_close)
        self.pin_pad.unlocked.connect(self.staff_menu.open)
        self.corner.held.connect(self._staff_held_corner)
        self.pad_timeout = CloseWhenIdle(
            self.pin_pad, self.pin_pad.close_pad, timings.idle_ms, self.idle.activity
        )

        self.guard = ExitGuard(self)
        self.guard.refused.connect(lambda keys: log.info("refused exit keys %s", keys))
        # On the application while someone is there, on the window alone on the bare loop.
        self.filters = KioskFilters(self, [self.idle, self.guard], self.chrome)
        self.show_attract()

    # the top bar ---------------------------------------------------------------------------------

    def _top_bar(self) -> QWidget:
        bar = QFrame()
        bar.setObjectName("kioskBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 24, 0)
        row.setSpacing(16)
        # The staff corner is the bar's top-left square, behind the clinic's logo.
        self.corner = StaffCorner(bar, self._timings.hold_ms)
        corner_layout = QHBoxLayout(self.corner)
        corner_layout.setContentsMargins(16, 16, 16, 16)
        self.logo = QLabel()
        self.logo.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        corner_layout.addWidget(self.logo)
        if self._setup.logo is not None:
            self._show_logo(self._setup.logo)
        row.addWidget(self.corner)
        name = QLabel(self._setup.clinic_name or APP_NAME)
        name.setProperty("role", "kiosk-bar-name")
        row.addWidget(name, 1)
        self._phone: QLabel | None = None
        if self._setup.clinic_phone:
            phone = QLabel(self.tr("Clinic phone: {phone}").format(phone=self._setup.clinic_phone))
            phone.setProperty("role", "kiosk-bar-text")
            row.addWidget(phone)
            self._phone = phone
        self.home_button = QPushButton(self.tr("Start screen"))
        self.home_button.setAccessibleName(self.tr("Back to the start screen"))
        self.home_button.setIcon(icon("home", self._setup.palette().primary, 64))
        self.home_button.setIconSize(QSize(32, 32))
        self.home_button.clicked.connect(lambda: self.go("start"))
        row.addWidget(self.home_button)
        # The other language, named in itself ("Español" in English, "English" in Spanish): a
        # visitor who cannot read the screen's language can still read its own name.
        self.language_button = QPushButton()
        self.language_button.setProperty("role", "secondary")
        self.language_button.clicked.connect(self._switch_language)
        row.addWidget(self.language_button)
        self._show_language_choice()
        return bar

    # language ------------------------------------------------------------------------------------

    def other_language(self) -> str:
        others = [code for code in LANGUAGES if code != current_language()]
        return others[0] if others else current_language()

    def _show_language_choice(self) -> None:
        other = self.other_language()
        self.language_button.setText(LANGUAGE_NAMES[other])
        # Said in the language it offers, so a reader of that language hears its own words.
        self.language_button.setAccessibleName(LANGUAGE_NAMES[other])
        self.language_button.setAccessibleDescription(
            self.tr("Show the kiosk in {language}").format(language=LANGUAGE_NAMES[other])
        )

    def _switch_language(self) -> None:
        self.switch_language(self.other_language())

    def switch_language(self, language: str) -> None:
        """Everything a visitor sees, made again in `language`: the highlights, the start
        screen (a visit in progress starts again there) and the top bar. Nothing is kept."""
        if language == current_language():
            return
        install_language(language)
        self._content.set_language(language)
        self._content.missing_phone = desk_phone_words()
        was_attract = self.current() == "attract"
        old = self.attract
        self.attract = AttractLoop(self._content, self._setup.reduce_motion, self._timings.slide_ms)
        self.attract.touched.connect(self.begin_visit)
        self.stack.insertWidget(self.stack.indexOf(old), self.attract)
        old.stop()
        self.stack.removeWidget(old)
        old.deleteLater()
        if self.visit is not None:
            visit, self.visit = self.visit, None
            self.stack.removeWidget(visit)
            forget_when_gone(visit)
            visit.deleteLater()
        self._retranslate_bar()
        self._show_language_choice()
        if was_attract:
            self.show_attract()
        else:
            self._open_visit()
            assert self.visit is not None
            self.visit.open("start")

    def _retranslate_bar(self) -> None:
        if self._phone is not None:
            self._phone.setText(
                self.tr("Clinic phone: {phone}").format(phone=self._setup.clinic_phone)
            )
        self.home_button.setText(self.tr("Start screen"))
        self.home_button.setAccessibleName(self.tr("Back to the start screen"))
        if self.logo.pixmap() is not None and not self.logo.pixmap().isNull():
            self.logo.setAccessibleName(self.tr("Clinic logo"))

    def _show_logo(self, path: Path) -> None:
        side = 64
        if path.suffix.lower() == ".svg":
            image = render_svg(path, height=side)
            pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        else:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                pixmap = pixmap.scaledToHeight(side, Qt.TransformationMode.SmoothTransformation)
        if not pixmap.isNull():
            if pixmap.width() > side:
                pixmap = pixmap.scaledToWidth(side, Qt.TransformationMode.SmoothTransformation)
            self.logo.setPixmap(pixmap)
            self.logo.setAccessibleName(self.tr("Clinic logo"))

    # states --------------------------------------------------------------------------------------

    def show_attract(self) -> None:
        self.idle.stop()
        self.home_button.hide()
        self.language_button.show()
        self.stack.setCurrentWidget(self.attract)
        self.attract.start()
        self.filters.on_window()  # nobody there: the filters watch the window's input only

    def _staff_held_corner(self) -> None:
        # Staff over the loop are someone there: every filter on the application first.
        self.filters.on_application()
        self.pin_pad.open()

    def begin_visit(self) -> None:
        """A touch on the attract loop: the start screen of a new visit."""
        self.filters.on_application()  # before its screens are built: the chrome sees them
        self.attract.stop()
        self._open_visit()
        self._setup.usage.visit_started()
        assert self.visit is not None
        self.visit.open("start")
        self.idle.start()

    def _open_visit(self) -> None:
        if self.visit is None:
            self.visit = Visit(self._content, self._setup)
            self.visit.moved.connect(self._on_moved)
            self.stack.addWidget(self.visit)
        self.stack.setCurrentWidget(self.visit)

    def _touched_anywhere(self) -> None:
        staff = self.pin_pad.isVisible() or self.staff_menu.showing()
        if self.current() == "attract" and not staff:
            # After the event that carried the touch: the corner may be starting its hold.
            QTimer.singleShot(0, self, self._begin_if_attract)

    def _begin_if_attract(self) -> None:
        if self.current() == "attract" and not self.corner.holding():
            self.begin_visit()

    def go(self, key: str) -> None:
        if self.visit is None:
            self.begin_visit()
        assert self.visit is not None
        self.visit.open(key)

    def current(self) -> str:
        """ "attract", or the key of the visit's screen showing."""
        if self.visit is None or self.stack.currentWidget() is not self.visit:
            return "attract"
        return self.visit.key

    def _on_moved(self, key: str) -> None:
        # The language is chosen before a visit goes anywhere: changing it makes the screens
        # again, which would throw away a half-made preview. Hidden before the home button
        # shows: for a moment with both, the top bar's minimum (long Spanish words) would widen
        # the window past the screen, and it would stay so.
        self.language_button.setVisible(key == "start")
        self.home_button.setVisible(key != "start")
        self._setup.usage.screen_viewed(key)

    def reset(self) -> None:
        """End the visit: throw its screens away and loop the highlights again."""
        self.still_there.hide()
        self.pin_pad.close_pad()
        if self.visit is not None:
            visit, self.visit = self.visit, None
            self.stack.removeWidget(visit)
            visit.hide()
            forget_when_gone(visit)  # Qt's style caches would keep its scroll areas' entries
            visit.deleteLater()
            self._setup.usage.visit_ended()
        if current_language() != self.home_language:
            self.switch_language(self.home_language)  # the next visitor meets the clinic's
        self.show_attract()
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.reset_done.emit()

    def _ask_still_there(self) -> None:
        self.still_there.ask(max(self.idle.prompt_ms // 1000, 1))

    def _idle_reset(self) -> None:
        log.info("kiosk back to the start after no touch")
        self.reset()

    # errors --------------------------------------------------------------------------------------

    def recover(self) -> None:
        """After an unhandled exception (already logged): back to the start, never a blank or
        frozen screen. Too many in a row and the kiosk exits for its service to restart it."""
        now = time.monotonic()
        self._errors = [t for t in self._errors if now - t < ERROR_WINDOW_S] + [now]
        if len(self._errors) > ERROR_LIMIT:
            log.error("too many errors in %.0f s; exiting to be restarted", ERROR_WINDOW_S)
            self.allow_close()
            QApplication.exit(EXIT_TOO_MANY_ERRORS)
            return
        QTimer.singleShot(0, self, self.reset)

    # staying put ---------------------------------------------------------------------------------

    def allow_close(self) -> None:
        self._may_close = True
        self.on_top.disarm()
        self.filters.remove()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            self.idle.stop()
            self.attract.stop()
            self._setup.usage.close()
            super().closeEvent(event)
            return
        log.info("refused a request to close the kiosk")
        event.ignore()
        QTimer.singleShot(0, self, self.take_focus)

    def take_focus(self) -> None:
        """Back to the front, fullscreen, with the keyboard focus (see app.ui.kiosk.on_top)."""
        self.on_top.come_back()

    def show_on(self, screen_number: int | None) -> None:
        """Fullscreen on screen `screen_number` (0 is the first), or on the primary screen."""
        screens = QGuiApplication.screens()
        screen = QGuiApplication.primaryScreen()
        if screen_number is not None and 0 <= screen_number < len(screens):
            screen = screens[screen_number]
        elif screen_number is not None:
            log.warning("no screen %d of %d; using the primary", screen_number, len(screens))
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.on_top.arm()
