"""A process killed with SIGKILL in the middle of a burst of writes loses no committed write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.store import Store
from tests.conftest import REPO

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.store import Store

    store = Store.open(Path(sys.argv[1]))
    i = 0
    while True:
        store.set_setting(f"burst.{i}", str(i))  # returns only after COMMIT
        print(i, flush=True)
        i += 1
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_kill_9_during_a_burst_of_writes_loses_no_committed_write(data_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert writer.stdout is not None
    acknowledged = -1
    for line in writer.stdout:
        acknowledged = int(line)
        if acknowledged >= 150:
            break
    writer.send_signal(signal.SIGKILL)
    # Every number printed before the kill was committed; drain what was printed in flight too.
    rest = writer.stdout.read()
    writer.wait(timeout=10)
    acknowledged = max([acknowledged, *(int(x) for x in rest.split())])
    assert acknowledged >= 150

    store = Store.open(data_dir)
    try:
        assert store.recovery is None
        for i in range(acknowledged + 1):
            assert store.get_setting(f"burst.{i}") == str(i), f"write {i} lost"
    finally:
        store.close()
