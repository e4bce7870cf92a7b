"""The one theme: colours from DESIGN.md, type sizes, and the stylesheet built from them.

Every screen uses these names (object names and dynamic properties), never its own colours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget, QWidget

# The colours live below the UI, where the printed handout finds them too.
from app.render.palette import DARK, HIGH_CONTRAST, LIGHT, PALETTES, Palette

# Body text sizes in px for the four text-size steps; headings scale from body in 1.25x steps.
TEXT_STEPS: tuple[int, ...] = (18, 22, 28, 36)
KIOSK_BODY_PX = 22
THEMES: tuple[str, ...] = ("light", "dark", "high-contrast")

__all__ = [
    "DARK",
    "HIGH_CONTRAST",
    "LIGHT",
    "PALETTES",
    "TEXT_STEPS",
    "THEMES",
    "Palette",
    "body_px",
    "calm_weekends",
    "fit_to_theme",
    "heading_px",
    "qt_palette",
    "stylesheet",
]


def body_px(text_step: int, kiosk: bool = False) -> int:
    step = min(max(text_step, 0), len(TEXT_STEPS) - 1)
    base = TEXT_STEPS[step]
    # Kiosk body text starts at 22 px and grows by the same ratio as the home steps.
    return round(base * KIOSK_BODY_PX / TEXT_STEPS[0]) if kiosk else base


def heading_px(body: int, level: int) -> int:
    """Level 1 is the largest: body x 1.25^(4 - level) gives 35/28/22 px over an 18 px body."""
    return round(body * 1.25 ** (4 - level))


def _theme_palette(theme: str, accent: str | None) -> Palette:
    p = PALETTES.get(theme, LIGHT)
    if accent and theme == "light":
        # A clinic's colour, already checked for contrast with white text and background
        # (app.domain.clinic); only the light theme, where that check holds.
        p = p._replace(primary=accent)
    return p


def qt_palette(theme: str, accent: str | None = None) -> QPalette:
    """The application palette: what the stylesheet cannot reach takes its colours from here,
    above all links in labels and text browsers (a stylesheet's `a { color }` does not reach a
    QTextDocument; Qt's own link blue is 2.1:1 on the dark background)."""
    p = _theme_palette(theme, accent)
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.background,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.background,
        QPalette.ColorRole.AlternateBase: p.surface,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.Button: p.background,
        QPalette.ColorRole.ButtonText: p.primary,
        QPalette.ColorRole.BrightText: p.text,
        QPalette.ColorRole.Highlight: p.highlight,
        QPalette.ColorRole.HighlightedText: p.on_highlight,
        QPalette.ColorRole.ToolTipBase: p.surface,
        QPalette.ColorRole.ToolTipText: p.text,
        QPalette.ColorRole.PlaceholderText: p.secondary,
        QPalette.ColorRole.Link: p.primary,
        QPalette.ColorRole.LinkVisited: p.primary,  # a visited link is still the same link
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    # Disabled (locked) text: the secondary colour, 4.5:1 and more on background and surface.
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.secondary))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(p.surface))
    return palette


def calm_weekends(calendar: QCalendarWidget) -> None:
    """Weekend days in the normal text colour: Qt draws them red, and red means safety here."""
    from PySide6.QtCore import Qt  # here: the Qt namespace costs ~17 ms before the first frame
    from PySide6.QtGui import QTextCharFormat

    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, QTextCharFormat())


def fit_to_theme(root: QWidget) -> None:
    """What the stylesheet cannot do alone, for every field under `root`: a combo box's list
    drawn by a delegate that reads the sheet (Qt's default one ignores `::item`, so the chosen
    row showed no highlight), and calendars without red weekends. Call once when a screen is
    built; calling again changes nothing."""
    # Here, not at the top: each of these Qt classes builds its Python enums when first named,
    # and the first frame (which imports this module) shows none of them.
    from PySide6.QtWidgets import QCalendarWidget, QComboBox, QDateTimeEdit, QStyledItemDelegate

    for combo in root.findChildren(QComboBox):
        if not isinstance(combo.itemDelegate(), QStyledItemDelegate):
            combo.setItemDelegate(QStyledItemDelegate(combo))
    for field in root.findChildren(QDateTimeEdit):
        if field.calendarPopup():
            calm_weekends(field.calendarWidget())
    for calendar in root.findChildren(QCalendarWidget):
        calm_weekends(calendar)


def stylesheet(
    theme: str,
    text_step: int,
    kiosk: bool = False,
    accent: str | None = None,
    icons: str = "",
) -> str:
    """`icons`: the icons folder as a URL path, for the tick drawn in ticked boxes."""
    p = _theme_palette(theme, accent)
    body = body_px(text_step, kiosk)
    tick = "black" if p.on_primary.upper() in ("#000000", "#12181B") else "white"
    h1, h2, h3 = heading_px(body, 1), heading_px(body, 2), heading_px(body, 3)
    target = 48 if kiosk else 40  # minimum touch target height in px
    sheet = f"""
QWidget {{ font-size: {body}px; color: {p.text}; background: {p.background}; }}
QMainWindow, QDialog, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {p.background};
}}
QLabel {{ background: transparent; }}
QLabel[role="h1"] {{ font-size: {h1}px; font-weight: 600; }}
QLabel[role="h2"] {{ font-size: {h2}px; font-weight: 600; }}
QLabel[role="h3"] {{ font-size: {h3}px; font-weight: 600; }}
QLabel[role="secondary"] {{ color: {p.secondary}; }}
QFrame[role="caution"] {{
    background: {p.caution_bg}; border-radius: 8px; border: 2px solid {p.caution_text};
}}
QLabel[role="caution-text"] {{ color: {p.caution_text}; background: transparent; }}
QFrame[role="emergency"] {{
    background: {p.emergency_bg}; border-radius: 8px; border: 2px solid {p.emergency};
}}
QLabel[role="emergency-text"] {{ color: {p.emergency_text}; background: transparent; }}
QFrame[role="calm"] {{
    background: {p.background}; border-radius: 8px; border: 2px solid {p.border};
}}
QFrame[role="all-clear"] {{
    background: {p.background}; border-radius: 8px; border: 2px solid {p.success};
}}
/* The check-in card's word and title: the level's colour, at any size role. */
QLabel[tone="emergency"] {{ color: {p.emergency_text}; }}
QLabel[tone="caution"] {{ color: {p.caution_text}; }}
QLabel[tone="all-clear"] {{ color: {p.success}; }}
QFrame[role="card"] {{ background: {p.surface}; border-radius: 12px; }}
QFrame[role="banner"] {{ background: {p.highlight}; border-bottom: 2px solid {p.primary}; }}
QFrame[role="banner"] QLabel {{ color: {p.on_highlight}; background: transparent; }}
QFrame#checklistRow {{ background: {p.background}; border-radius: 8px; }}
QFrame#checklistRow QLabel {{ background: transparent; }}
QCheckBox#checklistItem {{ min-height: 40px; padding: 0; spacing: 0; }}
QCheckBox#checklistItem::indicator {{ width: 32px; height: 32px; }}
QAbstractSpinBox {{
    min-height: {target}px; padding: 4px 8px; border: 2px solid {p.border}; border-radius: 8px;
    background: {p.background}; color: {p.text};
}}
QProgressBar {{
    border: 2px solid {p.border}; border-radius: 8px; background: {p.surface}; color: {p.text};
    min-height: 36px; text-align: center;
}}
QProgressBar::chunk {{ background: {p.highlight}; border-radius: 6px; }}
QTabBar::tab {{
    padding: 10px 20px; min-height: {target}px; color: {p.text}; background: transparent;
    border: none; border-bottom: 4px solid transparent;
}}
QTabBar::tab:selected {{ border-bottom: 4px solid {p.primary}; font-weight: 600; }}
QPushButton[role="tab"] {{
    padding: 10px 16px; color: {p.text}; background: transparent; border: none;
    border-bottom: 4px solid transparent; border-radius: 0;
}}
QPushButton[role="tab"]:checked {{ border-bottom: 4px solid {p.primary}; font-weight: 600; }}
QTabWidget::pane {{ border: none; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QListWidget#navRail {{
    background: {p.surface}; border: none; outline: none; padding: 8px;
}}
QListWidget#navRail::item {{
    color: {p.text}; padding: 12px 16px; margin: 4px 0; border-radius: 8px;
    min-height: {target}px; border-left: 4px solid transparent;
}}
QListWidget#navRail::item:selected {{
    background: {p.highlight}; color: {p.on_highlight}; border-left: 4px solid {p.primary};
    font-weight: 600;
}}
QPushButton, QToolButton {{
    min-height: {target}px; padding: 8px 20px; border-radius: 8px;
    border: 2px solid {p.primary}; color: {p.primary}; background: {p.background};
}}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton[role="choice"] {{ min-height: 48px; padding: 8px 16px; }}
QPushButton[role="choice"]:checked {{
    background: {p.primary}; color: {p.on_primary}; font-weight: 600;
}}
QPushButton:disabled, QPushButton[role="primary"]:disabled {{
    color: {p.secondary}; border-color: {p.secondary}; background: {p.surface};
}}
QRadioButton, QCheckBox {{
    min-height: {target}px; spacing: 12px; padding: 0 8px; border: 3px solid transparent;
    border-radius: 8px;
}}
QRadioButton::indicator, QCheckBox::indicator {{
    width: 24px; height: 24px; border: 2px solid {p.border}; background: {p.background};
}}
QCheckBox::indicator {{ border-radius: 6px; }}
/* Round: a radius of half the outer size (24 + 2 x 2 px); more than half draws a square. */
QRadioButton::indicator {{ border-radius: 14px; }}
/* Ticked: filled and with a tick (or a filled dot), so the state never rests on colour. */
QCheckBox::indicator:checked {{
    background: {p.primary}; border-color: {p.primary}; image: url({icons}/check-{tick}.svg);
}}
QRadioButton::indicator:checked {{
    background: {p.primary}; border-color: {p.primary}; image: url({icons}/dot-{tick}.svg);
}}
QPlainTextEdit, QTextBrowser, QLineEdit, QComboBox {{
    background: {p.background}; color: {p.text}; border: 2px solid {p.border}; border-radius: 8px;
    padding: 4px 8px;
}}
QComboBox {{ min-height: {target}px; padding: 4px 12px; }}
QComboBox QAbstractItemView {{
    background: {p.background}; color: {p.text}; border: 2px solid {p.border}; outline: none;
    selection-background-color: {p.highlight}; selection-color: {p.on_highlight};
}}
QComboBox QAbstractItemView::item {{ min-height: {target}px; padding: 0 12px; }}
QComboBox QAbstractItemView::item:selected {{
    background: {p.highlight}; color: {p.on_highlight};
}}
/* Borderless, with room kept for the focus ring so focus does not move the text. */
QTextBrowser#screenView {{ border: 3px solid transparent; }}
QListWidget#contentsList {{ border: 3px solid transparent; background: {p.background}; }}
QListWidget#contentsList::item {{
    padding: 12px; margin: 4px 0; border-radius: 8px; background: {p.surface}; color: {p.text};
}}
QListWidget#contentsList::item:selected {{ background: {p.highlight}; color: {p.on_highlight}; }}
"""
    sheet += _widget_rules(p, target, body, icons) + (_kiosk_rules(p, body) if kiosk else "")
    return sheet + _focus_rules(p)  # last: a focused tile or primary button keeps its ring


def _kiosk_rules(p: Palette, body: int) -> str:
    """The kiosk's own parts: the top bar, the start tiles, the attract slides, the overlays.
    Sizes for reading at arm's length and touching with a finger (48 px and more)."""
    title, lead = heading_px(body, 1) + 8, heading_px(body, 3)
    return f"""
QFrame#kioskBar {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
QFrame#kioskBar QLabel {{ background: transparent; }}
QLabel[role="kiosk-bar-name"] {{ font-size: {lead}px; font-weight: 600; }}
QLabel[role="kiosk-bar-text"] {{ color: {p.text}; }}
QLabel[role="kiosk-title"] {{ font-size: {title}px; font-weight: 600; }}
QLabel[role="kiosk-lead"] {{ font-size: {lead}px; }}
QLabel[role="kiosk-value"] {{ font-size: {lead}px; font-weight: 600; }}
QLabel[role="kiosk-prompt"] {{
    font-size: {lead}px; font-weight: 600; color: {p.on_primary}; background: {p.primary};
    border-radius: 16px; padding: 16px 32px;
}}
QPushButton[role="tile"] {{
    background: {p.surface}; color: {p.text}; border: 2px solid {p.border}; border-radius: 16px;
    padding: 0; text-align: left;
}}
QPushButton[role="tile"]:pressed {{ background: {p.highlight}; color: {p.on_highlight}; }}
QPushButton[role="stepper"], QPushButton[role="key"] {{ font-size: {lead}px; font-weight: 600; }}
QPushButton[role="segment"] {{ min-height: 56px; }}
QPushButton[role="segment"]:checked {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton {{ min-height: 56px; }}
QFrame#kioskOverlay {{ background: rgba(0, 0, 0, 150); }}
QFrame#kioskOverlayCard {{
    background: {p.background}; border-radius: 16px; border: 2px solid {p.border};
}}
QFrame#kioskOverlayCard QLabel {{ background: transparent; }}
QLabel[role="caution-text"] {{ color: {p.caution_text}; font-weight: 600; }}
QScrollBar:vertical {{ width: 48px; }}
QScrollBar:horizontal {{ height: 48px; }}
QScrollBar::handle:vertical {{ min-height: 96px; }}
QScrollBar::handle:horizontal {{ min-width: 96px; }}
"""


def _widget_rules(p: Palette, target: int, body: int, icons: str) -> str:
    """Qt's own widgets in the theme: dialogs, popups, fields and their arrows, the calendar,
    sliders, scroll bars, and what a locked (disabled) field looks like."""
    ink = "black" if p.text.upper() == LIGHT.text else "white"  # arrows in the text colour
    arrow = max(24, round(body * 0.9))  # grows with the text: the drawn chevron is 60 % of it
    return f"""
QMessageBox, QInputDialog, QFileDialog, QProgressDialog {{ background: {p.background}; }}
QMessageBox QLabel {{ color: {p.text}; background: transparent; }}
QToolTip {{ background: {p.surface}; color: {p.text}; border: 2px solid {p.border}; }}
QMenu {{ background: {p.background}; color: {p.text}; border: 2px solid {p.border}; }}
QMenu::item {{ padding: 8px 24px; }}
QMenu::item:selected {{ background: {p.highlight}; color: {p.on_highlight}; }}
QComboBox::drop-down, QDateTimeEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: {arrow + 8}px;
    border: none;
}}
QComboBox::down-arrow, QDateTimeEdit::down-arrow, QAbstractSpinBox::down-arrow {{
    image: url({icons}/chevron-down-{ink}.svg); width: {arrow}px; height: {arrow}px;
}}
QAbstractSpinBox::up-arrow {{
    image: url({icons}/chevron-up-{ink}.svg); width: {arrow}px; height: {arrow}px;
}}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {arrow + 8}px; border: none; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled, QAbstractSpinBox:disabled {{
    background: {p.surface}; color: {p.secondary}; border: 2px dashed {p.secondary};
}}
QCalendarWidget QWidget {{ alternate-background-color: {p.surface}; }}
QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {p.surface}; }}
QCalendarWidget QToolButton {{
    min-height: {target}px; padding: 4px 8px; border: 2px solid transparent; color: {p.text};
    background: transparent;
}}
QCalendarWidget QToolButton::menu-indicator {{ image: none; width: 0; }}
QCalendarWidget QToolButton#qt_calendar_prevmonth {{
    qproperty-icon: url({icons}/chevron-left-{ink}.svg); qproperty-iconSize: 24px;
}}
QCalendarWidget QToolButton#qt_calendar_nextmonth {{
    qproperty-icon: url({icons}/chevron-right-{ink}.svg); qproperty-iconSize: 24px;
}}
QCalendarWidget QAbstractItemView {{
    background: {p.background}; color: {p.text}; outline: none;
    selection-background-color: {p.primary}; selection-color: {p.on_primary};
}}
QCalendarWidget QAbstractItemView:disabled {{ color: {p.secondary}; }}
QSlider {{ min-height: {target}px; }}
QSlider::groove:horizontal {{ height: 8px; background: {p.surface}; border: 2px solid {p.border};
    border-radius: 6px; }}
QSlider::sub-page:horizontal {{ background: {p.primary}; border-radius: 6px; }}
QSlider::handle:horizontal {{
    width: 28px; margin: -12px 0; border-radius: 16px; background: {p.primary};
    border: 2px solid {p.background};
}}
QScrollBar:vertical {{ width: 16px; background: {p.surface}; border: none; }}
QScrollBar:horizontal {{ height: 16px; background: {p.surface}; border: none; }}
QScrollBar::handle {{ background: {p.secondary}; border-radius: 6px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 40px; }}
QScrollBar::handle:horizontal {{ min-width: 40px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {p.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


# Every kind of widget that takes focus, each with its ring (checked by the theme tests).
FOCUS_SELECTORS: tuple[str, ...] = (
    "QPushButton:focus",
    "QToolButton:focus",
    "QLineEdit:focus",
    "QComboBox:focus",
    "QAbstractSpinBox:focus",
    "QCheckBox:focus",
    "QRadioButton:focus",
    "QTabBar::tab:focus",
    "QAbstractItemView:focus",
    "QTextBrowser:focus",
    "QPlainTextEdit:focus",
    "QSlider:focus",
)
FOCUS_RING_PX = 3


def _focus_rules(p: Palette) -> str:
    """A 3 px ring in the focus colour (3:1 and more against every background it sits on);
    buttons and tabs are also filled with the highlight, so focus shows by more than a line."""
    ring = f"border: {FOCUS_RING_PX}px solid {p.focus}"
    return f"""
{", ".join(FOCUS_SELECTORS)} {{ {ring}; outline: none; }}
QPushButton:focus, QToolButton:focus, QTabBar::tab:focus {{
    background: {p.highlight}; color: {p.on_highlight};
}}
QPushButton[role="primary"]:focus, QPushButton[role="choice"]:checked:focus,
QPushButton[role="segment"]:checked:focus {{
    background: {p.primary}; color: {p.on_primary}; {ring};
}}
QTabBar::tab:selected:focus, QPushButton[role="tab"]:checked:focus {{
    {ring}; border-bottom: 4px solid {p.primary};
}}
QListWidget#navRail:focus {{ {ring}; border-radius: 8px; }}
QTextBrowser#screenView:focus, QListWidget#contentsList:focus {{ {ring}; }}
"""
