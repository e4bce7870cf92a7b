"""Unhandled exceptions: log a safe report and show it in a dialog the user can copy from."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from app.logs import log_unhandled

ShowDialog = Callable[[str], None]


def _show_modal(report: str) -> None:
    from app.ui.error_dialog import ErrorDialog  # loaded only when something went wrong

    ErrorDialog(report).exec()


def install_excepthook(show: ShowDialog = _show_modal) -> None:
    """Route every unhandled exception (including those raised in Qt slots) to log + dialog."""
    previous = sys.excepthook
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        report = log_unhandled(exc_type, exc, tb)
        if showing:  # an error inside the dialog itself must not open dialogs forever
            return
        showing = True
        try:
            show(report)
        finally:
            showing = False

    sys.excepthook = hook
