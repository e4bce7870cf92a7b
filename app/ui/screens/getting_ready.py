"""Getting ready: the before-treatment list on Today while a treatment is booked, grouped by
when each item starts to apply ("From Tue 3 Mar (7 days before)", "On the day"). Tasks have
tick boxes (stored like checklist ticks, under the treatment's date); notes are things to know."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.domain.getting_ready import GettingReady
from app.render.formatting import short_day
from app.store import StoreWriteError
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checklist_row import ChecklistRow
from app.ui.store_writes import not_saved_text, tell

MARK_PREFIX = "before:"  # a tick's item id in the store, apart from the daily checklist's


class GettingReadyList(QFrame):
    def __init__(self, session: RecoverySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.rows: dict[str, ChecklistRow] = {}
        self.headings: list[QLabel] = []
        self._key: tuple[int, date] | None = None

    def show_list(self, ready: GettingReady, treatment_id: int, treatment_date: date) -> None:
        key = (treatment_id, treatment_date)
        if key != self._key:
            self._key = key
            self._rebuild(ready, treatment_date)
        marks = self._session.marks(treatment_id, treatment_date)
        for item_id, row in self.rows.items():
            row.box.blockSignals(True)
            row.box.setChecked(MARK_PREFIX + item_id in marks)
            row.box.blockSignals(False)

    def _heading(self, days: int, treatment_date: date) -> str:
        if days == 0:
            return self.tr("On the day")
        start = treatment_date.toordinal() - days
        when = short_day(date.fromordinal(start))
        if days == 1:
            return self.tr("From {date} (the day before)").format(date=when)
        return self.tr("From {date} (%n days before)", "", days).format(date=when)

    def _rebuild(self, ready: GettingReady, treatment_date: date) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.rows, self.headings = {}, []
        for days, items in ready.groups():
            heading = QLabel()
            heading.setProperty("role", "h3")  # before the text: see app.ui.accessible
            heading.setText(self._heading(days, treatment_date))
            heading.setWordWrap(True)
            self._layout.addWidget(heading)
            self.headings.append(heading)
            for entry in items:
                if entry.kind == "task":
                    row = ChecklistRow(entry.text)
                    row.box.toggled.connect(lambda on, i=entry.id: self._tick(i, on))
                    self._layout.addWidget(row)
                    self.rows[entry.id] = row
                else:
                    note = QLabel("•  " + entry.text)
                    note.setWordWrap(True)
                    self._layout.addWidget(note)

    def _tick(self, item_id: str, done: bool) -> None:
        if self._key is None:
            return
        treatment_id, day = self._key
        row = self.rows[item_id]
        try:
            self._session.set_mark(treatment_id, day, MARK_PREFIX + item_id, done)
        except StoreWriteError as error:
            row.box.blockSignals(True)
            row.box.setChecked(not done)
            row.box.blockSignals(False)
            tell(row.problem, not_saved_text(error), problem=True)
            row.problem.show()
            return
        row.problem.hide()
