"""Where "now" comes from, so tests, previews and the kiosk demo can choose it.

Every clock speaks in aware UTC instants. Local time is a question for a plan, which knows the
patient's zone; a clock never guesses a zone, because the machine's zone need not be the
patient's (a laptop that travelled, a kiosk set to UTC).
"""

from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "FixedClock", "ManualClock", "SystemClock", "as_utc"]


def as_utc(instant: datetime, what: str = "instant") -> datetime:
    """The same instant in UTC. A naive datetime is refused: its meaning depends on a zone
    nobody stated, and guessing the machine's zone is how an hour goes missing."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {instant.isoformat()}")
    return instant.astimezone(UTC)


@runtime_checkable
class Clock(Protocol):
    """Anything that can say what time it is now, as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real time from the operating system."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock:
    """Always the same instant: for tests and for printing a handout "as of" a moment."""

    __slots__ = ("_instant",)

    def __init__(self, instant: datetime) -> None:
        self._instant = as_utc(instant, "FixedClock instant")

    def now(self) -> datetime:
        return self._instant

    def __repr__(self) -> str:
        return f"FixedClock({self._instant.isoformat()})"


class ManualClock:
    """A clock that only moves when told to: tests step through a recovery, and the preview
    screen lets clinic staff scrub to "day 5" to see what a patient would see then."""

    __slots__ = ("_instant",)

    def __init__(self, start: datetime) -> None:
        self._instant = as_utc(start, "ManualClock start")

    def now(self) -> datetime:
        return self._instant

    def set(self, instant: datetime) -> None:
        """Jump to `instant` (earlier or later); it must be aware."""
        self._instant = as_utc(instant, "ManualClock instant")

    def advance(self, step: timedelta) -> None:
        """Move by `step` of real elapsed time. A negative step moves back, which a preview
        scrubber needs; the clock itself has no notion of "forward only"."""
        self._instant = self._instant + step

    def __repr__(self) -> str:
        return f"ManualClock({self._instant.isoformat()})"
