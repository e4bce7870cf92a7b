"""Screenshots of the daily skin check-in with each card (emergency, call today, office hours,
no call needed), in every theme, at the normal and the largest text size, for looking at (not
committed): clipped words, colours, the icon beside each word.

Usage: QT_QPA_PLATFORM=offscreen python build_scripts/checkin_screenshots.py [OUT_FOLDER]
Files: OUT/<theme>-<text step>-<card>.png (the whole check-in, history and all) and
OUT/<theme>-<text step>-<card>-window.png (the window, scrolled to the card).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import CheckInRecord, Store
from app.ui.application import build_home_window, create_application
from app.ui.preferences import Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import TEXT_STEPS, THEMES

TREATED = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo("America/New_York"))
# card: (day, earlier days' scores, today's clicks)
SCENES: dict[str, tuple[int, dict[int, dict[str, int]], dict[str, str]]] = {
    "emergency": (
        3,
        {1: {"redness": 2}, 2: {"redness": 2}},
        {"redness": "2", "very-unwell": "yes"},
    ),
    "call_today": (5, {3: {"redness": 1}, 4: {"redness": 1}}, {"redness": "2", "fever": "yes"}),
    "office_hours": (16, {14: {"redness": 1}}, {"redness": "1", "swelling": "0", "pain": "0"}),
    "all_clear": (3, {1: {"redness": 2, "pain": 1}}, {"redness": "1", "pain": "1", "fever": "no"}),
}


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, theme: str, step: int, scene: str, out: Path) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="mnc-checkin-shots-"))
    store = Store.open(scratch)
    try:
        prefs = Preferences(store)
        prefs.set_theme(theme)
        prefs.set_text_step(step)
        content = ContentProvider()
        content.load()
        content.clinic_name = "Riverside Skin Clinic"
        content.clinic_phone = "020 7946 0000"
        content.clinic_after_hours_phone = "020 7946 0999"
        content.region = "GB"
        day, earlier, clicks = SCENES[scene]
        now = TREATED.astimezone(UTC) + timedelta(days=day - 1, hours=2)
        session = RecoverySession(store, content, ManualClock(now))
        treatment = session.add(TREATED, "America/New_York")
        for earlier_day, scores in earlier.items():
            when = date(2026, 3, 7) + timedelta(days=earlier_day - 1)
            note = "Warm after the shower." if earlier_day == min(earlier) else ""
            session.save_checkin(treatment.id, CheckInRecord(when, scores, note=note))
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        window = build_home_window(app, prefs, content, scratch, None, settings, session)
        window.resize(1280, 800)
        window.show()
        window.go_to("recovery")
        settle(app)
        area = window.area_widget("recovery")
        assert isinstance(area, RecoveryArea)
        panel = area.today.checkin
        for key, value in clicks.items():
            rows = panel.symptoms if key in panel.symptoms else panel.questions
            rows[key].buttons[value].click()
        settle(app)
        assert panel.card.level_key == scene, (scene, panel.card.level_key)
        name = f"{theme}-{step}-{scene}"
        panel.grab().save(str(out / f"{name}.png"))
        area.today.ensureWidgetVisible(panel.card, 0, 24)
        settle(app)
        window.grab().save(str(out / f"{name}-window.png"))
        print(out / f"{name}.png")
        window.close()
    finally:
        store.close()
        shutil.rmtree(scratch, ignore_errors=True)  # the scratch data folder, not the shots


def main() -> int:
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")):
        print(__doc__, file=sys.stderr)  # an option is not a folder to fill with pictures
        return 2
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/checkin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    for theme in THEMES:
        for step in (0, len(TEXT_STEPS) - 1):
            for scene in SCENES:
                shoot(app, theme, step, scene, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
