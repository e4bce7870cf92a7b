"""Today: the countdown to the next milestone, the day of recovery, today's checklist, what is
normal now, and a short daily note of how the skin feels."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.domain.series import SeriesPosition
from app.store import StoreWriteError, SymptomNote
from app.ui.formatting import countdown, local_day, local_moment
from app.ui.recovery_session import RecoverySession
from app.ui.screens.page import Page, add_callout, add_label
from app.ui.store_writes import not_saved_text, tell

RISING_AFTER_DAY = 3  # the brief: redness and soreness should ease after days 2 to 3


def card(layout: QVBoxLayout) -> QVBoxLayout:
    frame = QFrame()
    frame.setProperty("role", "card")
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(24, 16, 24, 16)
    inner.setSpacing(12)
    layout.addWidget(frame)
    return inner


class ChecklistRow(QFrame):
    """A big tick box and its words, which wrap; a click anywhere on the row ticks it. Under
    the words, when a tick could not be saved, the reason."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        self.box = QCheckBox()
        self.box.setObjectName("checklistItem")
        self.box.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.label)
        words.addWidget(self.problem)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)

    def text(self) -> str:
        return self.label.text()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def click(self) -> None:
        self.box.click()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.click()
        event.accept()


class TodayView(Page):
    open_warning_signs = Signal()

    def __init__(self, session: RecoverySession, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setAccessibleName(self.tr("Today"))
        self._session = session
        self._position: SeriesPosition | None = None
        self._day: date | None = None  # the checklist's day; None means today
        # The stored note the sliders last showed: a refresh moves them only when it changes,
        # so the clock's tick never throws away scores being chosen.
        self._note_shown: SymptomNote | None = None

        # The countdown is the hero: it takes the page's big title.
        self.countdown = self.title
        self.countdown.setObjectName("countdown")
        self.countdown_detail = add_label(self.column, "", "secondary")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.column.addWidget(self.progress)

        # Today's checklist, or an earlier day's when looking back.
        checklist = card(self.column)
        self.checklist_title = add_label(checklist, "", "h3")
        nav = QHBoxLayout()
        self.earlier_button = QPushButton(self.tr("Earlier day"))
        self.earlier_button.clicked.connect(lambda: self._step_day(-1))
        self.today_button = QPushButton(self.tr("Back to today"))
        self.today_button.clicked.connect(self._back_to_today)
        self.later_button = QPushButton(self.tr("Later day"))
        self.later_button.clicked.connect(lambda: self._step_day(1))
        for button in (self.earlier_button, self.today_button, self.later_button):
            nav.addWidget(button)
        nav.addStretch(1)
        checklist.addLayout(nav)
        self.items_box = QVBoxLayout()
        self.items_box.setSpacing(4)
        checklist.addLayout(self.items_box)
        self.saved_label = add_label(checklist, "", "secondary")
        self.checkboxes: dict[str, ChecklistRow] = {}

        normal = card(self.column)
        self.normal_title = add_label(normal, self.tr("What is normal now"), "h3")
        self.normal_text = add_label(normal, "")

        notes = card(self.column)
        add_label(notes, self.tr("How does your skin feel today?"), "h3")
        add_label(notes, self.tr("0 means not at all, 10 means the worst you can imagine."),
                  "secondary")  # fmt: skip
        grid = QGridLayout()
        self.redness = self._slider(grid, 0, self.tr("Redness"))
        self.discomfort = self._slider(grid, 1, self.tr("Soreness or discomfort"))
        notes.addLayout(grid)
        save_row = QHBoxLayout()
        self.save_note_button = QPushButton(self.tr("Save today's note"))
        self.save_note_button.clicked.connect(self._save_note)
        self.note_status = QLabel()
        self.note_status.setProperty("role", "secondary")
        self.note_status.setWordWrap(True)  # a "Not saved: ..." line must not widen the page
        save_row.addWidget(self.save_note_button)
        save_row.addWidget(self.note_status, 1)
        notes.addLayout(save_row)
        self.rising = add_callout(
            notes,
            self.tr(
                "Your scores went up after day {day}. By now redness and soreness usually get "
                "better, not worse. Look at the warning signs, and call your clinic if you are "
                "worried."
            ).format(day=RISING_AFTER_DAY),
            "caution",
        )
        rising_box = self.rising.parentWidget()
        assert rising_box is not None
        self.rising_box = rising_box
        self.warning_button = QPushButton(self.tr("See the warning signs"))
        self.warning_button.clicked.connect(self.open_warning_signs)
        rising_layout = rising_box.layout()
        assert rising_layout is not None
        rising_layout.addWidget(self.warning_button)
        rising_box.hide()
        self.column.addStretch(1)

    def _slider(self, grid: QGridLayout, row: int, name: str) -> QSlider:
        label = QLabel(name)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 10)
        slider.setPageStep(1)
        slider.setMinimumHeight(40)
        slider.setAccessibleName(name)
        value = QLabel("0")
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("10") + 8)
        slider.valueChanged.connect(lambda v, label=value: label.setText(str(v)))
        label.setBuddy(slider)
        grid.addWidget(label, row, 0)
        grid.addWidget(slider, row, 1)
        grid.addWidget(value, row, 2)
        grid.setColumnStretch(1, 1)
        return slider

    # refresh ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the clock and redraw. Called every few seconds and after every change, so a
        sleeping computer, a changed clock or a new time zone are right at the next tick."""
        now = self._session.now()
        position = self._session.position(now)
        self._position = position
        plan = position.plan
        if plan is None or position.current is None:
            return
        upcoming = plan.next_milestone(now)
        if upcoming is not None:
            self.countdown.setText(countdown(upcoming.countdown, plan.time_until(now, upcoming)))
            self.countdown_detail.setText(
                self.tr("{label}: {when}").format(
                    label=upcoming.label, when=local_moment(upcoming.at)
                )
            )
        else:
            self.countdown.setText(self.tr("Your aftercare plan for this session is done"))
            self.countdown_detail.setText(
                self.tr("Add your next session under My treatments when you have had it.")
            )
        self.countdown.setAccessibleName(self.countdown.text())
        today = plan.local_date_of(now)
        day, total = plan.day_number(today), plan.recovery_length_days
        self.progress.setRange(0, total)
        self.progress.setValue(min(day, total))
        progress_text = self.tr("Day {day} of {total}").format(day=day, total=total)
        if position.total_sessions > 1:
            progress_text += "  ·  " + self.tr("Session {n} of {total}").format(
                n=position.session_number, total=position.total_sessions
            )
        self.progress.setFormat(progress_text)
        self.progress.setAccessibleName(progress_text)
        span = plan.span_at(now)
        if span is not None:
            self.normal_title.setText(
                self.tr("What is normal now: {phase}").format(phase=span.name)
            )
            self.normal_text.setText("\n".join(f"•  {line}" for line in span.normal))
        self._show_checklist(today)
        self._show_note(today, plan.day_number(today))

    def _checklist_day(self, today: date) -> date:
        return self._day if self._day is not None else today

    def _show_checklist(self, today: date) -> None:
        assert self._position is not None and self._position.plan is not None
        plan = self._position.plan
        day = self._checklist_day(today)
        entries = plan.checklist_for(day)
        if day == today:
            title = self.tr("Today's checklist")
        else:
            title = self.tr("Checklist for day {n}, {date}").format(
                n=plan.day_number(day), date=local_day(day)
            )
        self.checklist_title.setText(title)
        self.earlier_button.setEnabled(plan.day_number(day) > 1)
        self.later_button.setEnabled(day < today)
        self.today_button.setVisible(day != today)
        treatment_id = self._position.current.id if self._position.current else 0
        marks = self._session.marks(treatment_id, day)
        wanted = [e.id for e in entries]
        if wanted != list(self.checkboxes) or any(
            self.checkboxes[e.id].text() != e.text for e in entries
        ):
            for box in self.checkboxes.values():
                self.items_box.removeWidget(box)
                box.deleteLater()
            self.checkboxes = {}
            for entry in entries:
                row = ChecklistRow(entry.text)
                row.box.toggled.connect(lambda on, item=entry.id: self._tick(item, on))
                self.items_box.addWidget(row)
                self.checkboxes[entry.id] = row
        self._set_boxes(marks)
        if not entries:
            self.saved_label.setText(self.tr("Nothing on the list for this day."))

    def _set_boxes(self, marks: set[str]) -> None:
        """Show what is stored, without it counting as a click."""
        for item_id, row in self.checkboxes.items():
            row.box.blockSignals(True)
            row.box.setChecked(item_id in marks)
            row.box.blockSignals(False)

    def _tick(self, item_id: str, done: bool) -> None:
        position = self._position
        if position is None or position.current is None or position.plan is None:
            return
        day = self._checklist_day(position.plan.local_date_of(self._session.now()))
        try:
            self._session.set_mark(position.current.id, day, item_id, done)
        except StoreWriteError as error:
            # A box that stays ticked would say it was stored: show what the store holds, and
            # why under the item itself (the list can be longer than the window).
            self._set_boxes(self._session.marks(position.current.id, day))
            self._say_not_saved(item_id, not_saved_text(error))
            return
        self._say_not_saved(None, "")
        tell(self.saved_label, self.tr("Saved") if done else self.tr("Saved: not done yet"))

    def _say_not_saved(self, item_id: str | None, text: str) -> None:
        for key, row in self.checkboxes.items():
            if key == item_id:
                tell(row.problem, text, problem=True)
                row.box.setAccessibleDescription(text)
            row.problem.setVisible(key == item_id)
            if key != item_id:
                row.box.setAccessibleDescription("")
        if item_id is not None:
            tell(self.saved_label, "")

    def _step_day(self, step: int) -> None:
        if self._position is None or self._position.plan is None:
            return
        today = self._position.plan.local_date_of(self._session.now())
        self._day = self._checklist_day(today) + timedelta(days=step)
        if self._day >= today:
            self._day = None
        self.saved_label.setText("")
        self.refresh()

    def _back_to_today(self) -> None:
        self._day = None
        self.saved_label.setText("")
        self.refresh()

    # symptom note -----------------------------------------------------------------------------

    def _show_note(self, today: date, day: int) -> None:
        assert self._position is not None and self._position.current is not None
        notes = self._session.symptom_notes(self._position.current.id)
        todays = next((n for n in notes if n.local_date == today), None)
        if todays is not None and todays != self._note_shown:
            self.redness.setValue(todays.redness)
            self.discomfort.setValue(todays.discomfort)
        self._note_shown = todays
        self.rising_box.setVisible(self._rising(notes, today, day))

    @staticmethod
    def _rising(notes: list[SymptomNote], today: date, day: int) -> bool:
        """After day 3, a score higher than on the day before it was last noted."""
        if day <= RISING_AFTER_DAY:
            return False
        todays = next((n for n in notes if n.local_date == today), None)
        earlier = [n for n in notes if n.local_date < today]
        if todays is None or not earlier:
            return False
        before = earlier[-1]
        return todays.redness > before.redness or todays.discomfort > before.discomfort

    def _save_note(self) -> None:
        position = self._position
        if position is None or position.current is None or position.plan is None:
            return
        today = position.plan.local_date_of(self._session.now())
        try:
            self._session.save_symptoms(
                position.current.id, today, self.redness.value(), self.discomfort.value()
            )
        except StoreWriteError as error:
            self._show_stored_note(position.current.id, today)
            tell(self.note_status, not_saved_text(error), problem=True)
            return
        tell(self.note_status, self.tr("Saved"))
        self.refresh()

    def _show_stored_note(self, treatment_id: int, today: date) -> None:
        """The sliders back at today's stored scores, or at 0 when nothing is stored yet."""
        notes = self._session.symptom_notes(treatment_id)
        todays = next((n for n in notes if n.local_date == today), None)
        self.redness.setValue(todays.redness if todays else 0)
        self.discomfort.setValue(todays.discomfort if todays else 0)
        self._note_shown = todays
