"""Keyboard and assistive technology: Enter presses buttons, every accessibility action does
what a click does, and the rail shows a focus ring only for the keyboard."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.application import build_home_window
from app.ui.keyboard import EnterActivatesButtons
from app.ui.main_window import MainWindow
from app.ui.preferences import THEME, Preferences
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checkin import ChoiceRow
from app.ui.screens.checklist_row import ChecklistRow
from app.ui.screens.settings import SettingsScreen
from app.ui.start import WelcomePage


def _do_action(widget: QWidget) -> None:
    """What a screen reader or voice control does: the widget's first accessibility action."""
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.actionInterface() is not None
    actions = iface.actionInterface()
    actions.doAction(actions.actionNames()[0])


def test_enter_and_return_press_every_kind_of_focused_button(
    qtbot: QtBot, window: MainWindow
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert len(app.findChildren(EnterActivatesButtons)) == 1  # installed with the home window
    holder = QWidget()
    layout = QVBoxLayout(holder)
    push, tool = QPushButton("Save"), QToolButton()
    choices = ChoiceRow("Redness", [("0", "None"), ("1", "Mild")], "{question}: {answer}")
    row = ChecklistRow("Wash with lukewarm water")
    for widget in (push, tool, choices, row):
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    with qtbot.waitActive(holder):
        holder.show()
        holder.activateWindow()
    pressed: list[str] = []
    push.clicked.connect(lambda: pressed.append("push"))
    tool.clicked.connect(lambda: pressed.append("tool"))
    choices.chosen.connect(lambda: pressed.append("choice"))

    for button, key in ((push, Qt.Key.Key_Return), (tool, Qt.Key.Key_Enter)):
        button.setFocus()
        qtbot.keyClick(button, key)
    mild = choices.buttons["1"]
    mild.setFocus()
    qtbot.keyClick(mild, Qt.Key.Key_Return)
    row.box.setFocus()
    qtbot.keyClick(row.box, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

    assert pressed == ["push", "tool", "choice"]
    assert choices.value() == "1" and row.isChecked()


def test_enter_with_a_modifier_is_left_to_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    button = QPushButton("Save")
    qtbot.addWidget(button)
    with qtbot.waitActive(button):
        button.show()
        button.activateWindow()
    button.setFocus()
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    qtbot.keyClick(button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pressed == []


def test_the_rail_items_accessibility_action_switches_the_area(window: MainWindow) -> None:
    rail = QAccessible.queryAccessibleInterface(window.rail)
    assert rail is not None
    names = [rail.child(i).text(QAccessible.Text.Name) for i in range(rail.childCount())]
    settings = next(i for i, name in enumerate(names) if name == "Settings")
    item = rail.child(settings)
    item.actionInterface().doAction(item.actionInterface().actionNames()[0])
    assert window.current_key() == "settings"
    assert isinstance(window.stack.currentWidget(), SettingsScreen)


def test_a_mouse_click_on_the_rail_does_not_focus_it_but_tab_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The rail's focus ring is keyboard focus only: a click leaves the focus where it was
    (the ring seen in screenshots is the window's first focus, given to the rail as Tab
    would)."""
    assert window.rail.focusPolicy() == Qt.FocusPolicy.TabFocus
    with qtbot.waitActive(window):
        window.activateWindow()
    window.go_to("learn")
    learn = window.area_widget("learn")
    learn.next_button.setFocus()  # type: ignore[attr-defined]
    qtbot.wait(10)
    about = window.rail.item(window.rail.count() - 1)
    qtbot.mouseClick(
        window.rail.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.rail.visualItemRect(about).center(),
    )
    assert window.current_key() == "about"
    assert not window.rail.hasFocus()
    window.rail.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.rail.hasFocus()


def test_the_radios_accessibility_action_applies_and_saves_size_and_colours(
    qtbot: QtBot, prefs: Preferences, store: Store
) -> None:
    screen = SettingsScreen(prefs)
    qtbot.addWidget(screen)
    _do_action(screen.size_group.button(2))
    _do_action(screen.theme_group.button(1))
    assert prefs.text_step == 2 and screen.size_group.button(2).isChecked()
    assert store.get_setting(THEME.key) == "dark"


def test_a_choice_buttons_accessibility_action_counts_as_a_choice(qtbot: QtBot) -> None:
    choices = ChoiceRow("Redness", [("0", "None"), ("1", "Mild")], "{question}: {answer}")
    qtbot.addWidget(choices)
    chosen: list[bool] = []
    choices.chosen.connect(lambda: chosen.append(True))
    _do_action(choices.buttons["1"])
    assert choices.value() == "1" and chosen == [True]
    choices.set_value("0")  # a load from the store is not the patient choosing
    assert chosen == [True]


def test_page_titles_and_section_headings_report_the_heading_role(window: MainWindow) -> None:
    window.go_to("settings")
    screen = window.area_widget("settings")
    assert isinstance(screen, SettingsScreen)
    headings = [
        label
        for label in screen.findChildren(QLabel)
        if QAccessible.queryAccessibleInterface(label).role() == QAccessible.Role.Heading
    ]
    names = [QAccessible.queryAccessibleInterface(h).text(QAccessible.Text.Name) for h in headings]
    assert names[0] == "Settings"  # then its sections, in order (Language among them)
    sections = [name for name in names if name in ("Text size", "Colours", "Movement")]
    assert sections == ["Text size", "Colours", "Movement"]
    body = screen.size_status
    assert QAccessible.queryAccessibleInterface(body).role() != QAccessible.Role.Heading


def _tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside `root`, in Tab's order, from the first after `root`."""
    seen: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not root and len(seen) < 2000:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()
        if tabbable and widget.isVisible() and root.isAncestorOf(widget) and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen


def _out_of_visual_order(root: QWidget) -> list[str]:
    """Pairs where Tab goes up the page, or leftwards along one row (shared with the kiosk's
    tests)."""
    wrong = []
    chain = _tab_chain(root)
    assert chain, "nothing to tab to"
    for a, b in itertools.pairwise(chain):
        ra = a.rect().translated(a.mapTo(root, QPoint(0, 0)))
        rb = b.rect().translated(b.mapTo(root, QPoint(0, 0)))
        if a.isAncestorOf(b):  # into a scrolling page from the page itself
            continue
        below = rb.top() >= ra.bottom() - 4
        same_row = rb.top() < ra.bottom() and ra.top() < rb.bottom() and rb.left() >= ra.right()
        if not (below or same_row):
            wrong.append(
                f"{a.accessibleName() or a}@{ra.top()} -> {b.accessibleName() or b}@{rb.top()}"
            )
    return wrong


@pytest.mark.parametrize("key", ["recovery", "learn", "warning", "settings", "about"])
def test_tab_follows_the_visual_order_on_each_area(
    qtbot: QtBot, window: MainWindow, store: Store, key: str
) -> None:
    if key == "recovery":  # Today with a treatment two hours ago: checklist and check-in
        session = window.area_widget("recovery")._session  # type: ignore[attr-defined]
        session.add(datetime.now(UTC) - timedelta(hours=2), "Europe/London")
    window.resize(1280, 800)
    window.go_to(key)
    area = window.area_widget(key)
    if hasattr(area, "refresh"):
        area.refresh()
    if key == "recovery":
        assert area.today.checkin  # type: ignore[attr-defined]  # else made after the paint
    qtbot.wait(50)  # laid out
    root = area.today if key == "recovery" else area  # type: ignore[attr-defined]
    if key == "about":  # a page of text: Tab goes from the rail to the page, which scrolls
        root = window
        chain = _tab_chain(window)
        assert chain[0] is window.rail and area in chain
    assert _out_of_visual_order(root) == []


def test_a_bullets_dot_is_left_out_of_what_a_screen_reader_reads(
    qtbot: QtBot, window: MainWindow
) -> None:
    from app.ui.screens.day_preview import _bullets

    holder = QWidget()
    qtbot.addWidget(holder)
    lines = _bullets(QVBoxLayout(holder), ["Redness", "Mild swelling"])
    dots = [label for label in holder.findChildren(QLabel) if label not in lines]
    assert len(dots) == 2
    for dot in dots:
        iface = QAccessible.queryAccessibleInterface(dot)
        assert iface.role() == QAccessible.Role.NoRole and iface.text(QAccessible.Text.Name) == ""
    # The line is a list item named by its words, read once (not again through its label).
    item = QAccessible.queryAccessibleInterface(lines[0].parentWidget())
    assert item.role() == QAccessible.Role.ListItem and item.childCount() == 0
    assert item.text(QAccessible.Text.Name) == "Redness"


def test_a_tabs_accessibility_action_switches_the_tab(window: MainWindow) -> None:
    window.go_to("recovery")
    area = window.area_widget("recovery")
    tabs = area.tabs  # type: ignore[attr-defined]
    row = QAccessible.queryAccessibleInterface(area.tab_row)  # type: ignore[attr-defined]
    assert row.role() == QAccessible.Role.PageTabList and row.childCount() == tabs.count()
    last = row.child(tabs.count() - 1)
    assert last.role() == QAccessible.Role.PageTab
    assert last.text(QAccessible.Text.Name) == tabs.tabText(tabs.count() - 1)
    last.actionInterface().doAction(last.actionInterface().actionNames()[0])
    assert tabs.currentIndex() == tabs.count() - 1
    assert last.state().selected and not row.child(0).state().selected


def test_recovery_tabs_keep_whole_names_and_arrow_keys_move_between_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.go_to("recovery")
    area = window.area_widget("recovery")
    row = area.tab_row  # type: ignore[attr-defined]
    assert [b.text() for b in row.buttons] == [
        area.tabs.tabText(i)  # type: ignore[attr-defined]
        for i in range(area.tabs.count())  # type: ignore[attr-defined]
    ]
    with qtbot.waitActive(window):
        window.activateWindow()
    row.buttons[0].setFocus()
    qtbot.keyClick(row.buttons[0], Qt.Key.Key_Right)  # as in a tab bar: open the next
    assert row.buttons[1].hasFocus()
    assert area.tabs.currentIndex() == 1  # type: ignore[attr-defined]
    qtbot.keyClick(row.buttons[1], Qt.Key.Key_End)
    assert area.tabs.currentIndex() == area.tabs.count() - 1  # type: ignore[attr-defined]
    row.buttons[0].setFocus()
    qtbot.keyClick(row.buttons[0], Qt.Key.Key_Return)
    assert area.tabs.currentIndex() == 0  # type: ignore[attr-defined]


def test_keyboard_focus_on_the_rail_does_not_leave_the_welcome(
    qtbot: QtBot,
    content: ContentProvider,
    prefs: Preferences,
    qsettings: QSettings,
    store: Store,
) -> None:
    """A window that is activated (a window manager, a screen reader) gives the rail the focus;
    Qt's list then made its first row current, which opened Learn over the first-run welcome
    (seen through AT-SPI on a fresh data folder). Choosing an area still leaves it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = RecoverySession(store, content, ManualClock(datetime(2026, 3, 7, tzinfo=UTC)))
    window = build_home_window(app, prefs, content, None, None, qsettings, session)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.choose_start is None)
    with qtbot.waitActive(window):
        window.activateWindow()
    welcome = window.stack.currentWidget()
    assert isinstance(welcome, WelcomePage)
    welcome.buttons["learn"].setFocus()  # somewhere else first: the rail's focus is new
    window.rail.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    assert window.rail.hasFocus()
    assert window.stack.currentWidget() is welcome
    qtbot.keyClick(window.rail, Qt.Key.Key_Down)  # the keyboard's choice: the first area
    assert window.current_key() == "learn"
    assert not isinstance(window.stack.currentWidget(), WelcomePage)
