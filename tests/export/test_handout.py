"""The printable handout: real dates, the emergency line first, sharp pictures, at most 2 pages.

The plan comes from the test pack (tests/fixtures): makeup 30 real hours, sun protection 10
calendar days."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QLocale, QSizeF, QTranslator
from PySide6.QtGui import (
    QColor,
    QImage,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QApplication, QDialog

from app.domain.plan import RecoveryPlan, build_plan
from app.domain.warnings import Level
from app.export import handout, handout_print
from app.export.handout import (
    ILLUSTRATION_URL,
    LOGO_URL,
    build_handout,
    print_handout,
    write_pdf,
)
from app.render.content_provider import ContentProvider

PHONE = "(555) 010-2030"
US_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.fixture
def provider(loaded_content: ContentProvider) -> ContentProvider:
    return loaded_content  # the test pack


@pytest.fixture
def us_locale(qapp: QApplication) -> Iterator[None]:
    """US English: 12-hour times and Letter paper. The default locale is put back after."""
    previous = QLocale()
    QLocale.setDefault(US_ENGLISH)
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def plan(provider: ContentProvider) -> RecoveryPlan:
    # 16:00 in New York on Saturday 7 March 2026, the day before the clocks go forward.
    content = provider.content()
    return build_plan(
        datetime(2026, 3, 7, 21, tzinfo=UTC),
        ZoneInfo("America/New_York"),
        content.protocol,
        content.text,
    )


def _pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Any run of white space (times keep no-break spaces, some words come out tab-separated,
    # lines wrap) as one plain space.
    return re.sub(r"\s+", " ", text), len(reader.pages)


def _plain(document: QTextDocument) -> str:
    return document.toPlainText().replace("\u00a0", " ")


def test_the_pdf_has_the_real_dates_the_phone_and_the_emergency_words(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    out = tmp_path / "handout.pdf"
    write_pdf(build_handout(plan, provider, clinic_phone=PHONE), out)

    text, pages = _pdf_text(out)
    assert pages in (1, 2)
    flat = text
    # Makeup: 30 real hours after 16:00 EST is 23:00 EDT the next day.
    assert "Sun 8 Mar" in flat and "11:00 PM" in flat
    assert "Tue 17 Mar" in flat  # sun care ends, 10 calendar days later
    assert "Sat 7 Mar 2026, 4:00 PM, New York time" in flat  # the treatment itself
    assert PHONE in flat
    emergency = provider.level_words(Level.EMERGENCY)  # the pack's one model of the signs
    assert emergency.title in flat and emergency.signs[-1] in flat
    assert "last reviewed" in flat.lower()
    assert "General information. Follow your clinic's instructions." in flat
    # US English: Letter paper (612 x 792 points).
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a4_outside_the_us_and_still_two_pages_at_most(
    qapp: QApplication, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    previous = QLocale()
    QLocale.setDefault(UK_ENGLISH)
    try:
        out = tmp_path / "handout.pdf"
        write_pdf(build_handout(plan, provider, clinic_phone=PHONE), out)
        text, pages = _pdf_text(out)
    finally:
        QLocale.setDefault(previous)
    assert pages in (1, 2)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "Sun 8 Mar" in text and "23:00" in text  # the locale's own 24-hour clock


def test_sections_come_in_order_with_the_emergency_first_and_boxed(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider
) -> None:
    document = build_handout(plan, provider, clinic_name="Riverside Skin", clinic_phone=PHONE)
    text = _plain(document)
    order = [
        "Riverside Skin",
        "Your treatment: Sat 7 Mar 2026, 4:00 PM, New York time",
        "When can I do things again?",
        "Daily checklist",
        "What is normal?",
        "Warning signs",
        provider.level_words(Level.EMERGENCY).title,
        "Call Riverside Skin today",  # the clinic passed in fills the pack's words
        f"Clinic phone: {PHONE}",
        "Content last reviewed: 24 November 2026",
    ]
    position = 0
    for words in order:  # each after the one before (the phone is in the header too)
        position = text.index(words, position) + len(words)
    assert text.index(f"Phone: {PHONE}") < text.index("Your treatment")  # the header

    # The emergency words sit in a bordered frame, in bold.
    boxed = [
        frame
        for frame in document.rootFrame().childFrames()
        if frame.frameFormat().boolProperty(handout.KEEP_TOGETHER)
    ]
    assert len(boxed) == 1
    frame = boxed[0]
    assert frame.frameFormat().border() >= 2
    block = document.findBlock(frame.firstPosition())
    words = ""
    while block.isValid() and block.position() < frame.lastPosition():
        words += block.text() + "\n"
        fragment = block.begin()
        while not fragment.atEnd():
            if fragment.fragment().text().strip():
                assert fragment.fragment().charFormat().fontWeight() >= 700
            fragment += 1
        block = block.next()
    emergency = provider.level_words(Level.EMERGENCY)
    assert emergency.title in words and emergency.signs[-1].split()[-1] in words
    assert "clinic phone" not in words.lower()


def test_milestones_table_has_what_when_from_about_and_the_words_for_who_set_it(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider
) -> None:
    text = _plain(build_handout(plan, provider))
    for milestone in plan.milestones:
        assert milestone.label in text
        assert milestone.detail in text
        assert milestone.detail.startswith("Test default:")  # nobody set a value
    assert "Test clinic:" not in text
    assert "From about 11:00 PM on Sun 8 Mar" in text  # makeup: 30 real hours
    assert "From about 4:00 PM on Tue 17 Mar" in text  # sun care: 10 calendar days
    assert "About Sat 11 Apr" in text  # the next session: a date, no time
    assert "Your aftercare plan" in text  # the title when no clinic name is given


def test_the_checklist_lists_each_item_once_with_its_days(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider
) -> None:
    text = _plain(build_handout(plan, provider))
    words = plan.text
    expected = {
        "gentle-wash": "Days 1–5",
        "moisturizer": "Days 1–6",
        "hands-off": "Days 1–4",
        "sun-protection": "Days 1–11",  # sun care ends at 16:00 on day 11
        "no-makeup": "Days 1–2",  # makeup is fine from 23:00 on day 2
        "clean-brushes": "Days 3–6",  # once makeup is allowed, to the item's last day
        "no-sweating": "Days 1–4",  # 60 hours: to 05:00 on day 4
        "no-actives": "Days 1–6",
    }
    for item_id, days in expected.items():
        line = f"{days}: {words.item(item_id)}"
        assert text.count(words.item(item_id)) == 1
        assert line in text
    assert "Day 1 is the day of your treatment, Saturday 7 March 2026." in text


def test_what_is_normal_has_every_phase(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider
) -> None:
    text = _plain(build_handout(plan, provider))
    for span in plan.phases:
        assert f"{span.name}:" in text
        for line in span.normal:
            assert line in text


def test_the_illustration_is_embedded_at_print_resolution(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider
) -> None:
    document = build_handout(plan, provider)
    image = document.resource(QTextDocument.ResourceType.ImageResource, ILLUSTRATION_URL)
    assert isinstance(image, QImage)
    assert image.width() >= 1500
    # Shown at the column width (180 mm, in the 96-dpi pixels the layout scales to paper).
    assert f'<img src="{ILLUSTRATION_URL.toString()}" width="680"' in document.toHtml()


def test_the_pdf_carries_the_large_picture(
    qapp: QApplication, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    # A4: on Letter every warning sign leaves the shipped content no room for the picture,
    # which then gives way (test_warning_signs_on_every_surface.py).
    previous = QLocale()
    QLocale.setDefault(UK_ENGLISH)
    try:
        out = tmp_path / "handout.pdf"
        write_pdf(build_handout(plan, provider), out)
    finally:
        QLocale.setDefault(previous)
    widths = [
        int(picture.get_object()["/Width"])
        for page in PdfReader(out).pages
        for picture in page["/Resources"].get("/XObject", {}).values()
        if picture.get_object()["/Subtype"] == "/Image"
    ]
    assert widths and max(widths) >= 1500


def test_an_svg_logo_is_drawn_sharp_and_a_broken_one_is_left_out(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
        '<rect width="40" height="20" fill="#0B6E74"/></svg>',
        encoding="utf-8",
    )
    document = build_handout(plan, provider, clinic_name="Riverside Skin", logo=logo)
    image = document.resource(QTextDocument.ResourceType.ImageResource, LOGO_URL)
    assert isinstance(image, QImage)
    assert image.height() >= 300 and image.width() >= 600  # not the SVG's own 40 x 20
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor("#0B6E74")

    broken = tmp_path / "broken.svg"
    broken.write_text("not an svg", encoding="utf-8")
    document = build_handout(plan, provider, clinic_name="Riverside Skin", logo=broken)
    # Not document.resource(LOGO_URL): PySide6 mishandles the None it returns for a missing one.
    assert LOGO_URL.toString() not in document.toHtml()
    assert "Riverside Skin" in _plain(document)


def test_with_a_logo_and_a_clinic_name_it_still_fits_two_pages(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    picture = QImage(400, 160, QImage.Format.Format_RGB32)
    picture.fill(QColor("#0B6E74"))
    assert picture.save(str(logo))
    out = tmp_path / "handout.pdf"
    document = build_handout(
        plan, provider, clinic_name="Riverside Skin Clinic", clinic_phone=PHONE, logo=logo
    )
    write_pdf(document, out)
    text, pages = _pdf_text(out)
    assert pages in (1, 2)
    assert "Riverside Skin Clinic" in text


@pytest.mark.parametrize("locale", [US_ENGLISH, UK_ENGLISH], ids=["letter", "a4"])
def test_the_emergency_box_is_never_split_across_pages(
    qapp: QApplication,
    locale: QLocale,
    plan: RecoveryPlan,
    provider: ContentProvider,
    tmp_path: Path,
) -> None:
    previous = QLocale()
    QLocale.setDefault(locale)
    try:
        document = build_handout(plan, provider, clinic_phone=PHONE)
        writer = QPdfWriter(str(tmp_path / "layout.pdf"))
        writer.setResolution(handout.PRINT_DPI)
        writer.setPageLayout(handout._page_layout())
        laid_out = handout._laid_out(document, writer)
    finally:
        QLocale.setDefault(previous)
    assert laid_out.pageCount() <= 2
    height = laid_out.pageSize().height()
    layout = laid_out.documentLayout()
    for frame in laid_out.rootFrame().childFrames():
        if frame.frameFormat().boolProperty(handout.KEEP_TOGETHER):
            box = layout.frameBoundingRect(frame)
            assert int(box.top() // height) == int((box.bottom() - 1) // height)


def _page_with_a_boxed_section(lines_before: int) -> tuple[QTextDocument, QTextFrame]:
    """A small page: `lines_before` short paragraphs, a heading, then a KEEP_TOGETHER box of
    eight lines, the way the handout writes its emergency section."""
    document = QTextDocument()
    document.setPageSize(QSizeF(300, 400))
    cursor = QTextCursor(document)
    for number in range(lines_before):
        cursor.insertText(f"Line {number}")
        cursor.insertBlock()
    heading = QTextBlockFormat()
    heading.setHeadingLevel(2)
    cursor.setBlockFormat(heading)
    cursor.insertText("Warning signs")
    box = QTextFrameFormat()
    box.setBorder(2)
    box.setProperty(handout.KEEP_TOGETHER, True)
    frame = cursor.insertFrame(box)
    cursor.setBlockFormat(QTextBlockFormat())
    cursor.insertText("\n".join(f"Emergency {number}" for number in range(8)))
    return document, frame


@pytest.mark.parametrize("lines_before", range(0, 40, 3))
def test_a_box_that_would_be_split_moves_to_the_next_page_with_its_heading(
    qapp: QApplication, lines_before: int
) -> None:
    document, frame = _page_with_a_boxed_section(lines_before)
    handout_print._keep_together(document)
    layout = document.documentLayout()
    height = document.pageSize().height()
    box = layout.frameBoundingRect(frame)
    heading = document.findBlock(frame.firstPosition()).previous()
    assert heading.text() == "Warning signs"
    assert int(box.top() // height) == int((box.bottom() - 1) // height)
    # The heading is on the box's page, never left alone on a page before it.
    assert int(layout.blockBoundingRect(heading).top() // height) == int(box.top() // height)


def test_app_words_go_through_the_handout_translation_context(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider
) -> None:
    class Marking(QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return f"«{source}»" if context == "Handout" else ""

    translator = Marking()
    QCoreApplication.installTranslator(translator)
    try:
        text = _plain(build_handout(plan, provider))
    finally:
        QCoreApplication.removeTranslator(translator)
    for words in (
        "«Your aftercare plan»",
        "«Daily checklist»",
        "«What is normal?»",
        "«Warning signs»",
        "«When can I do things again?»",
        "«General information. Follow your clinic's instructions.»",
        "«Content last reviewed: 24 November 2026»",
    ):
        assert words in text


def test_write_pdf_to_an_unwritable_place_raises_and_leaves_nothing(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    document = build_handout(plan, provider)
    missing = tmp_path / "no-such-folder" / "handout.pdf"
    with pytest.raises(OSError):
        write_pdf(document, missing)
    assert not missing.exists()

    # A folder in the way: the PDF is written, the rename fails, the temporary file goes.
    folder = tmp_path / "taken"
    (folder / "inside").mkdir(parents=True)
    with pytest.raises(OSError):
        write_pdf(document, folder)
    assert folder.is_dir()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["taken"]


def test_write_pdf_replaces_an_old_file_whole(
    us_locale: None, plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path
) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"old")
    write_pdf(build_handout(plan, provider), out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in tmp_path.iterdir()] == ["handout.pdf"]


def test_print_handout_returns_false_when_cancelled_and_prints_when_accepted(
    us_locale: None,
    plan: RecoveryPlan,
    provider: ContentProvider,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    if not isinstance(QCoreApplication.instance(), QApplication):
        # An earlier test (export-handout from the command line) made the process's one app a
        # headless QGuiApplication; dialogs cannot exist in it.
        with pytest.raises(RuntimeError):
            print_handout(build_handout(plan, provider), None)
        pytest.skip("a headless QGuiApplication already exists in this test process")
    document = build_handout(plan, provider, clinic_phone=PHONE)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert print_handout(document, None) is False

    out = tmp_path / "printed.pdf"

    def accept_to_file(dialog: QPrintDialog) -> QDialog.DialogCode:
        dialog.printer().setOutputFileName(str(out))  # a PDF "printer"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept_to_file)
    assert print_handout(document, None) is True
    text, pages = _pdf_text(out)
    assert pages in (1, 2)
    assert "Sun 8 Mar" in text and PHONE in text
