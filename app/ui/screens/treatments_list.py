"""My treatments: every session in the series, each with Change and Delete, and Add a session
(the last tab of My recovery, made when first opened)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.series import TreatmentInput, close_session
from app.render.formatting import local_moment
from app.store import StoreWriteError, TreatmentRecord
from app.ui.flow_layout import FlowLayout
from app.ui.recovery_session import RecoverySession
from app.ui.screens.page import Page, add_label, read_in_layout_order
from app.ui.screens.questions import Confirm, close_session_question, delete_question
from app.ui.screens.treatment_form import TreatmentForm
from app.ui.store_writes import not_saved_text, tell


class _LineLabel(QLabel):
    """Words that take one line when there is room: a word-wrapped QLabel's size hint is a
    guess narrower than its words, so beside buttons it wrapped even in a wide window."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2
        return QSize(one_line + margins.left() + margins.right(), hint.height())


class _SessionRow(QWidget):
    """One session in the list: its words, Change and Delete. Kept while the session exists;
    a change of its time or number rewrites its words, nothing else."""

    def __init__(self, view: TreatmentsView) -> None:
        super().__init__()
        self.record: TreatmentRecord | None = None
        self.number = 0
        # The buttons follow the words, on the next line when the window is narrow.
        line = FlowLayout(self, spacing=12, stretch=False)
        self.label = _LineLabel()
        line.addWidget(self.label)
        self.change = QPushButton(QCoreApplication.translate("TreatmentsView", "Change"))
        self.change.clicked.connect(lambda: view._open_form(self.record))
        self.delete = QPushButton(QCoreApplication.translate("TreatmentsView", "Delete"))
        self.delete.clicked.connect(lambda: self._delete(view))
        line.addWidget(self.change)
        line.addWidget(self.delete)

    def _delete(self, view: TreatmentsView) -> None:
        if self.record is not None:
            view._delete(self.record, self.number)

    def show_record(self, record: TreatmentRecord, number: int) -> None:
        if (record, number) == (self.record, self.number):
            return
        self.record, self.number = record, number
        when = local_moment(record.treated_at.astimezone(ZoneInfo(record.zone)))
        self.label.setText(
            QCoreApplication.translate("TreatmentsView", "Session {n}: {when}").format(
                n=number, when=when
            )
        )
        self.change.setAccessibleName(
            QCoreApplication.translate("TreatmentsView", "Change session {n}").format(n=number)
        )
        self.delete.setAccessibleName(
            QCoreApplication.translate("TreatmentsView", "Delete session {n}").format(n=number)
        )


class TreatmentsView(Page):
    """Every session in the series, each with Change and Delete; and Add a session.

    The rows are made when the list is first shown, not with the area (Today, which opens
    first, does not wait for a long series), and after a change only the rows whose session
    was added, changed, removed or renumbered are touched."""

    def __init__(self, session: RecoverySession, confirm: Confirm, parent: QWidget | None = None):
        super().__init__(self.tr("My treatments"), parent)
        self._session = session
        self._confirm = confirm
        self.rows = QVBoxLayout()
        self.column.addLayout(self.rows)
        self.status = add_label(self.column, "")
        self.status.hide()
        self.add_button = QPushButton(self.tr("Add a session"))
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(lambda: self._open_form(None))
        self.column.addWidget(self.add_button)
        self.form = TreatmentForm(session.now())
        self.form.hide()
        self.form.saved.connect(self._save)
        self.form.cancelled.connect(self.form.hide)
        self.column.addWidget(self.form)
        self.column.addStretch(1)
        self._editing: TreatmentRecord | None = None
        self._row_of: dict[int, _SessionRow] = {}  # by treatment id, in list order
        self._stale = True  # the rows do not show the stored sessions yet

    def refresh(self) -> None:
        """After a change: the rows follow now when the list is in view, else when shown."""
        self._stale = True
        if self.isVisible():
            self._sync_rows()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._sync_rows()
        super().showEvent(event)

    def session_rows(self) -> list[_SessionRow]:
        """The rows as they stand, in list order (brought up to date first)."""
        if self._stale:
            self._sync_rows()
        return list(self._row_of.values())

    def _sync_rows(self) -> None:
        self._stale = False
        records = self._session.records()
        wanted = {record.id for record in records}
        for gone in [key for key in self._row_of if key not in wanted]:
            row = self._row_of.pop(gone)
            self.rows.removeWidget(row)
            row.deleteLater()
        ordered: dict[int, _SessionRow] = {}
        for index, record in enumerate(records):
            known = self._row_of.get(record.id)
            row = known if known is not None else _SessionRow(self)
            if known is None:
                self.rows.insertWidget(index, row)
            elif self.rows.indexOf(row) != index:  # an earlier session was added or moved
                self.rows.removeWidget(row)
                self.rows.insertWidget(index, row)
            row.show_record(record, index + 1)
            ordered[record.id] = row
        self._row_of = ordered
        column = self.widget()
        if column is not None:  # a row made or moved later is read where it shows
            read_in_layout_order(column)

    def open_form(self, suggested: date | None = None) -> None:
        """Add a session, the date field set to `suggested` when given."""
        self._open_form(None)
        if suggested is not None:
            self.form.date_edit.setDate(QDate(suggested.year, suggested.month, suggested.day))

    def _open_form(self, record: TreatmentRecord | None) -> None:
        self._editing = record
        self.form.set_now(self._session.now())
        if record is not None:
            self.form.edit(record)
        else:
            self.form.start_new(self._session.now())
        self.form.show()
        self.form.date_edit.setFocus()

    def _save(self, local: datetime, zone: str) -> None:
        instant = local.replace(tzinfo=ZoneInfo(zone))
        if not self._close_session_wanted(instant, zone):
            return  # the form stays open with what was typed
        try:
            if self._editing is None:
                self._session.add(instant, zone)
            else:
                self._session.update(self._editing, instant, zone)
        except StoreWriteError as error:
            self.form.show_message(not_saved_text(error))  # the form keeps what was typed
            return
        self.form.hide()

    def _close_session_wanted(self, instant: datetime, zone: str) -> bool:
        """A session within a week of another is more often a slip than a plan: ask."""
        others = [TreatmentInput(r.id, r.treated_at, r.zone) for r in self._session.records()]
        editing = self._editing.id if self._editing is not None else None
        close = close_session(instant, zone, others, leave_out=editing)
        if close is None:
            return True
        return self._confirm(self, close_session_question(close, editing is not None))

    def _delete(self, record: TreatmentRecord, number: int) -> None:
        if not self._confirm(self, delete_question(number)):
            return
        try:
            self._session.delete(record.id)
        except StoreWriteError as error:
            tell(self.status, not_saved_text(error), problem=True)
            self.status.show()
            return
        self.status.hide()
