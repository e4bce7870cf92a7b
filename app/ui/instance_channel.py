"""How a second copy asks the running one to come forward, without QtNetwork.

Two channels, both private to the user, both driven by the first copy's event loop:
- a Unix domain socket (Linux, macOS): Python's own `socket` module, watched with a
  QSocketNotifier. The caller (single_instance) picks a path in a folder only the user can enter
  and checks the socket's owner before talking to it.
- a request folder (Windows, where Python has no AF_UNIX): the second copy drops an empty file
  in a folder of the data folder (which only the user can reach) and waits for the first copy,
  which watches the folder with QFileSystemWatcher, to take it away.
Either way the second copy hears "yes, I will come forward" or times out. QtNetwork and its
Kerberos/OpenSSL stack (about 5 MB) stay out of the bundle.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QSocketNotifier, Signal

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)
RAISE_MESSAGE = b"raise\n"
ANSWER = b"ok\n"
ANSWER_WAIT_S = 3.0  # once connected: how long the answer may take (the first copy is busy)
REQUESTS_FOLDER = "raise-requests"
# Python has no AF_UNIX on Windows (CPython issue 77589). `socket` itself is imported only when
# needed: the first copy listens after its first frame, and a second copy is brief.
HAS_UNIX_SOCKETS = os.name == "posix"


# --- the socket -------------------------------------------------------------------------------


def ask_over_socket(address: str, timeout_ms: int) -> bool:
    """Ask the copy listening at `address` to come forward; True once it said it would."""
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(max(timeout_ms, 1) / 1000)
        try:
            client.connect(address)
            client.settimeout(ANSWER_WAIT_S)
            client.sendall(RAISE_MESSAGE)
            answer = b""
            while not answer.endswith(b"\n") and len(answer) < 16:
                chunk = client.recv(16)
                if not chunk:
                    break
                answer += chunk
        except OSError:  # not listening yet, a socket left by a crash, or gone meanwhile
            return False
    return answer == ANSWER


class SocketListener(QObject):
    """Listens on a Unix socket; `asked` when a caller sent the message (it has the answer)."""

    asked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._address = ""
        self._callers: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}

    def listen(self, address: str) -> bool:
        import socket

        # The caller holds the lock, so whatever is at our address was left by a crash of ours.
        with contextlib.suppress(FileNotFoundError):
            Path(address).unlink()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(address)
            Path(address).chmod(0o600)  # inside a 0700 folder already; owner-only all the same
            server.listen(8)
        except OSError as error:
            server.close()
            log.warning("could not listen for other copies: %s", error.strerror or error)
            return False
        server.setblocking(False)
        self._server, self._address = server, address
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def _accept(self) -> None:
        assert self._server is not None
        while True:
            try:
                caller, _ = self._server.accept()
            except OSError:  # BlockingIOError: nobody else is waiting
                return
            caller.setblocking(False)
            fd = caller.fileno()
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._callers[fd] = (caller, notifier, bytearray())
            notifier.activated.connect(lambda _=None, fd=fd: self._read(fd))
            self._read(fd)  # the message may be there already

    def _read(self, fd: int) -> None:
        if fd not in self._callers:
            return  # a notice that was already on its way when the caller was dropped
        caller, _, received = self._callers[fd]
        try:
            chunk = caller.recv(64)
        except BlockingIOError:
            return  # the rest of the line is still on its way
        except OSError:
            chunk = b""
        received += chunk
        if chunk and not received.endswith(b"\n") and len(received) < 64:
            return
        if bytes(received) == RAISE_MESSAGE:
            with contextlib.suppress(OSError):
                caller.send(ANSWER)  # a few bytes into an empty socket buffer: never blocks
            self.asked.emit()
        self._drop(fd)

    def _drop(self, fd: int) -> None:
        caller, notifier, _ = self._callers.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        caller.close()

    def close(self) -> None:
        for fd in list(self._callers):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                Path(self._address).unlink()


# --- the request folder -----------------------------------------------------------------------


def requests_folder(data_dir: Path) -> Path:
    return data_dir / REQUESTS_FOLDER


class Request:
    """A second copy's request to come forward: a file that the first copy takes away."""

    def __init__(self, data_dir: Path) -> None:
        self._folder = requests_folder(data_dir)
        self._file: Path | None = None

    def ask(self, timeout_ms: int) -> bool:
        """Leave the request (once) and wait up to `timeout_ms` for it to be taken."""
        if self._file is None:
            try:
                self._folder.mkdir(mode=0o700, exist_ok=True)
                name = f"{os.getpid()}-{os.urandom(4).hex()}.request"
                (self._folder / name).touch(mode=0o600, exist_ok=False)
            except OSError as error:
                log.warning("could not leave a request for the running copy: %s", error)
                return False
            self._file = self._folder / name
        deadline = time.monotonic() + timeout_ms / 1000
        while self._file.exists():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        self._file = None
        return True

    def withdraw(self) -> None:
        """Take an unanswered request back, so that no later start answers it."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.unlink()
            self._file = None


class RequestListener(QObject):
    """Watches the request folder; takes each request away and says `asked`."""

    asked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher: QFileSystemWatcher | None = None
        self._folder: Path | None = None

    def listen(self, data_dir: Path) -> bool:
        folder = requests_folder(data_dir)
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as error:
            log.warning("could not make the folder for other copies' requests: %s", error)
            return False
        self._folder = folder
        self._watcher = QFileSystemWatcher([str(folder)], self)
        self._watcher.directoryChanged.connect(self._take_requests)
        self._take_requests()  # requests left while we were starting
        return True

    def _take_requests(self) -> None:
        if self._folder is None:
            return
        taken = 0
        for request in self._folder.glob("*.request"):
            with contextlib.suppress(OSError):
                request.unlink()
                taken += 1
        if taken:
            self.asked.emit()

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        self._folder = None
