"""build_scripts/bench.py's tables and its baselines (the timing itself runs in `make bench`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QScrollArea

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_scripts"))

import bare_window
import bench


def medians(ratios: dict[str, float]) -> bench.Median:
    """A median function for startup_table: each moment's time is its ratio times 100 ms; its
    peak memory 50 MB times 1.2 (the bare page's: times its ratio)."""

    def median(group: str, name: str, field: str) -> float:
        ratio = {"bare window": 1.0, **ratios}[name]
        if field == "ready_s":
            return ratio * 0.1
        return 50.0 * {"bare window": 1.0, bench.BARE_PAGE: ratio}.get(name, 1.2)

    return median


WITHIN = {
    bench.BARE_PAGE: 1.3,
    "first paint": 1.2,
    "Learn painted": 1.5,
    "Today painted": 1.5,
    f"Today, {bench.MANY} treatments": 1.55,
}


def test_the_reference_page_is_printed_without_a_budget_and_never_puts_a_run_over(
    capsys: pytest.CaptureFixture[str],
) -> None:
    slow_page = {**WITHIN, bench.BARE_PAGE: 3.0}
    assert bench.startup_table("source", medians(slow_page)) is False
    row = next(line for line in capsys.readouterr().out.splitlines() if bench.BARE_PAGE in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1:] == ["300.0", "3.00", "-", "150.0", "3.00", "-"]


@pytest.mark.parametrize(
    "moment, ratio",
    [("first paint", 1.3), ("Learn painted", 1.7), ("Today painted", 1.7)],
)
def test_a_moment_over_its_budget_puts_the_run_over(
    capsys: pytest.CaptureFixture[str], moment: str, ratio: float
) -> None:
    assert bench.startup_table("source", medians({**WITHIN, moment: ratio})) is True
    row = next(line for line in capsys.readouterr().out.splitlines() if f"| {moment} " in line)
    assert ">1." in row


def test_the_bare_page_is_a_heading_wrapped_paragraphs_and_two_buttons(qapp: QApplication) -> None:
    sheet = qapp.styleSheet()
    window = QMainWindow()
    try:
        window.setCentralWidget(bare_window.readable_page(qapp))
        page = window.centralWidget()
        assert isinstance(page, QScrollArea)
        labels = page.widget().findChildren(QLabel)
        assert [label.property("role") for label in labels[:1]] == ["h1"]
        paragraphs = [label for label in labels[1:] if label.wordWrap()]
        assert len(paragraphs) == bare_window.PARAGRAPHS
        assert [b.text() for b in page.widget().findChildren(QPushButton)] == ["Back", "Next"]
    finally:
        window.deleteLater()
        qapp.setStyleSheet(sheet)


@pytest.mark.parametrize("arguments", [[], ["--page"]])
def test_each_baseline_reports_its_first_paint_and_exits(arguments: list[str]) -> None:
    script = REPO / "build_scripts" / "bare_window.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first-paint ")
    float(done.stdout.split()[1])
