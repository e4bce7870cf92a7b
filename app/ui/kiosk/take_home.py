"""Take it home, at the end of a preview: the QR code of the plan's key dates, and the printed
handout where the kiosk has a real printer, one copy a visit (then the desk)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.plan import RecoveryPlan
from app.domain.warnings import Level
from app.render.content_provider import ContentProvider
from app.ui.kiosk.qr import module_px, qr_image, summary_text
from app.ui.screens.page import add_label


class VisitPrints:
    """How many copies this visit has printed: one is the limit, then the desk. Owned by the
    visit's preview area, so it goes with the visit at the idle reset."""

    LIMIT = 1

    def __init__(self) -> None:
        self.printed = 0

    @property
    def left(self) -> bool:
        return self.printed < self.LIMIT


def after_hours_lines(content: ContentProvider) -> list[str]:
    """The warning-signs model's "call today" level, for the QR code: its advice for when the
    clinic cannot be reached, and the clinic's out-of-hours phone where it has one. The advice
    follows the clinic's phone line ("If you cannot reach them, ..."); with no phone line to
    follow, the level's title comes first, to say who "them" is."""
    words = content.level_words(Level.CALL_TODAY)
    advice = [words.action]
    if not content.clinic_phone:
        advice.insert(0, words.title)
    return [*advice, *words.phone_lines[1:]]  # phone_lines[0] is the clinic's phone


class TakeHomeCode(QWidget):
    """The QR code of the plan's key dates, and the printed handout where there is a printer
    (one copy a visit)."""

    def __init__(
        self,
        plan: RecoveryPlan,
        content: ContentProvider,
        printer_name: str,
        print_plan: Callable[[RecoveryPlan], bool],
        prints: VisitPrints | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._print_plan = print_plan
        self._prints = prints or VisitPrints()
        self.text = summary_text(
            plan, content.clinic_name, content.clinic_phone, after_hours_lines(content)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(32)
        self.code = QLabel()
        screen = self.screen()
        self.module_px = module_px(screen.geometry().height() if screen is not None else 1080)
        self.code.setPixmap(QPixmap.fromImage(qr_image(self.text, self.module_px)))
        self.code.setAccessibleName(self.tr("QR code with your key dates"))
        self.code.setAccessibleDescription(self.text)
        self.code.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(16)
        add_label(words, self.tr("Take it home"), "h2")
        add_label(
            words,
            self.tr(
                "Point your phone's camera at the code. It shows your key dates and the "
                "clinic's phone number as plain text, to save or share. It has no name in it, "
                "and nothing is sent anywhere."
            ),
        )
        self.print_button = QPushButton(self.tr("Print my aftercare plan"))
        self.print_button.clicked.connect(self.print_handout)
        self.status = add_label(words, "", "secondary")
        if printer_name:
            words.insertWidget(2, self.print_button)
            if not self._prints.left:
                self._used_up()
        else:
            self.print_button.hide()
            self._say(self.tr("Ask at the front desk for a printed copy of your plan."))
        words.addStretch(1)
        layout.addLayout(words, 1)

    def print_handout(self) -> None:
        if not self._prints.left:  # a second tap that got in before the button changed
            self._used_up()
            return
        if self._print_plan(self._plan):
            self._prints.printed += 1
            self._say(self.tr("Sent to the printer. Collect it at the front desk."))
            self._used_up(keep_status=True)
        else:
            self._say(self.tr("The printer is not available. Ask at the front desk for a copy."))

    def _used_up(self, keep_status: bool = False) -> None:
        """One copy a visit: the button now says where another comes from, and does nothing."""
        text = self.tr("Printed. Ask at the desk for another copy")
        self.print_button.setText(text)
        self.print_button.setAccessibleName(text)
        self.print_button.setEnabled(False)
        if not keep_status:
            self._say(self.tr("Your plan was printed. Ask at the desk for another copy."))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
