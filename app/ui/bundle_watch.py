"""Looking in the setup bundle folder from a running window: soon after start, then every ten
minutes, and when the window says it is between uses.

The look itself (app.fleet.watch.check_folder: reading a share, checking a signature,
unpacking) runs in a worker thread, so a slow or offline share never freezes the screen; its
result comes back to the window's thread through a queued signal. Only one look runs at a time.
Whether a newly applied bundle is put to use at once is the window's choice (`may_apply`):
the kiosk does so only at the idle reset between visits; the home window from its next start.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTimer, Signal

from app.fleet.startup import StartSetup
from app.fleet.status import FELL_BACK, BundleStatus

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_CHECK_MS = 3000  # after start: the first frame and the content come first


class BundleWatcher(QObject):
    applied = Signal(int)  # a newer bundle was applied (its version); it is in use from now on
    status_changed = Signal()  # a look finished (something may have been refused)
    _finished = Signal(object)  # from the worker thread: (applied version or None, status)

    def __init__(
        self,
        setup: StartSetup,
        interval_ms: int = CHECK_EVERY_MS,
        first_ms: int = FIRST_CHECK_MS,
        may_look: Callable[[], bool] = lambda: True,
        background: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._setup = setup
        self._may_look = may_look
        self._background = background
        self._busy = False
        self._finished.connect(self._on_finished)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)
        if setup.managed is not None and setup.state is not None:
            self.timer.start()
            QTimer.singleShot(first_ms, self, self.look)

    @property
    def managed(self) -> bool:
        return self._setup.managed is not None and self._setup.state is not None

    def look(self) -> bool:
        """Look in the folder now, unless a look is running or the window is in use; True when
        a look was started."""
        if not self.managed or self._busy or not self._may_look():
            return False
        self._busy = True
        if self._background:
            threading.Thread(target=self._work, name="setup-bundles", daemon=True).start()
        else:
            self._work()
        return True

    def _work(self) -> None:
        from app.fleet.watch import check_folder

        managed, state = self._setup.managed, self._setup.state
        assert managed is not None and state is not None
        try:
            result = check_folder(managed, state)
            outcome: tuple[int | None, BundleStatus | None] = (
                result.applied.version if result.applied else None,
                result.status,
            )
        except Exception:  # never let a look take the window down; the log says what happened
            log.exception("looking for setup bundles failed")
            outcome = (None, None)
        self._finished.emit(outcome)

    def _on_finished(self, outcome: tuple[int | None, BundleStatus | None]) -> None:
        self._busy = False
        version, _status = outcome
        self.status_changed.emit()
        if version is not None:
            self.applied.emit(version)


def _long_date(iso: str | None) -> str:
    """ "29 November 2026", on this computer's calendar. (No Qt.DateFormat here: the Qt
    namespace costs ~17 ms on first use, and Settings is built before the first frame.)"""
    try:
        when = datetime.fromisoformat((iso or "").replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso or ""
    return QLocale().toString(QDate(when.year, when.month, when.day), "d MMMM yyyy")


def status_text(status: BundleStatus, running: int | None) -> list[str]:
    """The status for staff, one line each; [] when this machine takes no bundles. `running`
    is the bundle this window started with, to say when a newer one waits for a restart.
    (Each message is written out in its translate call, where lupdate finds it.)"""
    if not status.managed:
        return []
    translate = QCoreApplication.translate
    if status.version is None:
        lines = [
            translate(
                "BundleStatus", "Setup bundles: none applied yet; this computer uses its own setup."
            )
        ]
    else:
        line = translate("BundleStatus", "Setup bundle {version} applied on {date}.").format(
            version=status.version, date=_long_date(status.applied_at)
        )
        if running != status.version:
            line += " " + translate("BundleStatus", "It is used from the next start of the app.")
        lines = [line]
    if (problem := status.last_problem) is not None:
        if problem.kind == FELL_BACK:
            text = translate("BundleStatus", "Bundle {version} was rolled back: {reason}")
        elif problem.version is None:
            text = translate("BundleStatus", "Bundle file {file} refused: {reason}")
        else:
            text = translate("BundleStatus", "Bundle {version} refused: {reason}")
        lines.append(text.format(version=problem.version, file=problem.file, reason=problem.reason))
    if status.folder_problem:
        lines.append(
            translate(
                "BundleStatus",
                "{problem}. The bundle in use stays; the app looks again in 10 minutes.",
            ).format(problem=status.folder_problem)
        )
    return lines
