"""The flow layout's remembered heights follow its items: a longer label, an added or a hidden
button gives the new height at once, as Qt's own layouts do."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.flow_layout import FlowLayout


def _row(qtbot: QtBot) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, spacing=4, stretch=False)
    buttons = [QPushButton("One"), QPushButton("Two")]
    for button in buttons:
        layout.addWidget(button)
    holder.show()
    return holder, layout, buttons


def test_a_longer_label_makes_the_row_wrap_at_once(qtbot: QtBot) -> None:
    holder, layout, buttons = _row(qtbot)
    width = sum(b.sizeHint().width() for b in buttons) + 20
    one_line = layout.heightForWidth(width)
    assert layout.heightForWidth(width) == one_line  # asked again: the same answer
    buttons[1].setText("A much longer label that cannot fit beside the first")
    QApplication.sendPostedEvents()  # the layout request Qt posts for the new size hint
    holder.layout().activate()
    assert layout.heightForWidth(width) > one_line


def test_an_added_or_hidden_button_changes_the_height(qtbot: QtBot) -> None:
    _holder, layout, buttons = _row(qtbot)
    width = sum(b.sizeHint().width() for b in buttons) + 20
    one_line = layout.heightForWidth(width)
    extra = QPushButton("Three, which goes on a line of its own")
    layout.addWidget(extra)
    QApplication.processEvents()  # Qt shows a widget added to a shown one from the event loop
    assert extra.isVisible()
    assert layout.heightForWidth(width) > one_line
    extra.hide()
    assert layout.heightForWidth(width) == one_line
