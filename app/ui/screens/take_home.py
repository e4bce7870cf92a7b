"""Take it home: the plan as a calendar file, a PDF handout, or straight to the printer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.flow_layout import FlowLayout
from app.ui.recovery_session import RecoverySession
from app.ui.wrap_buttons import WrapPushButton

if TYPE_CHECKING:
    from app.domain.plan import RecoveryPlan
from app.ui.screens.page import add_label

# (parent, title, suggested file name, filter) -> chosen path, or "" when cancelled
ChooseFile = Callable[[QWidget, str, str, str], str]


def choose_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    from PySide6.QtWidgets import QFileDialog  # when asked: screens load without it

    start = str(Path.home() / suggested)
    return QFileDialog.getSaveFileName(parent, title, start, filters)[0]


class TakeHome(QWidget):
    def __init__(
        self,
        session: RecoverySession,
        choose: ChooseFile = choose_save_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._choose = choose
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        add_label(layout, self.tr("Take it home"), "h2")
        add_label(
            layout,
            self.tr(
                "Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google "
                "Calendar: every date, each with a reminder. Or keep a printed copy of your plan."
            ),
        )
        # Side by side while they fit, then one under another, their words wrapping last.
        column = FlowLayout(spacing=8, stretch=False)
        self.calendar_button = WrapPushButton(self.tr("Save a calendar file (.ics)…"))
        self.calendar_button.setAccessibleName(
            self.tr(
                "Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google Calendar"
            )
        )
        self.calendar_button.clicked.connect(self.save_calendar)
        self.pdf_button = WrapPushButton(self.tr("Save handout as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = WrapPushButton(self.tr("Print handout…"))
        self.print_button.clicked.connect(self.print_handout)
        for button in (self.calendar_button, self.pdf_button, self.print_button):
            column.addWidget(button)
        layout.addLayout(column)
        self.status = add_label(layout, "", "secondary")

    def _plan(self) -> RecoveryPlan | None:
        return self._session.position().plan

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _save(
        self,
        title: str,
        suggested: str,
        filters: str,
        write: Callable[[RecoveryPlan, Path], None],
        done: str,
    ) -> None:
        """Ask where, write there, and say plainly whether it worked."""
        plan = self._plan()
        if plan is None:
            return
        name = self._choose(self, title, suggested, filters)
        if not name:
            return
        try:
            write(plan, Path(name))
        except OSError as error:
            self._done(self.tr("Not saved: {error}").format(error=error.strerror or error))
            return
        self._done(done.format(file=name))

    def save_calendar(self) -> None:
        from app.export.files import save_calendar

        content, now = self._session.content, self._session.now()
        self._save(
            self.tr("Save calendar file"),
            "aftercare.ics",
            self.tr("Calendar (*.ics)"),
            lambda plan, path: save_calendar(plan, content, path, now),
            self.tr(
                "Saved to {file}. Open it to add the dates to Outlook or Apple Calendar; in "
                "Google Calendar, choose Settings, then Import & export."
            ),
        )

    def save_pdf(self) -> None:
        from app.export.files import save_handout

        content = self._session.content
        self._save(
            self.tr("Save handout"),
            "aftercare-plan.pdf",
            self.tr("PDF (*.pdf)"),
            lambda plan, path: save_handout(plan, content, path, content.clinic_logo),
            self.tr("Saved to {file}."),
        )

    def print_handout(self) -> None:
        from app.export.files import handout_document
        from app.export.handout import print_handout

        plan = self._plan()
        if plan is None:
            return
        document = handout_document(plan, self._session.content, self._session.content.clinic_logo)
        if print_handout(document, self):
            self._done(self.tr("Sent to the printer."))
