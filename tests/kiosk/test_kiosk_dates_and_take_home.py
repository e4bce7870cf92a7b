"""Preview my recovery tells the truth about dates, its QR code reads from a chair, and a visit
prints one copy, on paper only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import segno
import zxingcpp
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.domain.warnings import Level
from app.export.handout_print import PrinterFacts, kiosk_printer_name, writes_files
from app.ui.kiosk import run
from app.ui.kiosk.preview import PreviewArea, PreviewResult
from app.ui.kiosk.qr import QUIET_ZONE, module_px, qr_image, qr_modules
from app.ui.kiosk.shell import KioskWindow
from tests.kiosk.conftest import NOW, STEADY, MakeKiosk

NEW_YORK = "America/New_York"
TODAY = date(2026, 11, 24)  # NOW (15:10 UTC) is 10:10 on Tuesday 24 November in New York


@pytest.fixture(autouse=True)
def in_new_york(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kiosk's computer is in New York, whatever the test machine's zone is."""
    monkeypatch.setattr(run, "system_zone_name", lambda: NEW_YORK)


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> KioskWindow:
    """No idle reset in the middle of these walks, however loaded the machine."""
    return make_kiosk(STEADY)


def _preview(kiosk: KioskWindow) -> PreviewArea:
    kiosk.begin_visit()
    kiosk.go("preview")
    assert kiosk.visit is not None
    area = kiosk.visit.area("preview")
    assert isinstance(area, PreviewArea)
    return area


def _result(kiosk: KioskWindow, days: int = 0) -> PreviewResult:
    area = _preview(kiosk)
    area.picker.step_day(days)
    area.picker.confirm()
    assert area.result is not None
    return area.result


def _weekday(day: date) -> str:
    return QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek())


# true dates --------------------------------------------------------------------------------------


def test_today_is_only_the_clocks_today_whichever_treatment_day_is_picked(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    assert NOW.astimezone(kiosk._setup.zone).date() == TODAY
    area = _preview(kiosk)
    for step in (-3, 0, 2):
        area.change_time()
        area.picker.day = TODAY
        area.picker.step_day(step)
        area.picker.confirm()
        assert area.result is not None
        preview = area.result.day_preview
        labelled_today = []
        for n in range(1, 8):  # a week from the treatment covers today in each case
            preview.show_day(n)
            day = preview.date_of(n)
            label = preview.date_label.text()
            assert _weekday(day) in label, label  # every day says its weekday
            if "(today)" in label:
                labelled_today.append(day)
        # Treated in the past or today: today is one of the plan's days, the only one so
        # called. Booked ahead (the Tuesday 1 December): no day of the plan is today.
        assert labelled_today == ([TODAY] if step <= 0 else []), step


def test_the_picker_calls_only_the_real_today_today(kiosk: KioskWindow, qtbot: QtBot) -> None:
    picker = _preview(kiosk).picker
    assert picker.day_stepper.value.text().startswith("Today, " + _weekday(TODAY))
    picker.step_day(2)
    text = picker.day_stepper.value.text()
    assert "Today" not in text and "Tomorrow" not in text
    assert text.startswith(_weekday(TODAY + timedelta(days=2)))


def test_the_qr_code_gives_weekday_year_and_zone_to_every_date(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    result = _result(kiosk, 40)  # into next year: 3 January 2027
    lines = result.take_home.text.splitlines()
    assert "All times: New York time" in lines
    dated = [line for line in lines if line.startswith("Treatment: ")] + [
        line
        for line in lines
        if any(line.startswith(m.countdown + ": ") for m in result.plan.milestones)
    ]
    assert len(dated) == 1 + len(result.plan.milestones)
    for line in dated:
        assert " 2027" in line, line
        assert any(
            QLocale().dayName(d, QLocale.FormatType.ShortFormat) in line for d in range(1, 8)
        )
    assert "Sun 3 Jan 2027" in dated[0]


# the QR code -------------------------------------------------------------------------------------


def test_module_size_is_at_least_six_pixels_at_1080p_and_scales_with_the_screen() -> None:
    assert module_px(1080) >= 6
    assert module_px(2160) == 2 * module_px(1080)
    assert module_px(768) < module_px(1080)


def test_a_longer_text_makes_a_larger_code_never_smaller_modules() -> None:
    short, long = "Day 1: Tue 24 Nov 2026", "Test Lane Skin Clinic, " * 20
    for text in (short, long):
        image = qr_image(text, 7)
        assert image.width() == qr_modules(text) * 7
    assert qr_modules(long) > qr_modules(short)


def _decode_from_screen(result: PreviewResult) -> zxingcpp.Barcode:
    """The code as a phone camera sees it: from the pixels on screen."""
    image = result.take_home.code.grab().toImage()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    bits = bytes(grey.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))
    found = zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))
    assert len(found) == 1
    return found[0]


def test_the_code_on_screen_reads_back_with_the_after_hours_advice_at_level_m(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    result = _result(kiosk)
    result.show_view(2)
    take_home = result.take_home
    assert result.countdown.isHidden()  # the code gets the height
    found = _decode_from_screen(result)

    assert found.text == take_home.text
    assert found.ec_level == "M"
    # The warning-signs model's own words for when the clinic is closed, not new ones.
    call_today = kiosk._content.level_words(Level.CALL_TODAY)
    assert call_today.action in found.text
    assert "Out of hours: +1 555 0143" in found.text.splitlines()
    # Fixed pixels per module, by the screen's height.
    screen = take_home.screen()
    assert take_home.module_px == module_px(screen.geometry().height())
    modules = segno.make(found.text, error="m", boost_error=False).symbol_size(border=0)[0]
    pixmap = take_home.code.pixmap()
    assert pixmap.width() == (modules + 2 * QUIET_ZONE) * take_home.module_px
    corners = found.position
    assert abs(
        (corners.top_right.x - corners.top_left.x) - (modules - 1) * take_home.module_px
    ) <= (take_home.module_px)


# printing ----------------------------------------------------------------------------------------


def _printing_kiosk(make_kiosk: MakeKiosk, works: bool = True) -> tuple[KioskWindow, list[object]]:
    printed: list[object] = []

    def print_plan(plan: object) -> bool:
        printed.append(plan)
        return works

    return make_kiosk(STEADY, printer_name="Front desk", print_plan=print_plan), printed


def test_a_visit_prints_one_copy_then_the_button_sends_to_the_desk(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk, printed = _printing_kiosk(make_kiosk)
    take_home = _result(kiosk).take_home
    qtbot.mouseClick(take_home.print_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(take_home.print_button, Qt.MouseButton.LeftButton)
    take_home.print_handout()  # a tap that got in before the button changed
    assert len(printed) == 1
    assert "ask at the desk for another copy" in take_home.print_button.text().lower()
    assert not take_home.print_button.isEnabled()

    # Another time picked in the same visit: still the one copy.
    area = _preview(kiosk)
    area.change_time()
    area.picker.step_day(1)
    area.picker.confirm()
    assert area.result is not None
    again = area.result.take_home
    again.print_handout()
    assert len(printed) == 1
    assert "ask at the desk for another copy" in again.print_button.text().lower()


def test_the_idle_reset_gives_the_next_visitor_their_copy(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk, printed = _printing_kiosk(make_kiosk)
    _result(kiosk).take_home.print_handout()
    kiosk.reset()
    take_home = _result(kiosk).take_home
    assert take_home.print_button.isEnabled()
    take_home.print_handout()
    assert len(printed) == 2


def test_a_print_that_failed_does_not_use_up_the_copy(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk, printed = _printing_kiosk(make_kiosk, works=False)
    take_home = _result(kiosk).take_home
    take_home.print_handout()
    assert len(printed) == 1
    assert "not available" in take_home.status.text()
    assert take_home.print_button.isEnabled()


@pytest.mark.parametrize(
    "facts",
    [
        PrinterFacts("PDF", "Generic CUPS-PDF Printer"),
        PrinterFacts("Office", "HP LaserJet", pdf_output=True),
        PrinterFacts("Office", "HP LaserJet", output_file="/tmp/plan.pdf"),
        PrinterFacts("Print to File"),
        PrinterFacts("Microsoft Print to PDF"),
    ],
)
def test_a_default_printer_that_writes_files_counts_as_no_printer(facts: PrinterFacts) -> None:
    assert writes_files(facts)
    assert kiosk_printer_name(facts) == ""


def test_a_paper_printer_is_the_kiosks_printer() -> None:
    paper = PrinterFacts("Front_Desk", "HP LaserJet Pro M404 (profile 2)")
    assert not writes_files(paper)
    assert kiosk_printer_name(paper) == "Front_Desk"
    assert kiosk_printer_name(None) == ""


def test_with_a_pdf_printer_as_default_the_kiosk_says_ask_at_the_desk(
    make_kiosk: MakeKiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.export import handout_print

    pdf = PrinterFacts("PDF", "Generic CUPS-PDF Printer")
    monkeypatch.setattr(handout_print, "default_printer_facts", lambda: pdf)
    kiosk = make_kiosk(STEADY, printer_name=None)
    take_home = _result(kiosk).take_home
    assert take_home.print_button.isHidden()
    assert "front desk" in take_home.status.text()
