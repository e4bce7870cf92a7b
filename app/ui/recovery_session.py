"""The patient's treatments, their plans and the clock: what the My recovery screens read.

All writes go through the store's API; this object only decides what to ask it and tells the
screens when something changed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.domain.clock import Clock, SystemClock
from app.store import Store, SymptomNote, TreatmentRecord
from app.ui.content_provider import ContentProvider

if TYPE_CHECKING:  # the plan code loads pydantic; the first frame does not need it
    from app.domain.series import SeriesPosition


class RecoverySession(QObject):
    changed = Signal()  # treatments were added, edited or deleted

    def __init__(
        self,
        store: Store,
        content: ContentProvider,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.clock: Clock = clock or SystemClock()

    def now(self) -> datetime:
        return self.clock.now()

    def records(self) -> list[TreatmentRecord]:
        return self.store.treatments()

    def position(self, now: datetime | None = None) -> SeriesPosition:
        from app.domain.series import TreatmentInput, overrides_from_record, position_at

        content = self.content.content()
        inputs = [
            TreatmentInput(
                r.id, r.treated_at, r.zone, overrides_from_record(r.overrides, f"treatment {r.id}")
            )
            for r in self.records()
        ]
        return position_at(
            inputs, now or self.now(), content.protocol, content.text, self.content.clinic_overrides
        )

    # writes -----------------------------------------------------------------------------------

    def add(self, treated_at: datetime, zone: str) -> TreatmentRecord:
        record = self.store.add_treatment(treated_at, zone)
        self.changed.emit()
        return record

    def update(self, record: TreatmentRecord, treated_at: datetime, zone: str) -> None:
        self.store.update_treatment(record.id, treated_at, zone, record.overrides)
        self.changed.emit()

    def delete(self, treatment_id: int) -> None:
        self.store.delete_treatment(treatment_id)
        self.changed.emit()

    def marks(self, treatment_id: int, day: date) -> set[str]:
        return self.store.marks(treatment_id, day)

    def set_mark(self, treatment_id: int, day: date, item_id: str, done: bool) -> None:
        self.store.set_mark(treatment_id, day, item_id, done)

    def symptom_notes(self, treatment_id: int) -> list[SymptomNote]:
        return self.store.symptom_notes(treatment_id)

    def save_symptoms(self, treatment_id: int, day: date, redness: int, discomfort: int) -> None:
        self.store.save_symptoms(treatment_id, day, redness, discomfort)

    def claim_reminder(self, treatment_id: int, reminder_id: str) -> bool:
        return self.store.claim_reminder(treatment_id, reminder_id)
