"""Reminders while the app runs: one at each milestone and one daily checklist nudge, each shown
once (the store remembers, across restarts). Shown through the system tray where there is one,
and in the window where there is none (many Linux desktops, every kiosk)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from app.domain.clock import as_utc
from app.ui.recovery_session import RecoverySession

if TYPE_CHECKING:
    from app.domain.series import TreatmentInput

NUDGE_HOUR = 9  # local time from which the day's checklist nudge may show
STALE_AFTER = timedelta(hours=24)  # a milestone missed by more than this is not announced late


class Reminders(QObject):
    reminder = Signal(str, str)  # title, text

    def __init__(self, session: RecoverySession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session

    def check(self) -> None:
        now = self._session.now()
        position = self._session.position(now)
        plan, current = position.plan, position.current
        if position.getting_ready:
            self._getting_ready(position.upcoming, now)
            return
        if plan is None or current is None:
            return
        for milestone in plan.milestones:
            if as_utc(milestone.at) > as_utc(now):
                break
            claimed = self._session.claim_reminder(current.id, f"milestone:{milestone.rule_id}")
            # Claimed either way: a milestone from days ago is history, not news.
            if claimed and as_utc(now) - as_utc(milestone.at) <= STALE_AFTER:
                self.reminder.emit(milestone.label, milestone.detail)
        today = plan.local_date_of(now)
        # Things to do: a rule's status row is not a task (it changes by itself).
        items = [entry for entry in plan.checklist_for(today) if not entry.is_rule]
        local_hour = as_utc(now).astimezone(plan.zone).hour
        due = bool(items) and local_hour >= NUDGE_HOUR
        if due and self._session.claim_reminder(current.id, f"daily:{today.isoformat()}"):
            self.reminder.emit(
                self.tr("Today's aftercare"),
                # %n: Qt's plural forms, so a translation can say "1 thing" and "3 things".
                self.tr("Things on today's checklist: %n", "", len(items)),
            )

    def _getting_ready(self, upcoming: TreatmentInput | None, now: datetime) -> None:
        """Each before-treatment item once, from the morning of the day it starts to apply."""
        ready = self._session.getting_ready()
        if ready is None or upcoming is None:
            return
        local = as_utc(now).astimezone(ZoneInfo(upcoming.zone))
        if local.hour < NUDGE_HOUR:
            return
        treated = as_utc(upcoming.treated_at).astimezone(ZoneInfo(upcoming.zone)).date()
        for item in ready.due_by(treated, local.date()):
            if self._session.claim_reminder(upcoming.id, f"before:{item.id}"):
                self.reminder.emit(self.tr("Getting ready"), item.text)
