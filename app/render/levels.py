"""How each warning level looks, wherever it is shown: its safety colour role, the colours of
that role in a palette, and its icon. Colour never carries the meaning alone: every surface
shows the level's word (from the pack) and this icon with it (DESIGN.md).

  emergency     the emergency red, and the warning triangle;
  call_today    the amber "caution" of "call the clinic", and the phone;
  office_hours  no safety colour (a plain border), and the clock;
  None          the check-in's "no call needed": the success green, and a tick.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.warnings import Level
from app.render.palette import Palette


@dataclass(frozen=True)
class Look:
    key: str  # the level's name, for tests, screenshots and style properties
    frame_role: str  # the stylesheet's box for the level (app.ui.theme)
    tone: str  # the word and title in the level's colour ("" for the text colour)
    icon: str  # a file in resources/icons


LOOKS: dict[Level | None, Look] = {
    Level.EMERGENCY: Look("emergency", "emergency", "emergency", "warning"),
    Level.CALL_TODAY: Look("call_today", "caution", "caution", "phone"),
    Level.OFFICE_HOURS: Look("office_hours", "calm", "", "clock"),
    None: Look("all_clear", "all-clear", "all-clear", "check-circle"),
}


@dataclass(frozen=True)
class LevelColours:
    border: str
    background: str
    tone: str  # the level's word, title and icon


def level_colours(level: Level | None, palette: Palette) -> LevelColours:
    p = palette
    if level is Level.EMERGENCY:
        return LevelColours(p.emergency, p.emergency_bg, p.emergency_text)
    if level is Level.CALL_TODAY:
        return LevelColours(p.caution_text, p.caution_bg, p.caution_text)
    if level is Level.OFFICE_HOURS:
        return LevelColours(p.border, p.background, p.text)
    return LevelColours(p.success, p.background, p.success)
