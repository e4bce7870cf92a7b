"""The theme's colours (DESIGN.md), as data: the window's stylesheet (app.ui.theme) and the
printed handout (app.export) both take them from here.

Red and amber mean safety and nothing else: `emergency*` is only for the emergency level, and
`caution*` only for "call the clinic".
"""

from __future__ import annotations

from typing import NamedTuple


class Palette(NamedTuple):  # NamedTuple, not a frozen dataclass: cheaper to define at start-up
    background: str
    surface: str
    text: str
    secondary: str
    primary: str
    on_primary: str
    highlight: str
    on_highlight: str
    success: str
    on_success: str
    caution_text: str
    caution_bg: str
    emergency: str
    on_emergency: str
    emergency_bg: str
    emergency_text: str  # emergency-coloured text on emergency_bg
    border: str
    focus: str


LIGHT = Palette(
    background="#FFFFFF", surface="#F4F7F8", text="#1F2A30", secondary="#4A5A63",
    primary="#0B6E74", on_primary="#FFFFFF", highlight="#DDF1F1", on_highlight="#1F2A30",
    success="#2E7D32", on_success="#FFFFFF", caution_text="#8A5300", caution_bg="#FFF4E0",
    emergency="#B00020", on_emergency="#FFFFFF", emergency_bg="#FDECEE", emergency_text="#B00020",
    border="#4A5A63", focus="#1F2A30",
)  # fmt: skip
DARK = Palette(
    background="#12181B", surface="#1B2328", text="#E8EEF0", secondary="#A9B8BF",
    primary="#5FC4C9", on_primary="#12181B", highlight="#1F3A3C", on_highlight="#E8EEF0",
    success="#81C784", on_success="#12181B", caution_text="#FFB86B", caution_bg="#1B2328",
    emergency="#FF8A80", on_emergency="#12181B", emergency_bg="#1B2328", emergency_text="#FF8A80",
    border="#A9B8BF", focus="#E8EEF0",
)  # fmt: skip
# High contrast: focus is blue, 3:1 and more on both the black page and the yellow fills
# (highlight, primary), so a focused yellow button, or a button on the yellow banner, shows it.
HIGH_CONTRAST = Palette(
    background="#000000", surface="#000000", text="#FFFFFF", secondary="#FFFFFF",
    primary="#FFFF00", on_primary="#000000", highlight="#FFFF00", on_highlight="#000000",
    success="#FFFF00", on_success="#000000", caution_text="#FFFF00", caution_bg="#000000",
    emergency="#FFFF00", on_emergency="#000000", emergency_bg="#000000", emergency_text="#FFFF00",
    border="#FFFFFF", focus="#5080FF",
)  # fmt: skip
PALETTES = {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}
