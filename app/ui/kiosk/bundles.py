"""Keeping a running kiosk on the newest setup bundle (docs/fleet.md).

The kiosk looks in the bundle folder only between visits (the attract loop showing, no staff
PIN pad open): soon after start, every ten minutes, and at each idle reset. A bundle applied
by such a look is put to use at once if the kiosk is still between visits, else at the next
reset: the kiosk window is built afresh from the new pack and clinic config, and the old one
closed. A visitor never sees the setup change under their finger. The staff PIN pad shows
the status in one line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from app.fleet.startup import StartSetup, current_status
from app.ui.bundle_watch import CHECK_EVERY_MS, FIRST_CHECK_MS, BundleWatcher, status_text
from app.ui.kiosk.shell import KioskWindow

log = logging.getLogger(__name__)


class KioskBundles(QObject):
    def __init__(
        self,
        window: KioskWindow,
        setup: StartSetup,
        rebuild: Callable[[], tuple[KioskWindow, StartSetup]],
        interval_ms: int = CHECK_EVERY_MS,
        first_ms: int = FIRST_CHECK_MS,
        background: bool = True,
    ) -> None:
        super().__init__()
        self.window = window
        self._running = setup.bundle_version
        self._rebuild = rebuild
        self.pending = False  # a bundle was applied; the window changes at the next reset
        self.watcher = BundleWatcher(
            setup, interval_ms, first_ms, self.between_visits, background, parent=self
        )
        self.watcher.applied.connect(self._on_applied)
        self.watcher.status_changed.connect(self._show_status)
        self._status_label: QLabel | None = None
        self._adopt(window)

    def between_visits(self) -> bool:
        return self.window.current() == "attract" and not self.window.pin_pad.isVisible()

    def _adopt(self, window: KioskWindow) -> None:
        self.window = window
        window.reset_done.connect(self._on_reset)
        self._status_label = None
        if self.watcher.managed:
            self._status_label = window.pin_pad.label("", "secondary")
            self._show_status()

    def _show_status(self) -> None:
        if self._status_label is not None:
            lines = status_text(current_status(), self._running)
            self._status_label.setText("\n".join(lines))

    def _on_reset(self) -> None:
        if self.pending:
            self.swap()
        else:
            self.watcher.look()

    def _on_applied(self, version: int) -> None:
        log.info("setup bundle %s applied; the kiosk uses it between visits", version)
        self.pending = True
        if self.between_visits():
            self.swap()

    def swap(self) -> None:
        """Build the kiosk again from the bundle now in use and close the old window."""
        self.pending = False
        old = self.window
        window, setup = self._rebuild()
        self._running = setup.bundle_version
        self._adopt(window)
        old.allow_close()
        old.close()
        old.deleteLater()
        log.info("kiosk now shows setup bundle %s", setup.bundle_version)
