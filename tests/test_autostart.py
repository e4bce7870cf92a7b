from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import autostart


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG autostart file")
def test_login_item_is_added_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = tmp_path / "autostart" / "microneedling-companion.desktop"
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    text = entry.read_text()
    assert "Exec=" in text and "-m app" in text
    autostart.set_enabled(False)
    assert not entry.exists() and not autostart.is_enabled()


def test_mac_login_item_runs_at_load() -> None:
    plist = autostart._mac_plist(["/Applications/App.app/Contents/MacOS/app"])
    assert "<key>RunAtLoad</key><true/>" in plist
    assert "/Applications/App.app/Contents/MacOS/app" in plist
