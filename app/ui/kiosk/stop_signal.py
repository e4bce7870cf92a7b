"""`systemctl stop` and a shutdown send SIGTERM: the kiosk then closes as if staff had closed it,
so what it holds in memory (the usage counts of the last few visits) is saved, not dropped.

Python runs a signal handler only between its own bytecodes, and Qt's event loop runs in C++,
so the signal also writes a byte to a socket (signal.set_wakeup_fd) that a QSocketNotifier
watches: that wakes Python at once. POSIX only; Windows has no SIGTERM to send to a GUI app.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier, QTimer


def close_on_sigterm(close: Callable[[], None]) -> Callable[[], None]:
    """Call `close` in the event loop when SIGTERM arrives; returns what undoes this."""
    if os.name != "posix":
        return lambda: None
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:  # the byte only wakes Python; the handler below does the work
        with contextlib.suppress(OSError):
            while reader.recv(64):
                pass

    notifier.activated.connect(drain)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: QTimer.singleShot(0, close))

    def undo() -> None:
        signal.signal(signal.SIGTERM, previous)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()

    return undo
