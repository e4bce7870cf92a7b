"""The rotating log file in the data folder, and crash reports that never carry patient text.

Policy: log events, ids, counts and exception types with their stack frames. Never log text the
patient typed, and never an exception's message (it can quote input), so a log can be shared with
the clinic or the makers without exposing anyone.
"""

from __future__ import annotations

import logging
import os
import sys
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

from app import version

LOG_NAME = "companion.log"
MAX_BYTES = 512 * 1024
BACKUP_COUNT = 3


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


class _StartupBuffer(logging.Handler):
    """Holds records until the log file is opened, just after the first frame is painted.

    Opening it needs logging.handlers (socket, pickle, queue: ~7 ms) that the first frame can
    do without; nothing is lost, because the buffer is written out first.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _remove_our_handlers(root: logging.Logger) -> None:
    for old in [h for h in root.handlers if getattr(h, "_companion", False)]:
        root.removeHandler(old)
        old.close()


def buffer_startup_logging(data_dir: Path) -> Path:
    """Start collecting log records for the file in `data_dir`; start_file_logging() writes them.

    A logs folder that cannot be made (read-only or full disk) is not an error here: the app
    then logs to stderr, and the start-up checks that follow tell the patient what is wrong."""
    folder = log_dir(data_dir)
    path = folder / LOG_NAME
    root = logging.getLogger()
    _remove_our_handlers(root)
    buffer = _StartupBuffer(path)
    buffer._companion = True  # type: ignore[attr-defined]
    root.addHandler(buffer)
    root.setLevel(logging.INFO)
    return path


def _private_open(path: str, encoding: str | None, errors: str | None) -> TextIOWrapper:
    """Open the log for appending, created 0600 whatever the umask; an older, looser log is
    tightened (it may have been written under a permissive umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, 0o600)
        return os.fdopen(descriptor, "a", encoding=encoding, errors=errors)
    except BaseException:
        os.close(descriptor)
        raise


def _private_rotating_handler(path: Path) -> logging.Handler:
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """Every file it makes, the log and each rotated copy, is 0600."""

        failed = False

        def _open(self) -> TextIOWrapper:
            return _private_open(self.baseFilename, self.encoding, self.errors)

        def handleError(self, record: logging.LogRecord) -> None:
            # A full disk fails every write: say so once, in one line, not a traceback each.
            if not self.failed and sys.stderr:
                kind = type(sys.exc_info()[1]).__name__
                print(f"the log file cannot be written ({kind})", file=sys.stderr)
            self.failed = True

    from app.paths import ensure_private_dir

    ensure_private_dir(path.parent)
    for older in path.parent.glob(f"{LOG_NAME}.*"):  # rotated by an older version
        if os.name == "posix" and older.is_file() and older.stat().st_mode & 0o077:
            older.chmod(0o600)
    return PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )


def start_file_logging() -> None:
    """Open the rotating log file and write what was buffered. Does nothing the second time.
    If the file cannot be opened (read-only folder, full disk) the records go to stderr."""
    root = logging.getLogger()
    buffer = next((h for h in root.handlers if isinstance(h, _StartupBuffer)), None)
    if buffer is None:
        return
    handler: logging.Handler
    try:
        handler = _private_rotating_handler(buffer.path)
    except OSError as error:
        # pythonw (the Windows GUI build) has no stderr: then there is nowhere to log.
        handler = logging.StreamHandler(sys.stderr) if sys.stderr else logging.NullHandler()
        unusable = f"the log file cannot be written ({type(error).__name__}); logging to stderr"
    else:
        unusable = ""
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._companion = True  # type: ignore[attr-defined]
    root.removeHandler(buffer)
    root.addHandler(handler)
    for record in buffer.records:
        handler.handle(record)
    if unusable:
        logging.getLogger(__name__).warning(unusable)


def setup_logging(data_dir: Path) -> Path:
    """Log to the rotating file in `data_dir` straight away (command-line tools, tests)."""
    path = buffer_startup_logging(data_dir)
    start_file_logging()
    return path


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """A report safe to copy and share: versions, exception type and where it happened."""
    import platform  # imported here: only a crash pays for it, not every start-up
    import traceback

    from PySide6 import __version__ as pyside_version

    lines = [
        f"Microneedling Companion {version()}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
        f"{exc_type.__module__}.{exc_type.__qualname__} (details left out: they may quote input)",
    ]
    for frame in traceback.extract_tb(tb):
        where = _short_path(frame.filename)
        lines.append(f'  File "{where}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    # Only the part from our package on: the rest would reveal the user's home folder name.
    parts = Path(filename).parts
    for anchor in ("app", "PySide6", "shiboken6"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return Path(filename).name


def log_unhandled(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    report = crash_report(exc_type, exc, tb)
    logging.getLogger("app.crash").error("unhandled exception\n%s", report)
    return report
