"""The patient's treatments, their plans and the clock: what the My recovery screens read.

All writes go through the store's API; this object only decides what to ask it and tells the
screens when something changed. A write that fails raises StoreWriteError to the screen that
asked (it puts its control back and says why); `wrote` is emitted only for writes that happened.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.domain.clock import Clock, SystemClock
from app.render.content_provider import ContentProvider
from app.store import CheckInRecord, Store, StoreWriteError, TreatmentRecord

if TYPE_CHECKING:  # the plan code loads pydantic; the first frame does not need it
    from app.domain.checkin import CheckIn
    from app.domain.getting_ready import GettingReady
    from app.domain.plan import RecoveryPlan
    from app.domain.series import SeriesPosition

log = logging.getLogger(__name__)


class RecoverySession(QObject):
    changed = Signal()  # treatments were added, edited or deleted
    wrote = Signal()  # any write reached the store (for the quiet-spell checkpoint)

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
        # Reminders shown in this run whose "shown" mark the store could not keep.
        self._shown_unsaved: set[tuple[int, str]] = set()
        self._ready: GettingReady | None = None
        self._ready_key: object = None

    def now(self) -> datetime:
        return self.clock.now()

    def records(self) -> list[TreatmentRecord]:
        return self.store.treatments()

    def getting_ready(self) -> GettingReady | None:
        """The pack's before-treatment list with the clinic's timings; None when the pack has
        none or it is broken (logged, without patient text: the rest of the app still works)."""
        from app.domain.schema import ProtocolError

        pack = self.content.content().pack
        key = (pack.folder, pack.language, tuple(sorted(self.content.clinic_before_days.items())))
        if self._ready_key != key:  # made once, not on every tick
            self._ready_key = key
            self._ready = None
            if pack.before is not None:  # read and checked with the rest of the pack
                try:
                    self._ready = pack.before.getting_ready(self.content.clinic_before_days)
                except ProtocolError as error:  # a clinic timing the pack does not know
                    log.warning("The getting-ready list is left out: %s", error)
        return self._ready

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
        self.wrote.emit()
        self.changed.emit()
        return record

    def update(self, record: TreatmentRecord, treated_at: datetime, zone: str) -> None:
        self.store.update_treatment(record.id, treated_at, zone, record.overrides)
        self.wrote.emit()
        self.changed.emit()

    def delete(self, treatment_id: int) -> None:
        self.store.delete_treatment(treatment_id)
        self.wrote.emit()
        self.changed.emit()

    def marks(self, treatment_id: int, day: date) -> set[str]:
        return self.store.marks(treatment_id, day)

    def set_mark(self, treatment_id: int, day: date, item_id: str, done: bool) -> None:
        self.store.set_mark(treatment_id, day, item_id, done)
        self.wrote.emit()

    def checkin(self, treatment_id: int, day: date) -> CheckInRecord | None:
        return self.store.checkin(treatment_id, day)

    def checkins(self, treatment_id: int) -> list[CheckInRecord]:
        return self.store.checkins(treatment_id)

    def checkin_days(self, treatment_id: int, plan: RecoveryPlan) -> list[CheckIn]:
        """Every stored check-in of the treatment as the triage reads it, oldest first."""
        return [as_checkin(record, plan) for record in self.checkins(treatment_id)]

    def save_checkin(self, treatment_id: int, record: CheckInRecord) -> None:
        self.store.save_checkin(treatment_id, record)
        self.wrote.emit()

    def claim_reminder(self, treatment_id: int, reminder_id: str) -> bool:
        """True the first time: show it. When the store cannot record it (full disk, read-only
        file), it is still shown, once in this run; nobody asked for this write, so no message."""
        try:
            claimed = self.store.claim_reminder(treatment_id, reminder_id)
        except StoreWriteError as error:
            key = (treatment_id, reminder_id)
            if key in self._shown_unsaved:  # asked again every 30 s: said once is enough
                return False
            log.warning("could not record a reminder as shown (%s)", error.kind)
            self._shown_unsaved.add(key)
            return True
        if not claimed:  # shown before: nothing was written
            return False
        self.wrote.emit()
        return (treatment_id, reminder_id) not in self._shown_unsaved


def as_checkin(record: CheckInRecord, plan: RecoveryPlan) -> CheckIn:
    """A stored day's answers in the domain's terms, with its day of recovery."""
    from app.domain.checkin import CheckIn, Severity

    scores = {name: Severity(value) for name, value in record.scores.items()}
    day = plan.day_number(record.local_date)
    return CheckIn(record.local_date, day, scores, record.yes, record.note, record.no)
