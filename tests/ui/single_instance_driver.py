"""The real SingleInstance in a tiny program with no window and no store, for the tests that
need real processes (races, a lock that cannot be made, another user).

    python tests/ui/single_instance_driver.py DATA_DIR LISTEN_AFTER_MS [WAIT_MS]

Prints the outcome ("first", "forwarded", "no answer", "cannot lock: <problem>"). A first copy
starts listening LISTEN_AFTER_MS later (never when negative, as if stuck before its window),
prints "brought forward" when a second copy asks, and then ends. With MNC_REQUEST_FILES=1 in
the environment it uses the request folder, as on Windows, instead of a Unix socket.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, when run directly

from app.ui import instance_channel
from app.ui.single_instance import WAIT_MS, Outcome, SingleInstance


def main() -> int:
    data, listen_after = Path(sys.argv[1]), int(sys.argv[2])
    wait_ms = int(sys.argv[3]) if len(sys.argv) > 3 else WAIT_MS
    if os.environ.get("MNC_REQUEST_FILES") == "1":
        instance_channel.HAS_UNIX_SOCKETS = False
    app = QCoreApplication(sys.argv[:1])
    instance = SingleInstance(data)
    outcome = instance.acquire(wait_ms)
    if outcome is not Outcome.FIRST:
        problem = f": {instance.problem.value}" if instance.problem else ""
        print(f"{outcome.value}{problem}", flush=True)
        return 0
    print("first", flush=True)

    def brought_forward() -> None:
        print("brought forward", flush=True)
        QTimer.singleShot(200, app.quit)  # time for the answer to go out

    instance.activation_requested.connect(brought_forward)
    if listen_after >= 0:
        QTimer.singleShot(listen_after, instance.listen)
    QTimer.singleShot(20_000, app.quit)  # never outlive a test that went wrong
    app.exec()
    instance.release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
