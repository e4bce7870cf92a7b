"""The built-in content pack's protocol and English aftercare words, loaded once for the tests."""

from __future__ import annotations

from pathlib import Path

from app.domain.protocol import load_aftercare_text, load_protocol

PACK = Path(__file__).resolve().parents[2] / "resources" / "content" / "microneedling-acne-scars"
PROTOCOL = load_protocol(PACK / "protocol.toml")
TEXT = load_aftercare_text(PACK / "en" / "aftercare.toml", PROTOCOL)
