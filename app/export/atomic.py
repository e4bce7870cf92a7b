"""Writing a file in one step, so a failure never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

__all__ = ["place", "write_atomically"]

# Hard links are how "create, but never replace" is made atomic; these say the file system has
# none (FAT, some network shares), so the fallback checks first and then renames.
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def write_atomically(path: Path, data: bytes, *, mode: int = 0o600, replace: bool = True) -> None:
    """Write `data` to `path` in one step: into a new file in the same folder, then renamed
    over `path`. A failed write leaves `path` as it was and no temporary file behind; the
    OSError is raised again. The file gets `mode` whatever the umask: owner-only unless told
    otherwise, as it holds health data. With `replace=False` an existing `path` is never
    replaced (FileExistsError), even one that appears while writing."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            if os.name == "posix":
                os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        place(Path(temporary), path, replace=replace)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def place(temporary: Path, path: Path, *, replace: bool) -> None:
    """Move the finished file `temporary` to `path`, in the same folder. With `replace=False`
    an existing `path` is left alone and FileExistsError raised; `temporary` is then kept."""
    if replace:
        temporary.replace(path)
    else:
        _link(temporary, path)
    _sync_folder(path.parent)


def _link(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        temporary.replace(path)
    else:
        temporary.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut. POSIX only: Windows cannot open a folder."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # some file systems refuse fsync on a folder
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
