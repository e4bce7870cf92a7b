"""The daily skin check-in on Today: nothing chosen until the patient chooses, the right card for
the answers (on the tests' own rules, tests/checkin_model.py), the note kept across a
restart and out of the log, the past days with their trend, and the summary for the clinic."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.logs import setup_logging
from app.render.content_provider import ContentProvider
from app.store import CheckInRecord, Store, StoreWriteError
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checkin import CheckInPanel
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT
from tests.checkin_model import make_warnings

NEW_YORK = "America/New_York"
TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(NEW_YORK))  # day 1 is 7 March
SENTINEL = "SENTINEL-NOTE-4f1c: itchy near 12 Secret Lane"


def day_date(day: int) -> date:
    return date(2026, 3, 7) + timedelta(days=day - 1)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TREATED.astimezone(UTC) + timedelta(hours=2))


@pytest.fixture
def content(content: ContentProvider, monkeypatch: pytest.MonkeyPatch) -> ContentProvider:
    """The shared provider with the tests' warning model, a clinic and the UK as region."""
    warnings = make_warnings()
    monkeypatch.setattr(content, "warnings", lambda: warnings)
    monkeypatch.setattr(content, "region", "GB")
    monkeypatch.setattr(content, "clinic_name", "Skin Clinic")
    monkeypatch.setattr(content, "clinic_phone", "020 7946 0000")
    monkeypatch.setattr(content, "clinic_after_hours_phone", "020 7946 0999")
    return content


@pytest.fixture
def session(store: Store, content: ContentProvider, clock: ManualClock) -> RecoverySession:
    session = RecoverySession(store, content, clock)
    session.add(TREATED, NEW_YORK)
    return session


@pytest.fixture
def chosen_files() -> list[Path]:
    return []


@pytest.fixture
def area(
    qtbot: QtBot, session: RecoverySession, chosen_files: list[Path]
) -> Iterator[RecoveryArea]:
    widget = RecoveryArea(
        session, lambda: LIGHT, choose_file=lambda *_: str(chosen_files[0]) if chosen_files else ""
    )
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    yield widget


def panel_on(area: RecoveryArea, clock: ManualClock, day: int) -> CheckInPanel:
    clock.set(TREATED.astimezone(UTC) + timedelta(days=day - 1, hours=2))
    area.refresh()
    return area.today.checkin


def answer(panel: CheckInPanel, answers: dict[str, str]) -> None:
    """{"redness": "2", "hot": "yes"}: click each answer as a patient would."""
    for key, value in answers.items():
        rows = panel.symptoms if key in panel.symptoms else panel.questions
        rows[key].buttons[value].click()


def all_buttons(panel: CheckInPanel) -> list[QPushButton]:
    rows = [*panel.symptoms.values(), *panel.questions.values()]
    return [button for row in rows for button in row.buttons.values()]


def test_nothing_is_chosen_at_first_and_no_card_shows(
    area: RecoveryArea, clock: ManualClock, store: Store, session: RecoverySession
) -> None:
    panel = panel_on(area, clock, 2)
    assert panel.title.text() == "Your skin today"
    assert list(panel.symptoms) == ["redness", "swelling", "pain"]
    assert list(panel.questions) == ["breath", "hot", "spots"]
    assert not any(button.isChecked() for button in all_buttons(panel))
    assert all(row.value() is None for row in panel.symptoms.values())
    assert not panel.card.isVisibleTo(area)
    assert store.checkins(session.records()[0].id) == []


def test_every_choice_is_large_named_and_reachable_by_keyboard(
    qtbot: QtBot, area: RecoveryArea, clock: ManualClock
) -> None:
    panel = panel_on(area, clock, 2)
    names = {button.accessibleName() for button in all_buttons(panel)}
    assert {"Redness: None", "Redness: Mild", "Pain: Severe", "Is breathing hard? Yes"} <= names
    for button in all_buttons(panel):
        assert button.height() >= 48, button.accessibleName()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Space on the focused choice answers it, as a click would.
    mild = panel.symptoms["swelling"].buttons["1"]
    mild.setFocus()
    qtbot.keyClick(mild, Qt.Key.Key_Space)
    assert panel.symptoms["swelling"].value() == "1"
    assert panel.card.isVisibleTo(area) and panel.status.text() == "Saved ✓"


# day, today's answers, the previous check-in (day, answers) or None -> the card
CASES = [
    (1, {"hot": "yes"}, None, "call_today"),
    (1, {"redness": "1"}, None, "all_clear"),
    (2, {"pain": "3"}, None, "call_today"),
    (3, {"redness": "2"}, (2, {"redness": "1"}), "all_clear"),  # rising early is expected
    (4, {"swelling": "2"}, (3, {"swelling": "1"}), "all_clear"),  # day 4 is not after day 4
    (5, {"redness": "2"}, (4, {"redness": "1"}), "call_today"),  # worse after day 4
    (6, {"redness": "1"}, (5, {"redness": "2"}), "all_clear"),  # better
    (7, {"breath": "no", "hot": "no", "spots": "no"}, None, "all_clear"),
    (8, {"swelling": "2"}, (6, {"swelling": "0", "redness": "1"}), "call_today"),
    (9, {"redness": "1"}, (8, {"redness": "1"}), "all_clear"),  # lingering counts after day 9
    (10, {"redness": "1"}, (9, {"redness": "1"}), "office_hours"),
    (10, {"redness": "0"}, (9, {"redness": "1"}), "all_clear"),
    (11, {"pain": "1"}, (10, {"redness": "3"}), "all_clear"),  # not comparable: not worse
    (12, {"breath": "yes"}, None, "emergency"),
    (12, {"spots": "yes"}, None, "office_hours"),
    (13, {"redness": "1", "hot": "yes"}, (12, {"redness": "1"}), "call_today"),
    (14, {"pain": "3", "breath": "yes"}, None, "emergency"),
    (15, {"redness": "2"}, (13, {"redness": "2"}), "office_hours"),
]


@pytest.mark.parametrize(("day", "answers", "previous", "expected"), CASES)
def test_the_answers_lead_to_the_right_card(
    area: RecoveryArea,
    clock: ManualClock,
    session: RecoverySession,
    day: int,
    answers: dict[str, str],
    previous: tuple[int, dict[str, str]] | None,
    expected: str,
) -> None:
    if previous is not None:
        earlier, earlier_answers = previous
        scores = {k: int(v) for k, v in earlier_answers.items()}
        record = CheckInRecord(day_date(earlier), scores)
        session.save_checkin(session.records()[0].id, record)
    panel = panel_on(area, clock, day)
    answer(panel, answers)
    assert panel.card.isVisibleTo(area)
    assert panel.card.level_key == expected
    assert panel.card.property("level") == expected
    assert panel.card.icon.pixmap() is not None and not panel.card.icon.pixmap().isNull()
    assert panel.card.word.text()  # a word beside the icon, never colour alone


def test_each_card_says_what_to_do_whom_to_call_and_why(
    area: RecoveryArea, clock: ManualClock, session: RecoverySession, content: ContentProvider
) -> None:
    session.save_checkin(session.records()[0].id, CheckInRecord(day_date(5), {"redness": 1}))
    panel = panel_on(area, clock, 6)
    answer(panel, {"redness": "2"})
    card = panel.card
    assert (card.word.text(), card.title.text()) == ("Call today", "Phone Skin Clinic today")
    assert card.property("role") == "caution"
    assert card.reasons.lines() == ["Your redness got worse."]  # the symptom in lower case
    assert "020 7946 0000" in card.phone.text() and "Out of hours: 020 7946 0999" in (
        card.phone.text()
    )
    answer(panel, {"breath": "yes"})
    assert (card.word.text(), card.title.text()) == ("Emergency", "Dial 999 now")
    assert card.property("role") == "emergency"
    assert card.reasons.lines()[0] == "Breathing is hard."
    assert card.phone.text() == ""  # nothing beside the emergency number
    content.region = "ZZ"  # a region the pack has no number for: words, never a guess
    answer(panel, {"pain": "0"})
    assert card.title.text() == "Dial the local emergency line now"
    opened: list[bool] = []
    area.open_warning_signs.connect(lambda: opened.append(True))
    card.warning_button.click()
    assert opened == [True]


def test_the_note_and_answers_survive_a_restart(
    qtbot: QtBot,
    area: RecoveryArea,
    clock: ManualClock,
    content: ContentProvider,
    data_dir: Path,
) -> None:
    panel = panel_on(area, clock, 3)
    answer(panel, {"redness": "1", "spots": "no"})
    qtbot.keyClicks(panel.note, "Tingles a bit.")
    qtbot.waitUntil(lambda: panel.note_status.text() == "Saved ✓", timeout=3000)
    second = Store.open(data_dir)  # a second look at the same file, as after a restart
    try:
        again = RecoveryArea(RecoverySession(second, content, clock), lambda: LIGHT)
        qtbot.addWidget(again)
        reopened = again.today.checkin
        assert reopened.note.toPlainText() == "Tingles a bit."
        assert reopened.symptoms["redness"].value() == "1"
        assert reopened.questions["spots"].value() == "no"
        assert reopened.questions["hot"].value() is None  # unanswered stays unanswered
        assert reopened.symptoms["pain"].value() is None
    finally:
        second.close()


def test_a_note_typed_just_before_leaving_is_kept(
    qtbot: QtBot, area: RecoveryArea, clock: ManualClock, store: Store, session: RecoverySession
) -> None:
    panel = panel_on(area, clock, 2)
    panel.note.setPlainText("Typed, then the window closed.")
    area.hide()  # before the pause that saves it
    record = store.checkin(session.records()[0].id, day_date(2))
    assert record is not None and record.note == "Typed, then the window closed."


def test_a_long_note_is_cut_at_the_cap_with_a_plain_message(
    area: RecoveryArea, clock: ManualClock
) -> None:
    panel = panel_on(area, clock, 2)
    panel.note.setPlainText("x" * 2500)
    assert len(panel.note.toPlainText()) == 2000
    words = panel.note_status.text()
    assert "characters" in words and "2000" in re.sub(r"\D", "", words)  # however grouped


def test_the_note_never_reaches_the_log(
    qtbot: QtBot,
    area: RecoveryArea,
    clock: ManualClock,
    store: Store,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    log_file = setup_logging(data_dir)
    try:
        panel = panel_on(area, clock, 4)
        answer(panel, {"pain": "2"})
        panel.note.setPlainText(SENTINEL)
        qtbot.waitUntil(lambda: panel.note_status.text() == "Saved ✓", timeout=3000)

        # A failing write whose error quotes what was written: the app logs the kind only.
        def failing(treatment_id: int, record: CheckInRecord) -> None:
            cause = sqlite3.OperationalError(f"disk I/O error while writing {record.note}")
            raise StoreWriteError("io_error") from cause

        monkeypatch.setattr(store, "save_checkin", failing)
        panel.note.setPlainText(SENTINEL + " again")
        qtbot.waitUntil(lambda: panel.note_status.text().startswith("Not saved"), timeout=3000)
        answer(panel, {"pain": "3"})
        assert panel.status.text().startswith("Not saved")
    finally:
        for handler in logging.getLogger().handlers:
            handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "check-in not saved (io_error)" in logged  # the failure is in the log ...
    assert "SENTINEL" not in logged and "Secret Lane" not in logged  # ... the note is not
    assert "SENTINEL" not in caplog.text


def test_past_days_are_listed_with_their_level_and_a_trend(
    area: RecoveryArea, clock: ManualClock, session: RecoverySession
) -> None:
    treatment = session.records()[0].id
    session.save_checkin(treatment, CheckInRecord(day_date(1), {"redness": 2, "pain": 1}))
    session.save_checkin(
        treatment, CheckInRecord(day_date(2), {"redness": 1}, frozenset({"hot"}), note="Warm.")
    )
    session.save_checkin(treatment, CheckInRecord(day_date(4), {"redness": 0, "swelling": 1}))
    panel = panel_on(area, clock, 5)
    history = panel.history
    rows = [history.days.itemAt(i).widget() for i in range(history.days.count())]
    texts = [
        " | ".join(label.text() for label in row.findChildren(type(panel.title))) for row in rows
    ]
    assert [re.search(r"Day (\d+)", text).group(1) for text in texts] == ["4", "2", "1"]  # type: ignore[union-attr]
    assert "Redness: Moderate" in texts[2] and "Swelling: not answered" in texts[2]
    assert "Yes: Is the skin hot and spreading?" in texts[1] and "Note: Warm." in texts[1]
    assert "Call today" in texts[1] and "No call needed" in texts[0]
    redness = history.sparklines["redness"]
    assert redness.points == [(1, 2), (2, 1), (4, 0)]
    description = redness.accessibleDescription()
    assert "day 1: Moderate" in description and "day 4: None" in description
    # Today's answer joins the list at once.
    answer(panel, {"pain": "2"})
    assert history.days.count() == 4


def test_the_summary_for_the_clinic_has_every_day_and_the_note(
    area: RecoveryArea,
    clock: ManualClock,
    session: RecoverySession,
    chosen_files: list[Path],
    tmp_path: Path,
) -> None:
    from pypdf import PdfReader

    treatment = session.records()[0].id
    session.save_checkin(treatment, CheckInRecord(day_date(1), {"redness": 2}))
    session.save_checkin(
        treatment,
        CheckInRecord(day_date(3), {"pain": 3}, frozenset({"hot"}), note="Throbbing at night."),
    )
    chosen_files.append(tmp_path / "for-my-clinic.pdf")
    panel = panel_on(area, clock, 4)
    panel.history.pdf_button.click()
    assert panel.history.status.text().startswith("Saved to")
    reader = PdfReader(chosen_files[0])
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))
    assert "For Skin Clinic" in text and "7 March 2026" in text
    assert "Day 1" in text and "Redness: Moderate" in text
    assert "Day 3" in text and "Pain: Severe" in text
    assert "Yes: Is the skin hot and spreading?" in text
    assert "Call today. Phone Skin Clinic today" in text
    assert "Throbbing at night." in text
    assert (chosen_files[0].stat().st_mode & 0o777) == 0o600
