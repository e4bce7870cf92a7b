"""Check the built-in content pack and write its snapshot (app.domain.pack_snapshot).

Run by `make` before the app, the tests and the bundle need it; exits 1, naming every problem,
when the built-in pack is not clean, so a broken pack never ships.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.pack_snapshot import SnapshotError, write_snapshot
from app.render.content_provider import builtin_pack_folder


def main() -> int:
    try:
        written = write_snapshot(builtin_pack_folder())
    except SnapshotError as error:
        print(f"The built-in content pack has problems; no snapshot written:\n{error}")
        return 1
    print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
