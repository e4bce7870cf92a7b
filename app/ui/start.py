"""Where the home window opens: a short welcome on the very first run, then what fits today
(My recovery while getting ready or recovering, Learn otherwise). Decided just after the first
frame, from the clock and the stored treatments: never stored itself."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.store import StoreWriteError
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.page import Page, add_label

WELCOME = "welcome"


def start_key(session: RecoverySession, prefs: Preferences) -> str:
    """ "welcome" on the first run, "recovery" before or during a recovery, else "learn"."""
    if not session.records():
        return "learn" if prefs.welcome_seen else WELCOME
    now = session.now()
    position = session.position(now)
    if position.getting_ready:
        return "recovery"
    plan = position.plan
    if plan is not None and plan.day_number(plan.local_date_of(now)) <= plan.recovery_length_days:
        return "recovery"
    return "learn"


class WelcomePage(Page):
    """Three ways in; each leads straight to the right place."""

    chosen = Signal(str)  # "ahead" (getting ready), "had" (had the treatment) or "learn"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Welcome"), parent)
        add_label(
            self.column,
            self.tr(
                "This app explains microneedling for acne scars, helps you get ready for your "
                "treatment, and guides your recovery day by day. Where would you like to start?"
            ),
        )
        self.buttons: dict[str, QPushButton] = {}
        choices = (
            ("ahead", self.tr("I'm getting ready for a treatment")),
            ("had", self.tr("I've had my treatment")),
            ("learn", self.tr("I just want to learn")),
        )
        for key, words in choices:
            button = QPushButton(words)
            button.setMinimumHeight(48)
            if key == "ahead":
                button.setProperty("role", "primary")  # one primary button per screen
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self.column.addWidget(button)
            self.buttons[key] = button
        add_label(
            self.column,
            self.tr("You can change your mind at any time from the list on the left."),
            "secondary",
        )
        self.column.addStretch(1)


def wire_start(
    window: QWidget,
    session: RecoverySession,
    prefs: Preferences,
    go_to: Callable[[str], None],
    show_page: Callable[[QWidget], None],
    recovery_area: Callable[[], QWidget],
) -> Callable[[], str | None]:
    """The window's `choose_start`: shows the welcome on the first run and answers its choice."""

    def choose() -> str | None:
        key = start_key(session, prefs)
        if key != WELCOME:
            return key
        page = WelcomePage(window)
        page.chosen.connect(answer)
        show_page(page)
        return WELCOME  # no area: the page is showing

    def answer(choice: str) -> None:
        # Not remembered when the disk refuses: the welcome shows again next time, no loss.
        with suppress(StoreWriteError):
            prefs.set_welcome_seen()
        if choice == "learn":
            go_to("learn")
            return
        from app.ui.screens.recovery import RecoveryArea

        go_to("recovery")
        area = recovery_area()
        if isinstance(area, RecoveryArea):
            area.start_entry(ahead=choice == "ahead")

    return choose
