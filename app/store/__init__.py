"""The only code that speaks SQL: open, check, recover, migrate, back up, and a small repository."""

from app.store.connection import DATABASE_NAME, BackupProblem
from app.store.errors import StoreUnavailable, StoreWriteError
from app.store.health import DatabaseTooNew
from app.store.recovery import Recovery
from app.store.repository import CheckInRecord, Store, SymptomNote, TreatmentRecord

__all__ = [
    "DATABASE_NAME",
    "BackupProblem",
    "CheckInRecord",
    "DatabaseTooNew",
    "Recovery",
    "Store",
    "StoreUnavailable",
    "StoreWriteError",
    "SymptomNote",
    "TreatmentRecord",
]
