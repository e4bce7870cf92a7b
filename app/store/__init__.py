"""The only code that speaks SQL: open, check, recover, migrate, back up, and a small repository."""

from app.store.connection import DATABASE_NAME, Recovery
from app.store.errors import StoreWriteError
from app.store.health import DatabaseTooNew
from app.store.repository import CheckInRecord, Store, SymptomNote, TreatmentRecord

__all__ = [
    "DATABASE_NAME",
    "CheckInRecord",
    "DatabaseTooNew",
    "Recovery",
    "Store",
    "StoreWriteError",
    "SymptomNote",
    "TreatmentRecord",
]
