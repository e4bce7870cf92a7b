"""The rotating log file in the data folder, and crash reports that never carry patient text.

Policy: log events, ids, counts and exception types with their stack frames. Never log text the
patient typed, and never an exception's message (it can quote input), so a log can be shared with
the clinic or the makers without exposing anyone.
"""

from __future__ import annotations

import logging
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
    """Start collecting log records for the file in `data_dir`; start_file_logging() writes them."""
    folder = log_dir(data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    _remove_our_handlers(root)
    buffer = _StartupBuffer(path)
    buffer._companion = True  # type: ignore[attr-defined]
    root.addHandler(buffer)
    root.setLevel(logging.INFO)
    return path


def start_file_logging() -> None:
    """Open the rotating log file and write what was buffered. Does nothing the second time."""
    root = logging.getLogger()
    buffer = next((h for h in root.handlers if isinstance(h, _StartupBuffer)), None)
    if buffer is None:
        return
    from logging.handlers import RotatingFileHandler

    handler = RotatingFileHandler(
        buffer.path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._companion = True  # type: ignore[attr-defined]
    root.removeHandler(buffer)
    root.addHandler(handler)
    for record in buffer.records:
        handler.handle(record)


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
