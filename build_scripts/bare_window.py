"""The baselines for bench.py: a bare PySide6 window, and the same window with a readable page.

- no argument: one QMainWindow with one QLabel, the baseline every ratio is taken against;
- `--page`: that window holding the smallest page a patient could read, for reference only:
  a heading and twelve wrapped paragraphs (about the length of Learn's first screen) in a
  scroll area, with Back and Next buttons under them aligned right, styled by a two-rule
  style sheet. It has no data, no translations and no navigation; whatever the app adds to a
  first screen comes on top of what this costs.

Each reports its first paint exactly the way the app does under MICRONEEDLING_BENCH_FIRST_PAINT.
"""

import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PARAGRAPHS = 12
PARAGRAPH = (
    "A paragraph of plain words that wraps across the width of the page, as the text of a "
    "first screen does. Each of them is long enough to take two lines in a wide window and "
    "more in a narrow one, so the page has to work out where every line breaks."
)


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def readable_page(app: QApplication) -> "QWidget":
    # Imported here, so that the bare window itself imports exactly what it did before.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

    app.setStyleSheet(
        "QLabel[role='h1'] { font-size: 28px; font-weight: 600; }"
        " QPushButton { min-height: 44px; padding: 8px 16px; }"
    )
    page = QScrollArea()
    page.setWidgetResizable(True)
    column_widget = QWidget()
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(32, 32, 32, 32)
    heading = QLabel("A heading")
    heading.setProperty("role", "h1")
    column.addWidget(heading)
    for _ in range(PARAGRAPHS):
        paragraph = QLabel(PARAGRAPH)
        paragraph.setWordWrap(True)
        column.addWidget(paragraph)
    buttons = QHBoxLayout()
    buttons.addWidget(QPushButton("Back"))
    buttons.addWidget(QPushButton("Next"))
    column.addLayout(buttons)
    column.setAlignment(buttons, Qt.AlignmentFlag.AlignRight)  # any real screen names one
    column.addStretch(1)
    page.setWidget(column_widget)
    return page


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    window = QMainWindow()
    window.setCentralWidget(readable_page(app) if "--page" in argv[1:] else QLabel("Hello"))
    probe = FirstPaint()
    window.installEventFilter(probe)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
