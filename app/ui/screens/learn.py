"""Learn: the explainer, one screen at a time, with Back, Next, a contents list and progress."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.render.content_provider import ContentProvider
from app.ui.screens.page import add_callout, add_label
from app.ui.screens.screen_view import ScreenView
from app.ui.theme import Palette

SCREEN_ROLE = Qt.ItemDataRole.UserRole


class NavBar(QWidget):
    """Back, Contents, progress and Next on one row; on two rows when one would not fit (a
    small window at a large text size), so no button is ever squeezed until its word clips."""

    def __init__(self, back: QWidget, contents: QWidget, progress: QWidget, next_: QWidget):
        super().__init__()
        self._widgets = (back, contents, progress, next_)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(24, 8, 24, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(8)
        self.two_rows: bool | None = None
        self._arrange(two_rows=False)

    def _one_row_width(self) -> int:
        margins = self._grid.contentsMargins()
        hints = sum(w.sizeHint().width() for w in self._widgets)
        return hints + 3 * 16 + 32 + margins.left() + margins.right()

    def _arrange(self, two_rows: bool) -> None:
        if two_rows == self.two_rows:
            return
        self.two_rows = two_rows
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        back, contents, progress, next_ = self._widgets
        for column in range(5):
            self._grid.setColumnStretch(column, 0)
        if two_rows:  # Back ... Next, then Contents ... progress
            self._grid.addWidget(back, 0, 0)
            self._grid.addWidget(next_, 0, 2)
            self._grid.addWidget(contents, 1, 0)
            self._grid.addWidget(progress, 1, 2)
            self._grid.setColumnStretch(1, 1)
        else:
            self._grid.addWidget(back, 0, 0)
            self._grid.addWidget(contents, 0, 1)
            self._grid.addWidget(progress, 0, 3)
            self._grid.addWidget(next_, 0, 5)
            self._grid.setColumnStretch(2, 1)
            self._grid.setColumnStretch(4, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(two_rows=self.width() < self._one_row_width())


class LearnArea(QWidget):
    """Waits for the content provider, then shows the first screen (or the one asked for)."""

    set_up_recovery = Signal()  # "Set up your recovery" at the end of Learn
    screen_shown = Signal(str)  # the id of the screen now showing (the kiosk counts them)

    def __init__(
        self,
        content: ContentProvider,
        palette: Callable[[], Palette] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._palette = palette  # for the boxes of the warning levels
        self._index = 0
        self.setAccessibleName(self.tr("Learn about microneedling"))
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        # The reader: one screen, then Back, Contents, the progress and Next.
        reader = QWidget()
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 16)
        self.view = ScreenView(self.open_screen)
        reader_layout.addWidget(self.view, 1)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back: previous screen"))
        self.back_button.clicked.connect(self.back)
        self.contents_button = QPushButton(self.tr("Contents"))
        self.contents_button.setAccessibleName(self.tr("Contents: list of all screens"))
        self.contents_button.clicked.connect(self.show_contents)
        self.progress = QLabel()
        self.progress.setProperty("role", "secondary")
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.next)
        self.bar = NavBar(self.back_button, self.contents_button, self.progress, self.next_button)
        reader_layout.addWidget(self.bar)
        self.pages.addWidget(reader)

        # The contents: every screen by title, its summary under it; Enter or a tap opens it.
        # Not a scrolling Page: the list is the one thing that scrolls, never a scroller inside one.
        self.contents = QWidget()
        contents_layout = QVBoxLayout(self.contents)
        contents_layout.setContentsMargins(32, 24, 32, 16)
        contents_layout.setSpacing(16)
        add_label(contents_layout, self.tr("What would you like to know?"), "h1")
        self.problems = add_callout(contents_layout, "", "caution")
        problems_box = self.problems.parentWidget()
        assert problems_box is not None
        self.problems_box = problems_box
        self.problems_box.hide()
        self.contents_list = QListWidget()
        self.contents_list.setObjectName("contentsList")
        self.contents_list.setAccessibleName(self.tr("All screens"))
        self.contents_list.setWordWrap(True)
        self.contents_list.itemActivated.connect(self._open_item)
        self.contents_list.itemClicked.connect(self._open_item)
        contents_layout.addWidget(self.contents_list, 1)
        self.pages.addWidget(self.contents)

        # Alt+Left / Alt+Right page like a browser; the buttons are the visible way.
        alt = Qt.KeyboardModifier.AltModifier
        for key, slot, what in (
            (Qt.Key.Key_Left, self.back, self.tr("Previous screen in Learn")),
            (Qt.Key.Key_Right, self.next, self.tr("Next screen in Learn")),
        ):
            shortcut = QShortcut(QKeySequence(QKeyCombination(alt, key)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # listed in About (app.ui.shortcuts)
            shortcut.activated.connect(slot)

        if content.is_loaded:
            self._on_loaded()
        else:  # start-up: the pack is loaded just after the first frame
            content.loaded.connect(self._on_loaded)

    # navigation -------------------------------------------------------------------------------

    def _screens(self) -> list[str]:
        return [s.meta.id for s in self._content.content().pack.screens]

    def open_screen(self, screen_id: str) -> None:
        ids = self._screens()
        if screen_id in ids:
            self.go_to_index(ids.index(screen_id))

    def go_to_index(self, index: int) -> None:
        screens = self._content.content().pack.screens
        self._index = max(0, min(index, len(screens) - 1))
        screen = screens[self._index]
        segments = self._content.screen_segments(screen.body)
        self.view.show_segments(screen, segments, self._palette)
        total = len(screens)
        self.progress.setText(self.tr("{n} of {total}").format(n=self._index + 1, total=total))
        self.progress.setAccessibleName(
            self.tr("Screen {n} of {total}").format(n=self._index + 1, total=total)
        )
        self.back_button.setEnabled(self._index > 0)
        if self._index < total - 1:
            upcoming = screens[self._index + 1].meta.title
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleName(self.tr("Next: {title}").format(title=upcoming))
        else:  # the end of Learn leads on to the patient's own plan
            self.next_button.setText(self.tr("Set up your recovery"))
            self.next_button.setAccessibleName(self.next_button.text())
        self.pages.setCurrentIndex(0)
        self.screen_shown.emit(screen.meta.id)

    def refresh(self) -> None:
        """Redraw in the current text size and theme, with the clinic's current details."""
        if self._content.is_loaded and self.view.screen_id:
            self.go_to_index(self._index)

    def current_screen_id(self) -> str:
        return self.view.screen_id

    def next(self) -> None:
        if self._index >= len(self._screens()) - 1:
            self.set_up_recovery.emit()
            return
        self.go_to_index(self._index + 1)

    def back(self) -> None:
        if self.pages.currentIndex() == 1:
            self.pages.setCurrentIndex(0)
            return
        self.go_to_index(self._index - 1)

    def show_contents(self) -> None:
        self.pages.setCurrentIndex(1)
        self.contents_list.setCurrentRow(self._index)
        self.contents_list.setFocus()

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_screen(str(item.data(SCREEN_ROLE)))
        self.view.setFocus()

    def _on_loaded(self) -> None:
        content = self._content.content()
        self.contents_list.clear()
        for number, screen in enumerate(content.pack.screens, start=1):
            item = QListWidgetItem(f"{number}. {screen.meta.title}\n{screen.meta.summary}")
            item.setData(SCREEN_ROLE, screen.meta.id)
            self.contents_list.addItem(item)
        summary = self._content.problem_summary()
        self.problems.setText(summary)
        self.problems.setAccessibleName(summary)
        self.problems_box.setVisible(bool(summary))
        self.go_to_index(0)
