"""The small API the rest of the app uses to read and write patient data. The only writer.

Everything here is plain Python values in and out; no caller sees SQL or a cursor.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.store import backups, recovery
from app.store.connection import (
    DATABASE_NAME,
    BackupProblem,
    Now,
    Opened,
    _utc_now,
    checkpoint,
    open_database,
)
from app.store.errors import StoreUnavailable, StoreWriteError, describe, write_kind
from app.store.recovery import Recovery

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SymptomNote:
    local_date: date
    redness: int  # 0 to 10
    discomfort: int  # 0 to 10


CHECKIN_SYMPTOMS = ("redness", "swelling", "pain")
CHECKIN_NOTE_MAX = 2000  # characters; the table checks it too


@dataclass(frozen=True)
class CheckInRecord:
    """One day's skin check-in. A symptom missing from `scores` was not answered, and a
    question in neither `yes` nor `no` was not answered."""

    local_date: date
    scores: Mapping[str, int] = field(default_factory=dict)  # symptom -> 0 none ... 3 severe
    yes: frozenset[str] = frozenset()  # the pack's red-flag question ids answered "yes"
    no: frozenset[str] = frozenset()
    note: str = ""
    updated_at: datetime | None = None  # set by the store when read back


@dataclass(frozen=True)
class TreatmentRecord:
    id: int
    treated_at: datetime  # aware, UTC
    zone: str
    overrides: Mapping[str, Any]


def _to_text(instant: datetime) -> str:
    if instant.tzinfo is None:
        raise ValueError("a stored instant must carry a time zone")
    return instant.astimezone(UTC).isoformat(timespec="seconds")


def _from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


class Store:
    """One open patient database. Create with Store.open(data_dir).

    Store.open raises DatabaseTooNew and StoreUnavailable; every write raises StoreWriteError
    when the disk or the file refuses it, after rolling it back.
    """

    def __init__(self, opened: Opened, now: Now = _utc_now) -> None:
        self._conn = opened.conn
        self.path = opened.path
        # A repair to tell the patient about; it is told again at each start until acknowledged.
        self.recovery: Recovery | None = opened.recovery
        # A backup could not be made: a warning, the data itself is fine.
        self.backup_problem: BackupProblem | None = opened.backup_problem
        self._now = now

    @classmethod
    def open(cls, data_dir: Path, now: Now = _utc_now) -> Store:
        """Raises DatabaseTooNew or StoreUnavailable; callers never see SQLite's own errors."""
        try:
            return cls(open_database(data_dir / DATABASE_NAME, now), now)
        except (sqlite3.Error, OSError) as error:
            # Whatever the checks did not name: the files are as they were (open_database
            # changes nothing it cannot finish), so it is told as trouble reading the disk.
            raise StoreUnavailable("io_error", data_dir, type(error).__name__) from error

    def acknowledge_recovery(self) -> None:
        """The patient has seen the message about the repair; do not show it again."""
        if self.recovery is not None:
            recovery.acknowledge(self.path)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file and empty it, so a -wal file holds only the latest
        writes. Raises StoreWriteError when the disk or the file refuses (the WAL then simply
        stays, and SQLite still reads it)."""
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as error:
            raise StoreWriteError(write_kind(error, self.path.parent) or "io_error") from error

    def close(self) -> None:
        # After a clean exit no -wal remains to be damaged: everything is in the main file.
        checkpoint(self._conn)  # best effort: a failure is logged, closing goes on
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed whole, or rolled back whole. A failure of the disk or the
        file (or of SQLite itself) becomes StoreWriteError(kind); anything else is raised as
        it is."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._roll_back()
                raise
            self._conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as error:
            self._roll_back()
            # Not only a full disk or a read-only file: damage found mid-write must not crash
            # the window either. The patient sees "not saved", the log says why.
            kind = write_kind(error, self.path.parent) or "io_error"
            log.warning("a write was refused: %s (%s)", kind, describe(error))
            raise StoreWriteError(kind, describe(error)) from error

    def _roll_back(self) -> None:
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error as error:  # SQLite rolls back on its own when this fails
                log.warning("rollback failed (%s)", describe(error))

    def backup_now(self, label: str = "") -> Path:
        """A backup now; raises OSError or sqlite3.Error when it cannot be made."""
        return backups.take_backup(
            self._conn, backups.backups_dir_for(self.path), self._now(), label
        )

    # settings ---------------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # treatments -------------------------------------------------------------------------------

    def add_treatment(
        self, treated_at: datetime, zone: str, overrides: Mapping[str, Any] | None = None
    ) -> TreatmentRecord:
        encoded = json.dumps(dict(overrides or {}), sort_keys=True)
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO treatment (treated_at_utc, zone, overrides, created_at_utc) "
                "VALUES (?, ?, ?, ?)",
                (_to_text(treated_at), zone, encoded, _to_text(self._now())),
            )
            new_id = cursor.lastrowid
        assert new_id is not None
        return self.treatment(new_id)

    def update_treatment(
        self, treatment_id: int, treated_at: datetime, zone: str, overrides: Mapping[str, Any]
    ) -> TreatmentRecord:
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE treatment SET treated_at_utc = ?, zone = ?, overrides = ? WHERE id = ?",
                (
                    _to_text(treated_at),
                    zone,
                    json.dumps(dict(overrides), sort_keys=True),
                    treatment_id,
                ),
            )
            if cursor.rowcount != 1:
                raise KeyError(treatment_id)
        return self.treatment(treatment_id)

    def delete_treatment(self, treatment_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM treatment WHERE id = ?", (treatment_id,))

    def treatment(self, treatment_id: int) -> TreatmentRecord:
        row = self._conn.execute(
            "SELECT id, treated_at_utc, zone, overrides FROM treatment WHERE id = ?",
            (treatment_id,),
        ).fetchone()
        if row is None:
            raise KeyError(treatment_id)
        return self._treatment_from_row(row)

    def treatments(self) -> list[TreatmentRecord]:
        """All treatments, oldest first: the order of a series (session 1, 2, 3)."""
        rows = self._conn.execute(
            "SELECT id, treated_at_utc, zone, overrides FROM treatment ORDER BY treated_at_utc, id"
        ).fetchall()
        return [self._treatment_from_row(row) for row in rows]

    @staticmethod
    def _treatment_from_row(row: tuple[Any, ...]) -> TreatmentRecord:
        return TreatmentRecord(int(row[0]), _from_text(row[1]), str(row[2]), json.loads(row[3]))

    # checklist marks --------------------------------------------------------------------------

    def set_mark(self, treatment_id: int, local_date: date, item_id: str, done: bool) -> None:
        with self._write() as conn:
            if done:
                conn.execute(
                    "INSERT OR REPLACE INTO checklist_mark "
                    "(treatment_id, local_date, item_id, marked_at_utc) VALUES (?, ?, ?, ?)",
                    (treatment_id, local_date.isoformat(), item_id, _to_text(self._now())),
                )
            else:
                conn.execute(
                    "DELETE FROM checklist_mark "
                    "WHERE treatment_id = ? AND local_date = ? AND item_id = ?",
                    (treatment_id, local_date.isoformat(), item_id),
                )

    def marks(self, treatment_id: int, local_date: date) -> set[str]:
        rows = self._conn.execute(
            "SELECT item_id FROM checklist_mark WHERE treatment_id = ? AND local_date = ?",
            (treatment_id, local_date.isoformat()),
        ).fetchall()
        return {str(row[0]) for row in rows}

    # symptom notes ----------------------------------------------------------------------------

    def save_symptoms(
        self, treatment_id: int, local_date: date, redness: int, discomfort: int
    ) -> None:
        """One note a day per treatment; saving again replaces that day's scores."""
        for name, score in (("redness", redness), ("discomfort", discomfort)):
            if not 0 <= score <= 10:
                raise ValueError(f"{name} is scored from 0 to 10, got {score}")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO symptom_note "
                "(treatment_id, local_date, redness, discomfort, saved_at_utc) "
                "VALUES (?, ?, ?, ?, ?)",
                (treatment_id, local_date.isoformat(), redness, discomfort, _to_text(self._now())),
            )

    def symptom_notes(self, treatment_id: int) -> list[SymptomNote]:
        """Every note of a treatment, oldest day first."""
        rows = self._conn.execute(
            "SELECT local_date, redness, discomfort FROM symptom_note "
            "WHERE treatment_id = ? ORDER BY local_date",
            (treatment_id,),
        ).fetchall()
        return [SymptomNote(date.fromisoformat(r[0]), int(r[1]), int(r[2])) for r in rows]

    # daily skin check-in ----------------------------------------------------------------------

    def save_checkin(self, treatment_id: int, record: CheckInRecord) -> None:
        """One check-in a day per treatment; saving again replaces that day's answers."""
        _check_checkin(record)
        scores = [record.scores.get(name) for name in CHECKIN_SYMPTOMS]
        with self._write() as conn:
            conn.execute(
                "INSERT INTO checkin (treatment_id, local_date, redness, swelling, pain, "
                "yes_answers, no_answers, note, updated_at_utc) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (treatment_id, local_date) DO UPDATE SET "
                "redness = excluded.redness, swelling = excluded.swelling, "
                "pain = excluded.pain, yes_answers = excluded.yes_answers, "
                "no_answers = excluded.no_answers, note = excluded.note, "
                "updated_at_utc = excluded.updated_at_utc",
                (
                    treatment_id,
                    record.local_date.isoformat(),
                    *scores,
                    json.dumps(sorted(record.yes)),
                    json.dumps(sorted(record.no)),
                    record.note,
                    _to_text(self._now()),
                ),
            )

    def checkin(self, treatment_id: int, local_date: date) -> CheckInRecord | None:
        row = self._conn.execute(
            f"SELECT {_CHECKIN_COLUMNS} FROM checkin WHERE treatment_id = ? AND local_date = ?",
            (treatment_id, local_date.isoformat()),
        ).fetchone()
        return None if row is None else _checkin_from_row(row)

    def checkins(self, treatment_id: int) -> list[CheckInRecord]:
        """Every check-in of a treatment, oldest day first."""
        rows = self._conn.execute(
            f"SELECT {_CHECKIN_COLUMNS} FROM checkin WHERE treatment_id = ? ORDER BY local_date",
            (treatment_id,),
        ).fetchall()
        return [_checkin_from_row(row) for row in rows]

    # reminders --------------------------------------------------------------------------------

    def claim_reminder(self, treatment_id: int, reminder_id: str) -> bool:
        """True the first time a reminder is claimed, False ever after: each shows once."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO reminder_shown (treatment_id, reminder_id, shown_at_utc) "
                "VALUES (?, ?, ?)",
                (treatment_id, reminder_id, _to_text(self._now())),
            )
            return cursor.rowcount == 1


_CHECKIN_COLUMNS = (
    "local_date, redness, swelling, pain, yes_answers, no_answers, note, updated_at_utc"
)


def _check_checkin(record: CheckInRecord) -> None:
    """Refuse what the table would refuse, with words a developer can act on. Never quotes
    the note: it is the patient's own text."""
    for name, score in record.scores.items():
        if name not in CHECKIN_SYMPTOMS:
            raise ValueError(f"unknown symptom {name!r}; expected one of {CHECKIN_SYMPTOMS}")
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 3:
            raise ValueError(f"{name} is scored from 0 (none) to 3 (severe)")
    if record.yes & record.no:
        raise ValueError("a question cannot be answered both yes and no")
    if len(record.note) > CHECKIN_NOTE_MAX:
        raise ValueError(f"a note holds at most {CHECKIN_NOTE_MAX} characters")


def _checkin_from_row(row: tuple[Any, ...]) -> CheckInRecord:
    scores = {
        name: int(value)
        for name, value in zip(CHECKIN_SYMPTOMS, row[1:4], strict=True)
        if value is not None
    }
    return CheckInRecord(
        local_date=date.fromisoformat(row[0]),
        scores=scores,
        yes=_ids(row[4]),
        no=_ids(row[5]),
        note=str(row[6]),
        updated_at=_from_text(row[7]),
    )


def _ids(text: str) -> frozenset[str]:
    """Question ids from their JSON array; a damaged value reads as no answers, not a crash."""
    try:
        value = json.loads(text)
    except ValueError:
        return frozenset()
    if not isinstance(value, list):
        return frozenset()
    return frozenset(item for item in value if isinstance(item, str))
