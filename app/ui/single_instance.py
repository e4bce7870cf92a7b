"""One running copy per data folder: a second launch brings the first window forward and exits.

A QLockFile in the data folder decides who is first (it notices a lock left by a crashed process).
The first copy then listens, once its window is up, where only its own user can reach it
(app/ui/instance_channel.py; no QtNetwork, so none of it is in the bundle):
- Linux and macOS: a Unix socket in the data folder, which is 0700. When that path is too long
  for a socket address (about 100 bytes), a hashed name in a 0700 folder of our own in
  $XDG_RUNTIME_DIR or the temp folder. Every folder is checked (ours, owner-only, not a link)
  and the second copy talks only to a socket owned by its own user.
- Windows (Python has no Unix sockets there): a request file in a folder of the data folder,
  which lives in the user's own profile; the first copy watches the folder and takes it away.
A second copy waits (up to WAIT_MS) while the first is still starting, and takes over if the
first one dies meanwhile. SQLite's locking would keep the data safe anyway; this keeps two
windows from disagreeing.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from app.ui import instance_channel
from app.ui.instance_channel import ANSWER, RAISE_MESSAGE

if TYPE_CHECKING:
    from app.ui.instance_channel import RequestListener, SocketListener

__all__ = ["ANSWER", "RAISE_MESSAGE", "LockProblem", "Outcome", "SingleInstance"]
log = logging.getLogger(__name__)
WAIT_MS = 10_000  # how long a second copy waits for a first copy that is slow to start
LOCK_NAME = "companion.lock"
SOCKET_NAME = "companion.sock"
# sockaddr_un.sun_path holds 108 bytes on Linux and 104 on macOS, with the final NUL; Qt's
# listen() also binds a sibling name first (a 6-letter folder and "/s"), which is shorter.
SOCKET_PATH_MAX = 100


class Outcome(Enum):
    FIRST = "first"  # we hold the lock: start, and call listen() when the window is up
    FORWARDED = "forwarded"  # the running copy was asked to come forward and said it would
    NO_ANSWER = "no answer"  # another copy holds the lock but did not answer in time
    CANNOT_LOCK = "cannot lock"  # the lock file cannot be made: see SingleInstance.problem


class LockProblem(Enum):
    READ_ONLY = "read-only"  # also: no permission to write there
    DISK_FULL = "disk full"
    OTHER = "other"


def _digest(text: str) -> str:
    # Imported here: only a data folder too deep for a socket path needs it, and hashlib loads
    # OpenSSL (~3.5 ms of every start when imported at the top).
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def is_private_dir(path: Path) -> bool:
    """A real folder (not a link) of ours that nobody else may enter."""
    try:
        found = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(found.st_mode)
        and found.st_uid == os.geteuid()
        and not stat.S_IMODE(found.st_mode) & 0o077
    )


def _short_name() -> str:
    # Short on purpose: the socket's whole path must fit in sun_path.
    return f"mnc-{os.geteuid()}"


def _short_private_folder() -> Path | None:
    """A private folder with a short path: ours in $XDG_RUNTIME_DIR (itself private), else in
    the temp folder. None when another user holds the name there."""
    import tempfile

    bases: list[Path] = []
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", ""))
    if runtime.is_absolute() and is_private_dir(runtime):
        bases.append(runtime)
    temp = Path(tempfile.gettempdir())
    if len(os.fsencode(temp / _short_name())) + 22 > SOCKET_PATH_MAX:
        temp = Path("/tmp")  # a $TMPDIR too long for a socket must not leave us without one
    bases.append(temp)
    for base in bases:
        folder = base / _short_name()
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            continue
        try:
            found = os.lstat(folder)
            if stat.S_ISDIR(found.st_mode) and found.st_uid == os.geteuid():
                folder.chmod(0o700)  # ours: whatever the umask made of it
        except OSError:
            continue
        # "/" and a 16-letter name with ".sock" follow.
        if is_private_dir(folder) and len(os.fsencode(folder)) + 22 <= SOCKET_PATH_MAX:
            return folder
    return None


def server_address(data_dir: Path) -> str | None:
    """Where the first copy listens for `data_dir`: a socket path or a pipe name that only this
    user can use. None when no such place exists (then a second copy cannot reach the first)."""
    data_dir = data_dir.resolve()
    if not instance_channel.HAS_UNIX_SOCKETS:
        # The request folder in the data folder, which is the user's own (Windows).
        return str(instance_channel.requests_folder(data_dir))
    in_data = data_dir / SOCKET_NAME
    if len(os.fsencode(in_data)) <= SOCKET_PATH_MAX and is_private_dir(data_dir):
        return str(in_data)
    folder = _short_private_folder()
    return None if folder is None else str(folder / f"{_digest(str(data_dir))}.sock")


def _is_our_socket(address: str) -> bool:
    """True when `address` is a socket file owned by this user."""
    try:
        found = os.lstat(address)
    except OSError:
        return False
    return stat.S_ISSOCK(found.st_mode) and found.st_uid == os.geteuid()


def lock_problem(folder: Path) -> LockProblem:
    """Why nothing can be written in `folder`: found by trying, since QLockFile only says
    "permission" or "unknown"."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return LockProblem.DISK_FULL
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return LockProblem.READ_ONLY
    return LockProblem.OTHER


class SingleInstance(QObject):
    """acquire() says whether we are first (call listen() when ready) or what else happened."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = data_dir
        self._address: str | None = None  # found when first needed: it may make a folder
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._listener: SocketListener | RequestListener | None = None
        self._request: instance_channel.Request | None = None  # a second copy's, kept meanwhile
        self.problem: LockProblem | None = None  # set with Outcome.CANNOT_LOCK

    def acquire(self, wait_ms: int = WAIT_MS) -> Outcome:
        try:
            return self._acquire(wait_ms)
        finally:
            if self._request is not None:  # answered, or no longer needed
                self._request.withdraw()
                self._request = None

    def _acquire(self, wait_ms: int) -> Outcome:
        deadline = time.monotonic() + wait_ms / 1000
        while True:
            if self._lock.tryLock(0):  # also takes over a lock whose process has died
                self._tighten_lock()
                return Outcome.FIRST
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                self.problem = lock_problem(self._folder)
                log.error("cannot create the lock file (%s)", self.problem.value)
                return Outcome.CANNOT_LOCK
            address = self._find_address()
            if address is None:
                log.warning("another copy is running; there is no private place to reach it")
                return Outcome.NO_ANSWER
            left_ms = int((deadline - time.monotonic()) * 1000)
            if self._ask(address, max(min(left_ms, 500), 50)):
                log.info("another copy is running; asked it to come forward")
                return Outcome.FORWARDED
            if time.monotonic() >= deadline:
                log.warning("another copy holds the lock but does not answer")
                return Outcome.NO_ANSWER
            time.sleep(0.05)  # its socket is not there yet: it is still starting

    def _ask(self, address: str, timeout_ms: int) -> bool:
        if not instance_channel.HAS_UNIX_SOCKETS:
            if self._request is None:
                self._request = instance_channel.Request(self._folder)
            return self._request.ask(timeout_ms)
        if not _is_our_socket(address):
            return False  # not there yet, or not ours: never talk to another user's socket
        return instance_channel.ask_over_socket(address, timeout_ms)

    def _find_address(self) -> str | None:
        if self._address is None:
            self._address = server_address(self._folder)
        return self._address

    def _tighten_lock(self) -> None:
        # QLockFile creates the file 0666 & ~umask; it holds a process id and a host name.
        if os.name == "posix":
            try:
                Path(self._lock.fileName()).chmod(0o600)
            except OSError:
                log.warning("could not make the lock file owner-only")

    def listen(self) -> None:
        address = self._find_address()
        if address is None:
            log.warning("no private place to listen for other copies")
            return
        listener: SocketListener | RequestListener
        # Connected first: requests left while we were starting are answered inside listen().
        if instance_channel.HAS_UNIX_SOCKETS:
            listener = instance_channel.SocketListener(self)
            listener.asked.connect(self.activation_requested)
            listening = listener.listen(address)
        else:
            listener = instance_channel.RequestListener(self)
            listener.asked.connect(self.activation_requested)
            listening = listener.listen(self._folder)
        if not listening:
            listener.deleteLater()
            return
        self._listener = listener

    def release(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener.deleteLater()
            self._listener = None
        self._lock.unlock()
