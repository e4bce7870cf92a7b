"""Structure for a screen reader: a Learn screen's headings, lists and pictures are objects of
their own (not one flat text), bulleted lines elsewhere are lists, and a choice of a set is a
radio button, not a check box."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.render.content_provider import ContentProvider
from app.store import Store
from app.ui.main_window import MainWindow
from app.ui.recovery_session import RecoverySession
from app.ui.screens.checkin import ChoiceRow
from app.ui.screens.day_navigator import DayNavigator
from app.ui.screens.recovery import RecoveryArea
from app.ui.theme import LIGHT

Role = QAccessible.Role
NAME = QAccessible.Text.Name


def _iface(widget: QWidget) -> QAccessibleInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface


def _tree(iface: QAccessibleInterface) -> list[tuple[int, Role, str]]:
    """(depth, role, name) of every descendant, in reading order."""
    found: list[tuple[int, Role, str]] = []

    def walk(node: QAccessibleInterface, depth: int) -> None:
        for index in range(node.childCount()):
            child = node.child(index)
            found.append((depth, child.role(), child.text(NAME)))
            walk(child, depth + 1)

    walk(iface, 0)
    return found


def _learn_view(window: MainWindow, screen_id: str) -> QWidget:
    window.go_to("learn")
    learn = window.area_widget("learn")
    learn.open_screen(screen_id)  # type: ignore[attr-defined]
    return learn.view  # type: ignore[attr-defined]


def test_a_learn_screens_headings_lists_and_pictures_are_exposed(window: MainWindow) -> None:
    view = _learn_view(window, window.area_widget("learn")._screens()[0])  # type: ignore[attr-defined]
    tree = _tree(_iface(view))
    assert _iface(view).role() == Role.Document
    headings = [name for _d, role, name in tree if role == Role.Heading]
    assert headings[0] == view.accessibleName()  # the screen's title
    assert len(headings) >= 3  # its sections: what a reader jumps between
    assert any(role == Role.Graphic and name for _d, role, name in tree)  # the drawing, named
    lists = [i for i, (_d, role, _n) in enumerate(tree) if role == Role.List]
    assert lists, "no list"
    depth = tree[lists[0]][0]
    items = [entry for entry in tree[lists[0] + 1 :] if entry[0] == depth + 1]
    assert items and all(role == Role.ListItem and name for _d, role, name in items[:2])
    assert not any("\ufffc" in name for _d, _r, name in tree)


def test_links_and_warning_boxes_are_named_in_the_structure(window: MainWindow) -> None:
    window.go_to("warning")
    from app.ui.screens.screen_view import ScreenView

    view = window.area_widget("warning").findChild(ScreenView)
    assert view is not None
    tree = _tree(_iface(view))
    groups = [name for _d, role, name in tree if role == Role.Grouping]
    assert groups[:3] == ["Emergency", "Call today", "Office hours"]
    assert any(role == Role.Link for _d, role, _n in tree)


def test_the_structure_follows_the_screen_shown(window: MainWindow) -> None:
    learn = window.area_widget("learn")
    ids = learn._screens()  # type: ignore[attr-defined]
    view = _learn_view(window, ids[0])
    first = _iface(view).child(0)
    QAccessible.uniqueId(first)  # in Qt's cache, as a screen reader would have it
    learn.open_screen(ids[1])  # type: ignore[attr-defined]
    heading = _iface(view).child(0)
    assert heading.text(NAME) == view.accessibleName() != ""
    assert heading is not first
    # The old item left Qt's cache when the screen changed: the next question is answered.
    assert _iface(view).child(0).role() == Role.Heading


def _roles_of_list(widget: QWidget) -> tuple[Role, list[tuple[Role, str]]]:
    iface = _iface(widget)
    items = [iface.child(i) for i in range(iface.childCount())]
    return iface.role(), [(item.role(), item.text(NAME)) for item in items]


def test_what_is_normal_now_on_today_is_a_list(qtbot: QtBot, window: MainWindow) -> None:
    recovery = window.area_widget("recovery")
    recovery._session.add(datetime.now(UTC) - timedelta(hours=30), "Europe/London")  # type: ignore[attr-defined]
    window.go_to("recovery")
    recovery.refresh()  # type: ignore[attr-defined]
    normal = recovery.today.normal_list  # type: ignore[attr-defined]
    role, items = _roles_of_list(normal)
    assert role == Role.List
    assert items and {r for r, _ in items} == {Role.ListItem}
    assert [name for _r, name in items] == normal.lines()
    assert not any(name.startswith("•") for _r, name in items)


def test_a_screen_reader_reads_todays_rows_in_the_order_they_show(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The checklist's rows and the check-in's questions are made on each refresh, after the
    lines under them: read in the order they were made, the count came before the rows and the
    note before the questions."""
    recovery = window.area_widget("recovery")
    recovery._session.add(datetime.now(UTC) - timedelta(hours=30), "Europe/London")  # type: ignore[attr-defined]
    window.go_to("recovery")
    recovery.refresh()  # type: ignore[attr-defined]
    today = recovery.today  # type: ignore[attr-defined]
    checkin = today.checkin
    names = [name for _d, _role, name in _tree(_iface(today.checklist_card))]
    first_row = next(iter(today.checkboxes.values())).text()
    assert names.index(first_row) < names.index(today.count_label.text())
    names = [name for _d, _role, name in _tree(_iface(checkin))]
    first_answer = next(iter(next(iter(checkin.symptoms.values())).buttons.values()))
    assert names.index(first_answer.accessibleName()) < names.index(checkin.note_label.text())


def _read_out_of_place(root: QWidget) -> list[str]:
    """Pairs of neighbours a screen reader reads in the wrong order: the second wholly above
    the first. Qt's accessibility reads a widget's children in the order they were made. The
    day navigator is left out: its buttons stacked under the day are read around it on
    purpose (Previous day, the day, Next day), as they sit on one row in a wide window."""
    wrong: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        if isinstance(parent, DayNavigator) or not parent.isVisible():
            continue
        iface = QAccessible.queryAccessibleInterface(parent)
        if iface is None:
            continue
        shown = [
            child
            for index in range(iface.childCount())
            if isinstance(child := iface.child(index).object(), QWidget)
            and child.isVisible()
            and not child.isWindow()
        ]
        for first, second in itertools.pairwise(shown):
            if second.geometry().bottom() < first.geometry().top():
                wrong.append(f"{first.accessibleName()!r} before {second.accessibleName()!r}")
    return wrong


def test_a_screen_reader_reads_every_area_and_tab_from_the_top_down(
    qtbot: QtBot, window: MainWindow
) -> None:
    recovery = window.area_widget("recovery")
    recovery._session.add(datetime.now(UTC) - timedelta(hours=30), "Europe/London")  # type: ignore[attr-defined]
    window.resize(1280, 800)
    for key in ("recovery", "learn", "warning", "settings", "about"):
        window.go_to(key)
        area = window.area_widget(key)
        if key == "recovery":
            area.refresh()  # type: ignore[attr-defined]
            assert area.today.checkin  # type: ignore[attr-defined]  # else made after the paint
            for button in area.tab_row.buttons:  # type: ignore[attr-defined]
                button.click()
                qtbot.wait(50)  # laid out
                assert _read_out_of_place(area) == [], button.text()
        else:
            qtbot.wait(50)
            assert _read_out_of_place(area) == [], key


def test_getting_ready_notes_are_a_list(
    qtbot: QtBot, store: Store, content: ContentProvider
) -> None:
    clock = ManualClock(datetime(2026, 3, 5, 15, 0, tzinfo=UTC))
    session = RecoverySession(store, content, clock)
    session.add(
        datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo("America/New_York")), "America/New_York"
    )
    area = RecoveryArea(session, lambda: LIGHT, lambda _p, _q: True)
    qtbot.addWidget(area)
    area.show()
    area.refresh()
    notes = area.today.ready_list.notes
    assert notes
    role, items = _roles_of_list(notes[0])
    assert role == Role.List and items and items[0][0] == Role.ListItem and items[0][1]


def test_a_choice_of_a_set_is_a_radio_button_that_says_when_it_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    choices = ChoiceRow("Redness", [("0", "None"), ("1", "Mild")], "{question}: {answer}")
    qtbot.addWidget(choices)
    mild = _iface(choices.buttons["1"])
    assert mild.role() == Role.RadioButton  # Qt's own: "check box"
    assert mild.text(NAME) == "Redness: Mild"
    assert not mild.state().checked
    actions = mild.actionInterface()
    actions.doAction(actions.actionNames()[0])
    assert choices.value() == "1" and mild.state().checked and mild.state().checkable


def test_a_listening_screen_reader_is_told_when_the_learn_screen_changes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a screen reader on, a new screen sends a reorder event (an error here once
    stopped Learn from opening at all, seen only through AT-SPI)."""
    sent: list[QAccessible.Event] = []
    monkeypatch.setattr(QAccessible, "isActive", lambda: True)
    monkeypatch.setattr(QAccessible, "updateAccessibility", lambda event: sent.append(event.type()))
    learn = window.area_widget("learn")
    learn.open_screen(learn._screens()[1])  # type: ignore[attr-defined]
    assert QAccessible.Event.ObjectReorder in sent


def test_the_structure_is_not_showing_while_another_area_is_open(window: MainWindow) -> None:
    view = _learn_view(window, window.area_widget("learn")._screens()[0])  # type: ignore[attr-defined]
    window.resize(1280, 800)
    heading = _iface(view).child(0)
    assert not heading.state().invisible and not heading.state().offscreen
    last = _iface(view).child(_iface(view).childCount() - 1)
    assert last.state().offscreen  # far down the screen, scrolled out of view
    window.go_to("settings")
    assert heading.state().invisible


def test_a_learn_link_is_reached_with_tab_and_followed_with_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The structure is for reading; the browser keeps its own keyboard way through links."""
    learn = window.area_widget("learn")
    ids = learn._screens()  # type: ignore[attr-defined]
    view = _learn_view(window, ids[0])
    with qtbot.waitActive(window):
        window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # to the first link, as in a web page
    assert view.hasFocus() and view.textCursor().hasSelection()
    link = view.textCursor().charFormat().anchorHref()
    assert link.startswith("screen:")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert learn.current_screen_id() == link.removeprefix("screen:")  # type: ignore[attr-defined]
