"""The built-in content pack's protocol and English aftercare words, loaded once for the tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.domain.protocol import load_aftercare_text, load_protocol

PACK = Path(__file__).resolve().parents[2] / "resources" / "content" / "microneedling-acne-scars"
PROTOCOL = load_protocol(PACK / "protocol.toml")
TEXT = load_aftercare_text(PACK / "en" / "aftercare.toml", PROTOCOL)

# Treatments at 16:00 local the day before a clock change, as (zone, treated, makeup ends,
# sun protection ends), all naive local wall times. Makeup is 24 real hours, so it ends an
# hour later or earlier on the wall; sun protection is 14 calendar days, so it ends at 16:00.
CLOCK_CHANGE_CASES: list[tuple[str, datetime, datetime, datetime]] = [
    # New York: forward on 2026-03-08, back on 2026-11-01.
    ("America/New_York", datetime(2026, 3, 7, 16), datetime(2026, 3, 8, 17),
     datetime(2026, 3, 21, 16)),
    ("America/New_York", datetime(2026, 10, 31, 16), datetime(2026, 11, 1, 15),
     datetime(2026, 11, 14, 16)),
    # London: forward on 2026-03-29, back on 2026-10-25.
    ("Europe/London", datetime(2026, 3, 28, 16), datetime(2026, 3, 29, 17),
     datetime(2026, 4, 11, 16)),
    ("Europe/London", datetime(2026, 10, 24, 16), datetime(2026, 10, 25, 15),
     datetime(2026, 11, 7, 16)),
    # Sydney, southern hemisphere: back on 2026-04-05, forward on 2026-10-04.
    ("Australia/Sydney", datetime(2026, 4, 4, 16), datetime(2026, 4, 5, 15),
     datetime(2026, 4, 18, 16)),
    ("Australia/Sydney", datetime(2026, 10, 3, 16), datetime(2026, 10, 4, 17),
     datetime(2026, 10, 17, 16)),
]  # fmt: skip
