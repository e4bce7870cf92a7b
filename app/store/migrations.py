"""The ordered list of schema migrations. Version N is the schema after MIGRATIONS[N - 1].

Never edit a released migration: add a new one. tests/store/fixtures holds a saved database of
every earlier version, and tests/store/test_migrations.py migrates each to the newest schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "settings",
        """
        CREATE TABLE setting (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "treatments and checklist marks",
        """
        CREATE TABLE treatment (
            id             INTEGER PRIMARY KEY,
            -- The instant, ISO 8601 in UTC; the zone is the patient's IANA zone name.
            treated_at_utc TEXT NOT NULL,
            zone           TEXT NOT NULL,
            -- Per-treatment protocol overrides as a JSON object, e.g. {"sweat": {"days": 5}}.
            overrides      TEXT NOT NULL DEFAULT '{}',
            created_at_utc TEXT NOT NULL
        );
        CREATE INDEX treatment_by_time ON treatment (treated_at_utc);
        CREATE TABLE checklist_mark (
            treatment_id  INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
            local_date    TEXT NOT NULL,
            item_id       TEXT NOT NULL,
            marked_at_utc TEXT NOT NULL,
            PRIMARY KEY (treatment_id, local_date, item_id)
        );
        """,
    ),
    Migration(
        3,
        "symptom notes and reminders already shown",
        """
        CREATE TABLE symptom_note (
            treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
            local_date   TEXT NOT NULL,
            redness      INTEGER NOT NULL CHECK (redness BETWEEN 0 AND 10),
            discomfort   INTEGER NOT NULL CHECK (discomfort BETWEEN 0 AND 10),
            saved_at_utc TEXT NOT NULL,
            PRIMARY KEY (treatment_id, local_date)
        );
        -- One row per reminder, so each is shown once even across restarts.
        CREATE TABLE reminder_shown (
            treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
            reminder_id  TEXT NOT NULL,
            shown_at_utc TEXT NOT NULL,
            PRIMARY KEY (treatment_id, reminder_id)
        );
        """,
    ),
    Migration(
        4,
        "daily skin check-in, with the old symptom notes carried over",
        """
        -- One check-in a day per treatment. A NULL score is "not answered", never "none"
        -- (0 none, 1 mild, 2 moderate, 3 severe). The red-flag answers are JSON arrays of the
        -- pack's question ids; a question in neither was not answered.
        CREATE TABLE checkin (
            treatment_id   INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
            local_date     TEXT NOT NULL,
            redness        INTEGER CHECK (redness BETWEEN 0 AND 3),
            swelling       INTEGER CHECK (swelling BETWEEN 0 AND 3),
            pain           INTEGER CHECK (pain BETWEEN 0 AND 3),
            yes_answers    TEXT NOT NULL DEFAULT '[]',
            no_answers     TEXT NOT NULL DEFAULT '[]',
            note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
            updated_at_utc TEXT NOT NULL,
            UNIQUE (treatment_id, local_date)
        );
        -- The 0-10 scales of version 3 in the four words: 0 none, 1-3 mild, 4-6 moderate,
        -- 7-10 severe, and "soreness or discomfort" was the pain question. Swelling was never
        -- asked. symptom_note stays as it was: the patient's own numbers are not thrown away.
        INSERT INTO checkin (treatment_id, local_date, redness, swelling, pain, updated_at_utc)
        SELECT treatment_id, local_date,
               CASE WHEN redness = 0 THEN 0 WHEN redness <= 3 THEN 1
                    WHEN redness <= 6 THEN 2 ELSE 3 END,
               NULL,
               CASE WHEN discomfort = 0 THEN 0 WHEN discomfort <= 3 THEN 1
                    WHEN discomfort <= 6 THEN 2 ELSE 3 END,
               saved_at_utc
        FROM symptom_note;
        """,
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def apply_pending(
    conn: sqlite3.Connection,
    before_each: Callable[[Migration, int], None],
    upto: int = SCHEMA_VERSION,
) -> list[int]:
    """Apply every migration after the file's version, each in its own transaction.

    `before_each(migration, current_version)` runs first (the caller takes a backup there).
    The version is written inside the same transaction, so a crash leaves either the old schema
    with the old version or the new schema with the new version, never a mix.
    """
    applied: list[int] = []
    for migration in MIGRATIONS[:upto]:
        current = user_version(conn)
        if migration.version <= current:
            continue
        before_each(migration, current)
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, respecting quotes and comments."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
