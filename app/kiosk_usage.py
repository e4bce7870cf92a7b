"""The kiosk's usage counts on disk: one small file beside the clinic config (opt-in with
`[kiosk] usage_counts = true`; what is counted and why so little: docs/kiosk.md).

The kiosk calls `UsageCounter`'s methods as a visit goes; with the option off it gets the base
class, which does nothing and writes nothing. `FileUsageCounter` keeps one visit's steps in a
`VisitTally` (no order, no times), adds its totals to the day's in memory when the visit ends,
and writes only after FLUSH_AFTER_VISITS visits have ended, and at exit. So the file never
changes while someone is at the screen, and the difference between two versions of it covers
several visitors, not one. A file that cannot be read, parsed or written is logged (the file's
path and the reason, nothing about a visitor) and the kiosk carries on counting in memory.

No Qt here: `kiosk-stats` reads the same file without starting a GUI.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from app.domain.clock import Clock
from app.domain.input_files import KIB, RefusedFile, read_regular_file
from app.domain.usage_counts import (
    LEARN_PREFIX,
    Counts,
    VisitTally,
    add_day,
    merged,
    parse,
    pruned,
    serialize,
)
from app.export.atomic import write_atomically

log = logging.getLogger(__name__)

FILE_NAME = "usage-counts.json"
DAMAGED_NAME = "usage-counts.damaged.json"  # the one copy of a damaged file, kept for staff
MAX_FILE_BYTES = 512 * KIB  # 400 days of a few dozen counters is well under 100 KiB
FLUSH_AFTER_VISITS = 5
_Plan = TypeVar("_Plan")


def counts_path(clinic_config: Path) -> Path:
    """Where the counts of the kiosk that uses `clinic_config` are kept: in the same folder."""
    return clinic_config.absolute().parent / FILE_NAME


def read_counts(path: Path) -> tuple[Counts, list[str]]:
    """The counts in the file at `path` and what was wrong with it. A missing file is no
    counts and no problem; a file that cannot be read raises OSError or RefusedFile."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES, what="a usage counts file")
    except FileNotFoundError:
        return {}, []
    return parse(data)


class UsageCounter:
    """What the kiosk tells about a visit. This base counts nothing: usage counts are off."""

    def visit_started(self) -> None:
        """A visitor touched the attract loop."""

    def screen_viewed(self, screen_id: str) -> None:
        """A kiosk area was shown: "start", "learn", "preview" or "warning"."""

    def learn_screen_viewed(self, screen_id: str) -> None:
        """A screen of Learn (its id in the content pack) was shown."""
        self.screen_viewed(LEARN_PREFIX + screen_id)

    def preview_made(self) -> None:
        """Preview my recovery showed a plan."""

    def qr_shown(self) -> None:
        """The take-home view, with its QR code, was shown."""

    def printed(self) -> None:
        """A handout was sent to the printer."""

    def visit_ended(self) -> None:
        """The kiosk went back to the attract loop."""

    def close(self) -> None:
        """The kiosk is stopping."""

    def counting_prints(self, print_plan: Callable[[_Plan], bool]) -> Callable[[_Plan], bool]:
        """`print_plan`, counting each plan it sends to the printer."""

        def counted(plan: _Plan) -> bool:
            sent = print_plan(plan)
            if sent:
                self.printed()
            return sent

        return counted


class FileUsageCounter(UsageCounter):
    """Counts per day, kept in the file at `path` (see the module's docstring)."""

    def __init__(
        self, path: Path, clock: Clock, zone: ZoneInfo, flush_after: int = FLUSH_AFTER_VISITS
    ) -> None:
        self.path = path
        self._clock = clock
        self._zone = zone
        self._flush_after = flush_after
        self._visit: VisitTally | None = None
        self.pending: Counts = {}  # ended visits not yet in the file
        self._pending_visits = 0
        self._failing = False  # the last write failed: say so once, not after every visit

    def _today(self) -> date:
        return self._clock.now().astimezone(self._zone).date()

    def _tally(self) -> VisitTally:
        if self._visit is None:  # a step outside a visit (never expected): give it a visit
            self.visit_started()
        assert self._visit is not None
        return self._visit

    def visit_started(self) -> None:
        self.visit_ended()
        self._visit = VisitTally(self._today().isoformat())

    def screen_viewed(self, screen_id: str) -> None:
        self._tally().screens.add(screen_id)

    def preview_made(self) -> None:
        self._tally().previews += 1

    def qr_shown(self) -> None:
        self._tally().qr_codes += 1

    def printed(self) -> None:
        self._tally().prints += 1

    def visit_ended(self) -> None:
        if self._visit is None:
            return
        visit, self._visit = self._visit, None
        add_day(self.pending, visit.day, visit.totals())
        self._pending_visits += 1
        if self._pending_visits >= self._flush_after:
            self.flush()

    def close(self) -> None:
        self.visit_ended()
        self.flush()

    def flush(self) -> bool:
        """Add the pending counts to the file. True when they are in it (or there were none)."""
        if not self.pending:
            return True
        try:
            stored, problems = read_counts(self.path)
        except (OSError, RefusedFile) as error:
            # Unreadable is not empty: writing now could replace counts we cannot see.
            self._fail(f"cannot read it ({_reason(error)})")
            return False
        if problems:
            log.warning(
                "usage counts file %s is damaged (%s); its readable counts are kept and the "
                "file is copied to %s",
                self.path,
                "; ".join(problems[:3]),
                DAMAGED_NAME,
            )
            with contextlib.suppress(OSError):
                write_atomically(self.path.with_name(DAMAGED_NAME), self.path.read_bytes())
        counts = pruned(merged(stored, self.pending), self._today())
        try:
            write_atomically(self.path, serialize(counts), mode=0o600)
        except OSError as error:
            self._fail(f"cannot write it ({_reason(error)})")
            return False
        if self._failing:
            log.info("usage counts saved to %s again", self.path)
        self._failing = False
        self.pending = {}
        self._pending_visits = 0
        return True

    def _fail(self, why: str) -> None:
        if not self._failing:
            log.warning(
                "usage counts file %s: %s; the kiosk carries on and keeps counting in memory, "
                "and tries again after the next visits",
                self.path,
                why,
            )
        self._failing = True


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def usage_counter(
    clinic_config: Path | None, enabled: bool, clock: Clock, zone: ZoneInfo
) -> UsageCounter:
    """The kiosk's counter: a FileUsageCounter only when the clinic config turns counts on."""
    if not enabled or clinic_config is None:
        return UsageCounter()
    path = counts_path(clinic_config)
    log.info("usage counts on: per day, in %s", path)
    return FileUsageCounter(path, clock, zone)
