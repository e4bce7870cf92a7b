"""Qt's own widgets in the one theme: links, focus rings, dialogs, the calendar, radios and
locked fields, in light, dark and high contrast."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QStyledItemDelegate,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.paths import resource_path
from app.ui.application import apply_theme
from app.ui.contrast import contrast_ratio
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.screens.page import RowsBox
from app.ui.theme import (
    FOCUS_RING_PX,
    FOCUS_SELECTORS,
    PALETTES,
    calm_weekends,
    fit_to_theme,
    qt_palette,
    stylesheet,
)

# Every kind of widget that can take the keyboard focus.
FOCUSABLE = (
    "QPushButton",
    "QToolButton",
    "QLineEdit",
    "QComboBox",
    "QAbstractSpinBox",  # spin boxes, date and time fields
    "QCheckBox",
    "QRadioButton",
    "QTabBar::tab",
    "QAbstractItemView",  # lists and trees
    "QTextBrowser",
    "QPlainTextEdit",
    "QSlider",
)
# What a focused widget can sit on: the page, cards, the banner and the callouts.
GROUNDS = ("background", "surface", "highlight", "caution_bg", "emergency_bg")

Theme = Callable[[str, int], None]


@pytest.fixture
def themed(app_style: QApplication) -> Iterator[Theme]:
    """Applies a theme the way the app does (palette, then stylesheet); put back afterwards."""
    icons = resource_path("icons").as_posix()

    def apply(theme: str, step: int = 0) -> None:
        app_style.setPalette(qt_palette(theme))
        app_style.setStyleSheet(stylesheet(theme, step, icons=icons))

    yield apply


def _hex(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb).upper()


@pytest.mark.parametrize("theme", PALETTES)
def test_links_read_at_least_4_5_to_1_on_the_page_in_every_theme(theme: str) -> None:
    palette, page = qt_palette(theme), PALETTES[theme].background
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
        ratio = contrast_ratio(_hex(palette.color(role)), page)
        assert ratio >= 4.5, f"{theme}: {role.name} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", PALETTES)
def test_a_label_link_takes_the_theme_colour_not_qts_blue(
    qtbot: QtBot, themed: Theme, theme: str
) -> None:
    themed(theme, 0)
    label = QLabel('<a href="https://example.org">a link</a>')
    qtbot.addWidget(label)
    label.ensurePolished()
    assert _hex(label.palette().color(QPalette.ColorRole.Link)) == PALETTES[theme].primary


@pytest.mark.parametrize("theme", PALETTES)
def test_the_focus_ring_shows_3_to_1_on_everything_it_can_sit_on(theme: str) -> None:
    p = PALETTES[theme]
    for ground in GROUNDS:
        ratio = contrast_ratio(p.focus, getattr(p, ground))
        assert ratio >= 3, f"{theme}: focus on {ground} is {ratio:.2f}:1"


def _focus_rules(sheet: str) -> dict[str, str]:
    """Each `...:focus` selector of the sheet and the body of the rule it is in."""
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), "")
            rules[selector.strip()] += body
    return {s: b for s, b in rules.items() if s.endswith(":focus")}


@pytest.mark.parametrize("kiosk", [False, True])
@pytest.mark.parametrize("theme", PALETTES)
def test_every_focusable_widget_type_has_a_focus_ring_of_at_least_2px(
    theme: str, kiosk: bool
) -> None:
    sheet = stylesheet(theme, 0, kiosk=kiosk)
    rules = _focus_rules(sheet)
    focus = PALETTES[theme].focus
    for widget in FOCUSABLE:
        body = rules.get(f"{widget}:focus", "")
        widths = [int(w) for w in re.findall(rf"border:\s*(\d+)px solid {focus}", body)]
        assert widths and max(widths) >= 2, f"{widget} has no focus ring in {theme}"
    assert FOCUS_RING_PX >= 2 and set(FOCUS_SELECTORS) == {f"{w}:focus" for w in FOCUSABLE}
    # Last in the sheet, so no later rule (a kiosk tile, a primary button) takes the ring away.
    assert sheet.rstrip().endswith("}") and sheet.rfind(":focus") > sheet.rfind("[role=")


@pytest.mark.parametrize(
    "make",
    [
        lambda: QLineEdit("text"),
        # The named, borderless ones: an id rule outranks `QAbstractItemView:focus`.
        lambda: _named(QTextBrowser(), "screenView"),
        lambda: _named(QListWidget(), "contentsList"),
        lambda: _named(QListWidget(), "navRail"),
    ],
    ids=["line-edit", "learn-text", "learn-contents", "rail"],
)
@pytest.mark.parametrize("theme", PALETTES)
def test_a_focused_field_draws_its_ring_in_the_focus_colour(
    qtbot: QtBot, themed: Theme, theme: str, make: Callable[[], QWidget]
) -> None:
    themed(theme, 0)
    edit = make()
    qtbot.addWidget(edit)
    edit.resize(300, 60)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    image = edit.grab().toImage()
    # Inside the rounded corner: the middle of the left edge, one pixel in.
    assert _hex(image.pixelColor(1, image.height() // 2)) == PALETTES[theme].focus


@pytest.mark.parametrize("theme", PALETTES)
def test_a_message_box_paints_the_theme_background(qtbot: QtBot, themed: Theme, theme: str) -> None:
    themed(theme, 0)
    box = QMessageBox(QMessageBox.Icon.Question, "Delete?", "Delete this treatment?")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    for x, y in ((1, 1), (image.width() - 2, 1), (1, image.height() - 2)):
        assert _hex(image.pixelColor(x, y)) == PALETTES[theme].background
    box.done(0)


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    return widget


def _reddish(colour: QColor) -> bool:
    return colour.red() > 150 and colour.green() < 100 and colour.blue() < 100


@pytest.mark.parametrize("theme", PALETTES)
def test_weekends_in_the_calendar_are_not_red(qtbot: QtBot, themed: Theme, theme: str) -> None:
    themed(theme, 0)
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2026, 11, 4))  # a Wednesday: no weekend day is selected
    calm_weekends(calendar)
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        assert not _reddish(calendar.weekdayTextFormat(day).foreground().color())
    calendar.show()
    qtbot.waitExposed(calendar)
    image = calendar.grab().toImage()
    red = [
        (x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if _reddish(image.pixelColor(x, y))
    ]
    assert not red, f"{len(red)} red pixels in the {theme} calendar"


@pytest.mark.parametrize("theme", PALETTES)
def test_radio_buttons_are_round_with_a_dot_when_chosen(
    qtbot: QtBot, themed: Theme, theme: str
) -> None:
    sheet = stylesheet(theme, 0, icons=resource_path("icons").as_posix())
    [indicator] = re.findall(r"QRadioButton::indicator \{([^}]*)\}", sheet)
    [size] = {int(v) for v in re.findall(r"(?:width|height): (\d+)px", _indicator_box(sheet))}
    border = int(re.search(r"border: (\d+)px", _indicator_box(sheet)).group(1))  # type: ignore[union-attr]
    radius = int(re.search(r"border-radius: (\d+)px", indicator).group(1))  # type: ignore[union-attr]
    assert radius * 2 == size + 2 * border  # a circle: more than half would draw a square
    assert re.search(r"QRadioButton::indicator:checked \{[^}]*url\([^)]*/dot-", sheet)
    # Drawn: the corner of the indicator's box is the page, not the ring.
    themed(theme, 0)
    radio = QRadioButton("Normal")
    qtbot.addWidget(radio)
    radio.setChecked(True)
    radio.show()
    qtbot.waitExposed(radio)
    image = radio.grab().toImage()
    ring = [
        (x, y)
        for y in range(image.height())
        for x in range(40)
        if _hex(image.pixelColor(x, y)) == PALETTES[theme].primary
    ]
    assert ring
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    left, top = min(xs), min(ys)
    assert _hex(image.pixelColor(left, top)) != PALETTES[theme].primary  # the corner is cut


def _indicator_box(sheet: str) -> str:
    [box] = re.findall(r"QRadioButton::indicator, QCheckBox::indicator \{([^}]*)\}", sheet)
    return box


@pytest.mark.parametrize("theme", PALETTES)
def test_a_locked_field_looks_locked_and_its_text_reads_4_5_to_1(
    qtbot: QtBot, themed: Theme, theme: str
) -> None:
    p = PALETTES[theme]
    sheet = stylesheet(theme, 0)
    [locked] = re.findall(r"QLineEdit:disabled[^{]*\{([^}]*)\}", sheet)
    assert "dashed" in locked  # not only a colour: the border changes its kind
    assert contrast_ratio(p.secondary, p.surface) >= 4.5
    disabled = qt_palette(theme).color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert contrast_ratio(_hex(disabled), p.surface) >= 4.5
    themed(theme, 0)
    edit, open_edit = QLineEdit("Clinic name"), QLineEdit("Clinic name")
    edit.setEnabled(False)
    for widget in (edit, open_edit):
        qtbot.addWidget(widget)
        widget.resize(300, 60)
        widget.show()
        qtbot.waitExposed(widget)

    # The top edge, one pixel in: a line on the open field, dashes (with gaps) on the locked one.
    def edge(widget: QLineEdit) -> list[str]:
        image = widget.grab().toImage()
        return [_hex(image.pixelColor(x, 1)) for x in range(40, 260)]

    locked_edge, open_edge = edge(edit), edge(open_edit)
    assert set(open_edge) == {p.border}
    assert p.secondary in locked_edge and len(set(locked_edge)) > 1


@pytest.mark.parametrize("theme", PALETTES)
def test_scroll_bars_are_themed_and_at_least_12px_in_the_home_window(theme: str) -> None:
    p = PALETTES[theme]
    for kiosk, least in ((False, 12), (True, 24)):
        sheet = stylesheet(theme, 0, kiosk=kiosk)
        widths = [int(w) for w in re.findall(r"QScrollBar:vertical \{[^}]*width: (\d+)px", sheet)]
        assert widths[-1] >= least  # the last rule wins
        assert re.search(rf"QScrollBar::handle \{{[^}}]*background: {p.secondary}", sheet)


@pytest.mark.parametrize("theme", PALETTES)
def test_fit_to_theme_highlights_the_chosen_row_of_a_list_and_calms_date_popups(
    qtbot: QtBot, themed: Theme, theme: str
) -> None:
    themed(theme, 0)
    screen = QWidget()
    qtbot.addWidget(screen)
    layout = QVBoxLayout(screen)
    combo, date = QComboBox(), QDateEdit(QDate(2026, 11, 29))
    combo.addItems(["England", "Scotland", "Wales"])
    combo.setCurrentIndex(1)
    date.setCalendarPopup(True)
    layout.addWidget(combo)
    layout.addWidget(date)
    fit_to_theme(screen)
    fit_to_theme(screen)  # twice: still one delegate, nothing else changes
    assert isinstance(combo.itemDelegate(), QStyledItemDelegate)
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        colour = date.calendarWidget().weekdayTextFormat(day).foreground().color()
        assert not _reddish(colour)
    screen.show()
    qtbot.waitExposed(screen)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    image = view.grab().toImage()
    row = view.visualRect(combo.model().index(1, 0))
    # Right of the short name, away from its letters: the row's fill.
    assert _hex(image.pixelColor(row.right() - 8, row.center().y())) == PALETTES[theme].highlight
    combo.hidePopup()


def test_switching_theme_repaints_links_in_the_new_theme_colour(
    qtbot: QtBot, app_style: QApplication, prefs: Preferences
) -> None:
    label = QLabel('<a href="https://example.org">a link</a>')
    qtbot.addWidget(label)
    for theme in ("light", "dark", "high-contrast"):
        prefs.set_theme(theme)
        apply_theme(app_style, prefs)
        label.ensurePolished()
        assert _hex(label.palette().color(QPalette.ColorRole.Link)) == PALETTES[theme].primary


def test_a_clinic_accent_colours_links_in_the_light_theme_only() -> None:
    accent = "#7A3E9D"  # vetted against white by app.domain.clinic before it gets here
    assert _hex(qt_palette("light", accent).color(QPalette.ColorRole.Link)) == accent
    dark = qt_palette("dark", accent).color(QPalette.ColorRole.Link)
    assert _hex(dark) == PALETTES["dark"].primary


def test_every_area_of_the_window_is_fitted_to_the_theme(window: MainWindow) -> None:
    """The calendar of the treatment form and the region list in Settings, as built by the
    window itself: no red weekends, a list that highlights the chosen row."""
    from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QStyledItemDelegate

    for key in ("recovery", "settings"):
        window.go_to(key)
    combos = window.findChildren(QComboBox)
    assert combos and all(isinstance(c.itemDelegate(), QStyledItemDelegate) for c in combos)
    for field in window.findChildren(QDateTimeEdit):
        if field.calendarPopup():
            calendar = field.calendarWidget()
            for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
                colour = calendar.weekdayTextFormat(day).foreground().color()
                assert colour.red() <= colour.green() + 60, colour.name()  # not red


# Only where a card differs from the page: in high contrast both are black, nothing to tell.
@pytest.mark.parametrize("theme", [t for t, p in PALETTES.items() if p.surface != p.background])
def test_a_box_of_rows_in_a_card_shows_the_card_between_its_rows(
    qtbot: QtBot, themed: Theme, theme: str
) -> None:
    themed(theme, 0)
    card = QFrame()
    card.setProperty("role", "card")
    rows = RowsBox(spacing=12)
    for word in ("one", "two"):
        rows.box.addWidget(QLabel(word))
    QVBoxLayout(card).addWidget(rows)
    qtbot.addWidget(card)
    card.resize(300, 120)
    card.show()
    qtbot.waitExposed(card)
    image = card.grab().toImage()
    first = rows.box.itemAt(0).widget()  # type: ignore[union-attr]
    gap = rows.mapTo(card, first.geometry().bottomLeft()) + QPoint(4, 6)  # between the rows
    assert _hex(image.pixelColor(gap)) == PALETTES[theme].surface
