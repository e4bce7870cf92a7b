from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _widgets_application(qapp: QApplication) -> QApplication:
    """A QApplication before any export runs: the handout would otherwise make a bare
    QGuiApplication, and every QWidget made later in the same test process would abort."""
    return qapp
