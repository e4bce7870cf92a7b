"""One running copy per data folder: a second launch brings the first window forward and exits.

A QLockFile in the data folder decides who is first (it notices a lock left by a crashed process);
a QLocalServer named after the data folder lets the second copy ask the first to show itself.
SQLite's own locking would keep the data safe anyway; this keeps two windows from disagreeing.
QtNetwork is imported only when needed: the first copy listens once its window is up, so the
common start pays nothing for it before the first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
RAISE_MESSAGE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = QCryptographicHash.hash(
        str(data_dir.resolve()).encode("utf-8"), QCryptographicHash.Algorithm.Sha256
    )
    return f"microneedling-companion-{bytes(digest.toHex().data()).decode()[:16]}"


class SingleInstance(QObject):
    """acquire() True: we are first, call listen() when ready. False: the first copy was told."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / "companion.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def acquire(self, wait_ms: int = 3000) -> bool:
        if self._lock.tryLock(200):
            return True
        from PySide6.QtNetwork import QLocalSocket

        # Another copy holds the lock. It may still be starting: retry the call for a while.
        socket = QLocalSocket()
        elapsed = 0
        while elapsed < wait_ms:
            socket.connectToServer(self._name)
            if socket.waitForConnected(250):
                socket.write(RAISE_MESSAGE)
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                log.info("another copy is running; asked it to come forward")
                return False
            elapsed += 250
            if self._lock.tryLock(0):  # the other copy ended meanwhile
                return True
        log.warning("another copy holds the lock but does not answer")
        return False

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)  # a socket file left by a crash would block listen
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.warning("could not listen for other copies: %s", server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            if socket.bytesAvailable():
                self._on_ready(socket)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_MESSAGE.strip()):
            self.activation_requested.emit()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
