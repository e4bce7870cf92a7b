"""The home window: a navigation rail on the left, one area at a time on the right.

Areas are built the first time they are shown, so start-up pays only for the first one.
The first frame avoids the `Qt` namespace where it can: its first use builds ~130 Python enums
(about 17 ms). Only a compact or wrapped rail (a small window at a large text size) needs it.
build_scripts/bench.py shows when it slips back into the common start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QSettings,
    QSize,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.ui.first_paint import FirstPaintWatcher
from app.ui.icons import icon
from app.ui.theme import PALETTES, fit_to_theme

GEOMETRY_KEY = "main_window/geometry"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    icon: str
    build: Callable[[MainWindow], QWidget]  # called with the window the first time it shows


class MainWindow(QMainWindow):
    # Emitted once, just after the first frame is on screen: work that is not needed to paint
    # (listening for other copies, opening the log file) waits for it, so start-up feels quick.
    first_painted = Signal()
    # Emitted after the text size or theme changed and the new stylesheet is in place; areas
    # that draw their own documents redraw then.
    restyled = Signal()
    # Ask for the theme to be applied again (the clinic's colour arrived, say); build_home_window
    # answers it, then emits `restyled`.
    restyle_requested = Signal()

    def __init__(self, areas: list[Area], settings: QSettings, theme: str = "light") -> None:
        super().__init__()
        # Asked just after the first frame which area fits today (app.ui.start); None: the first.
        self.choose_start: Callable[[], str | None] | None = None
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self._areas = areas
        self._settings = settings
        self._built: dict[int, QWidget] = {}
        FirstPaintWatcher(self).painted.connect(self.first_painted)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.rail = QListWidget()
        self.rail.setObjectName("navRail")
        self.rail.setAccessibleName(self.tr("Sections"))
        self.rail.setIconSize(QSize(28, 28))
        for area in areas:
            self.rail.addItem(QListWidgetItem(area.label))  # its text is its accessible name
        self.stack = QStackedWidget()
        for _ in areas:
            self.stack.addWidget(QWidget())  # stand-ins until first shown
        layout.addWidget(self.rail)
        # A banner for reminders when there is no system tray. It floats over the bottom of the
        # area (see _place_banner) rather than taking a place in the layout: showing it must
        # never move what is under the pointer, so a click cannot land on the wrong control.
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.banner = QFrame(central)
        self.banner.setProperty("role", "banner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(24, 12, 24, 12)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_close = QPushButton(self.tr("Dismiss"))
        self.banner_close.setAccessibleName(self.tr("Dismiss reminder"))
        self.banner_close.clicked.connect(self.banner.hide)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_close)
        self.banner.hide()
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self.rail.currentRowChanged.connect(self._show_area)
        # A screen reader's or voice control's action on a rail item selects it without making
        # it the current row: follow the selection too, so the action does what a click does.
        self.rail.itemSelectionChanged.connect(self._follow_selection)
        self.apply_icons(theme)

        # Ctrl+1 .. Ctrl+5 jump straight to an area from anywhere in the window. Bound methods,
        # not lambdas that capture self: those keep a closed window alive forever.
        self._shortcuts: list[QShortcut] = []
        for index, area in enumerate(areas[:9]):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.setWhatsThis(self.tr("Go to {area}").format(area=area.label))
            shortcut.activated.connect(self._on_area_shortcut)
            self._shortcuts.append(shortcut)
        # The platform's Quit keys (Ctrl+Q, or Cmd+Q on a Mac); Windows has none, so Ctrl+Q.
        self.quit_shortcut = QShortcut(self)
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        self.quit_shortcut.setKeys(quit_keys or [QKeySequence("Ctrl+Q")])
        self.quit_shortcut.setWhatsThis(self.tr("Quit the app"))
        self.quit_shortcut.activated.connect(self.close)

        # The first area is built just after the first frame: the window and its navigation
        # paint at once, and the first screen (which needs the content pack) follows.
        self.rail.blockSignals(True)
        self.rail.setCurrentRow(0)
        self.rail.blockSignals(False)
        self.first_painted.connect(self._show_current_area)
        self.setMinimumSize(640, 480)
        self._restore_geometry()

    def apply_icons(self, theme: str) -> None:
        palette = PALETTES[theme]
        self.rail.ensurePolished()
        side = round(self.rail.fontMetrics().height() * 1.2)  # icons grow with the text size
        self.rail.setIconSize(QSize(side, side))
        for index, area in enumerate(self._areas):
            self.rail.item(index).setIcon(
                icon(area.icon, palette.text, side * 2, selected_colour=palette.on_highlight)
            )
        if self.isVisible():  # a hidden window has no real width yet; showing it fits the rail
            self._fit_rail()

    def _fit_rail(self) -> None:
        """Labels beside icons at every text size: the rail grows to its longest label, up to
        about a third of the window, and a longer label wraps onto a second line. Only when
        even a wrapped rail would leave the area fewer than ~14 characters per line (a very
        narrow window at a large text size) does it show icons alone, each with its label as
        tooltip and accessible name."""
        self.rail.ensurePolished()
        metrics = self.rail.fontMetrics()
        em = max(metrics.horizontalAdvance("M"), 8)
        bold = QFont(self.rail.font())
        bold.setBold(True)  # the selected item's label is drawn bold, so measure it bold
        bold_metrics = QFontMetrics(bold)
        # Item padding (16 + 16) and its 4 px left border, the rail's 8 px padding each side,
        # the icon and the gap after it, and room for a scroll bar.
        chrome = 2 * self.rail.frameWidth() + 36 + 16 + self.rail.iconSize().width() + 8 + 16
        longest = max(bold_metrics.horizontalAdvance(area.label) for area in self._areas) + 4
        cap = max(self.width() // 3 - chrome, 6 * em)
        text_width = min(longest, cap)
        wrapped = [_wrap(area.label, bold_metrics, text_width) for area in self._areas]
        text_width = max(
            bold_metrics.horizontalAdvance(line) for label in wrapped for line in label.split("\n")
        )
        full = text_width + chrome + 4
        compact = self.width() - full < 14 * em
        for index, area in enumerate(self._areas):
            item = self.rail.item(index)
            item.setText("" if compact else wrapped[index])
            item.setToolTip(area.label if compact else "")
            if compact or wrapped[index] != area.label:
                from PySide6.QtCore import Qt  # here, not at the top: see the module docstring

                # Its name stays the label in one line, whatever the item shows.
                item.setData(Qt.ItemDataRole.AccessibleTextRole, area.label)
        self.rail.setProperty("compact", compact)
        width = self.rail.sizeHintForColumn(0) + 2 * self.rail.frameWidth() + 32
        self.rail.setFixedWidth(width if compact else max(full, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rail()
        self._place_banner()

    def _place_banner(self) -> None:
        """Over the top right of the area, half its width (all of a narrow one), as tall as
        its words: it covers page titles and the right of a tab bar, not the Back/Next bar at
        the bottom, and the Dismiss button takes it away."""
        if self.banner.isHidden():
            return
        area = self.stack.geometry()
        width = min(area.width(), max(area.width() // 2, 360))
        height = max(self.banner.heightForWidth(width), self.banner.minimumSizeHint().height())
        self.banner.setGeometry(area.right() + 1 - width, area.y(), width, height)
        self.banner.raise_()

    def replace_areas(self, areas: list[Area]) -> None:
        """The same areas made again (a new language): each built area is thrown away and made
        anew when next shown; the area on screen now is made at once, so the patient stays
        where they were. What the patient saved is in the store, so nothing is lost."""
        assert [a.key for a in areas] == [a.key for a in self._areas]
        current = self.rail.currentRow()
        self._areas = areas
        for shortcut, area in zip(self._shortcuts, areas, strict=False):
            shortcut.setWhatsThis(self.tr("Go to {area}").format(area=area.label))
        for index in list(self._built):
            old = self._built.pop(index)
            self.stack.insertWidget(index, QWidget())  # a stand-in, as before the first show
            self.stack.removeWidget(old)
            old.deleteLater()
        self._retranslate()
        self._fit_rail()  # the rail's labels, wrapped to the new words
        if current >= 0:
            self._show_area(current)

    def _retranslate(self) -> None:
        self.rail.setAccessibleName(self.tr("Sections"))
        self.banner_close.setText(self.tr("Dismiss"))
        self.banner_close.setAccessibleName(self.tr("Dismiss reminder"))
        self.quit_shortcut.setWhatsThis(self.tr("Quit the app"))

    def area_widget(self, key: str) -> QWidget:
        index = next(i for i, a in enumerate(self._areas) if a.key == key)
        return self._ensure_built(index)

    def keyboard_shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every shortcut of the window and its areas, each area built
        first so that its own shortcuts are there to be read."""
        from app.ui.shortcuts import shortcut_rows

        for index in range(len(self._areas)):
            self._ensure_built(index)
        return shortcut_rows(self)

    def _on_area_shortcut(self) -> None:
        sender = self.sender()
        if isinstance(sender, QShortcut):
            self.go_to(self._shortcuts.index(sender))

    def _show_current_area(self) -> None:
        from PySide6.QtCore import Qt  # after the first frame: see the module docstring

        # Tab reaches the rail (and shows the focus ring); a mouse click chooses an area
        # without drawing the ring around the whole rail.
        self.rail.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        choose, self.choose_start = self.choose_start, None
        key = choose() if choose is not None else None
        if key is None:
            self._show_area(self.rail.currentRow())
        elif key in (area.key for area in self._areas):
            self.go_to(key)
            self._show_area(self.rail.currentRow())  # the row may already be that one

    def _follow_selection(self) -> None:
        rows = [self.rail.row(item) for item in self.rail.selectedItems()]
        if rows and rows[0] != self.rail.currentRow():
            self.rail.setCurrentRow(rows[0])

    def show_page(self, page: QWidget) -> None:
        """A page outside the areas (the first-run welcome): shown with no area selected;
        choosing an area from the rail leaves it."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.rail.blockSignals(True)
        # The view's own setCurrentIndex, not setCurrentRow(-1): it tells the list that "none"
        # was chosen, so keyboard focus arriving on the rail (Tab, or the window activated)
        # does not make its first row current, which opened Learn over the welcome.
        self.rail.setCurrentIndex(QModelIndex())
        self.rail.blockSignals(False)
        self.stack.setCurrentWidget(page)

    def go_to(self, index_or_key: int | str) -> None:
        if isinstance(index_or_key, str):
            index_or_key = next(i for i, a in enumerate(self._areas) if a.key == index_or_key)
        self.rail.setCurrentRow(index_or_key)

    def current_key(self) -> str:
        return self._areas[self.rail.currentRow()].key

    def _ensure_built(self, index: int) -> QWidget:
        if index not in self._built:
            widget = self._areas[index].build(self)
            fit_to_theme(widget)  # combo lists and calendars, which the stylesheet cannot reach
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._built[index] = widget
        return self._built[index]

    def _show_area(self, index: int) -> None:
        if index < 0:
            return
        widget = self._ensure_built(index)
        self.stack.setCurrentWidget(widget)

    def show_banner(self, title: str, text: str) -> None:
        """A reminder in the window; it moves nothing under it (see _place_banner)."""
        message = f"{title}\n{text}"
        self.banner_text.setText(message)
        self.banner_text.setAccessibleName(message)
        self.banner.show()
        self._place_banner()

    def bring_forward(self) -> None:
        log.info("window brought forward at another copy's request")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _restore_geometry(self) -> None:
        saved = self._settings.value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        # 1280 x 800 where it fits; never more than the screen's free area (a laptop at 200%
        # scaling has about 960 x 520 logical pixels), so all of the window starts on screen.
        screen = self.screen()
        if screen is None:
            self.resize(1280, 800)
            return
        free = screen.availableGeometry()
        frame = 40  # the title bar and borders the window manager adds around the window
        width = max(min(1280, free.width() - 16), self.minimumWidth())
        height = max(min(800, free.height() - frame), self.minimumHeight())
        self.resize(width, height)
        self.move(
            free.x() + (free.width() - width) // 2,
            free.y() + max(0, (free.height() - height - frame) // 2),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)


def _wrap(label: str, metrics: QFontMetrics, width: int) -> str:
    """The label broken at spaces into lines no wider than `width` where it can be (a single
    word longer than that stays whole: the rail grows for it rather than break a word)."""
    lines: list[str] = []
    for word in label.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines) or label
