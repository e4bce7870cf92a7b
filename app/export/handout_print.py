"""Printing the handout: the paper and its margins, the document laid out at the printer's
resolution (headings kept with what follows them, the emergency box in one piece, pictures
fitted to the column and to MAX_PAGES, or left out when too small to read), and the PDF or the
printed pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from app.export.atomic import write_atomically
from app.render.images import image_fragments, set_image_size

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

__all__ = [
    "ILLUSTRATION_URL",
    "KEEP_TOGETHER",
    "PAGE_MARGIN_MM",
    "PRINT_DPI",
    "PrinterFacts",
    "default_printer_facts",
    "kiosk_printer_name",
    "page_size_for_locale",
    "print_handout",
    "print_on_default_printer",
    "write_pdf",
    "writes_files",
]

PRINT_DPI = 300
PAGE_MARGIN_MM = 15.0  # left and right
# Top and bottom: every printer prints this close to the edge, and the two pages need the room
# for every warning sign at 12 pt.
PAGE_MARGIN_TOP_MM = 12.0
# The illustration's name in the document: it is the picture made smaller to fit MAX_PAGES.
ILLUSTRATION_URL = QUrl("mnc-handout:recovery-timeline")
MAX_PAGES = 2
# The illustration is shown at the column width, or smaller when that would need a third page.
ILLUSTRATION_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5)
# A frame property: do not split this box across pages.
KEEP_TOGETHER = QTextFormat.Property.UserProperty + 1


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def _page_layout() -> QPageLayout:
    margin, top = PAGE_MARGIN_MM, PAGE_MARGIN_TOP_MM
    return QPageLayout(
        page_size_for_locale(),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin, top, margin, top),
        QPageLayout.Unit.Millimeter,
    )


def _print_to(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay a copy of `document` out on `device`'s pages, at its resolution, and print it.
    Returns the number of pages."""
    copy = _laid_out(document, device)
    copy.print_(device)
    return copy.pageCount()


def _laid_out(document: QTextDocument, device: QPagedPaintDevice) -> QTextDocument:
    """A copy of `document` paginated for `device`: laid out in the device's own pixels (so
    print_() draws it 1:1), headings kept with what follows them, the emergency box in one
    piece, and the illustration as large as still fits in MAX_PAGES."""
    best: QTextDocument | None = None
    for scale in (*ILLUSTRATION_SCALES, None):  # None: without the illustration
        # clone() copies the pictures too, and a ClosedTextDocument's copy is closed as well.
        # (Never ask a document for a resource it may not have: PySide6 6.12 answers a
        # missing one with a None it does not own, and enough of those crash the interpreter
        # at exit.)
        copy = document.clone()
        copy.documentLayout().setPaintDevice(device)
        page = QSizeF(device.width(), device.height())
        if scale is None:
            # Smaller, its labels could not be read: the words (the warning signs above all)
            # keep their two pages and the picture gives way.
            _drop_illustration(copy)
        _fit_images(copy, page.width() * 96.0 / device.logicalDpiX(), scale or 1.0)
        copy.setPageSize(page)
        # Lay it all out first: Qt lays a document out lazily, and _keep_together reads where
        # boxes and headings fall (with a later part not yet laid out, a break went astray).
        copy.pageCount()
        _keep_together(copy)
        best = copy
        if copy.pageCount() <= MAX_PAGES:
            break
    assert best is not None
    return best


def _drop_illustration(document: QTextDocument) -> None:
    """Take the illustration out of `document`, and the room of its line (the block stays: a
    block joined across the frame above it would upset the layout)."""
    for position, length, picture in image_fragments(document):
        if picture.name() == ILLUSTRATION_URL.toString():
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            flat = QTextBlockFormat()
            flat.setTopMargin(0)
            flat.setBottomMargin(0)
            flat.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor.mergeBlockFormat(flat)
            tiny = QTextCharFormat()
            tiny.setFontPointSize(1)
            cursor.setBlockCharFormat(tiny)  # an empty line is as high as its font
            return


def _keep_together(document: QTextDocument) -> None:
    """Move a heading that would end a page to the next one, and the same for a box marked
    KEEP_TOGETHER that would be split (the emergency box). One page break at a time, in
    reading order, as each changes the layout of everything after it."""
    layout = document.documentLayout()
    height = document.pageSize().height()

    def page_of(y: float) -> int:
        return int(y // height)

    for _ in range(50):  # each pass adds a break; a handout has far fewer places than this
        block = document.begin()
        moved = False
        while block.isValid() and not moved:
            following = block.next()
            frame = QTextCursor(block).currentFrame()
            if (
                frame is not None
                and frame.firstPosition() == block.position()
                and frame.frameFormat().boolProperty(KEEP_TOGETHER)
                and not _breaks_before(frame.frameFormat())
            ):
                box = layout.frameBoundingRect(frame)
                if page_of(box.top()) != page_of(box.bottom() - 1) and box.height() < height:
                    heading = block.previous()
                    if (
                        heading.isValid()
                        and heading.blockFormat().headingLevel()
                        and not _breaks_before(heading.blockFormat())
                    ):
                        # The box moves with its heading. (A break before the box alone left
                        # the heading at the foot of the page; the heading rule then moved it
                        # to a page of its own, and the box to the page after.)
                        breaks = QTextBlockFormat()
                        breaks.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        QTextCursor(heading).mergeBlockFormat(breaks)
                    else:
                        boxed = frame.frameFormat()
                        boxed.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        frame.setFrameFormat(boxed)
                    moved = True
                    continue
            if (
                block.blockFormat().headingLevel()
                and following.isValid()
                and not _breaks_before(block.blockFormat())
                and page_of(_first_line_top(layout, block))
                != page_of(_first_line_top(layout, following))
            ):
                breaks = QTextBlockFormat()
                breaks.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(breaks)
                moved = True
                continue
            block = following
        if not moved:
            return


def _first_line_top(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    """Where the block's first line is drawn: a line that does not fit at the foot of a page
    is moved to the next one inside its block, so the block's own top can be a page early."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines is not None and lines.lineCount():
        top += lines.lineAt(0).y()
    return top


def _breaks_before(fmt: QTextFormat) -> bool:
    policy = fmt.intProperty(QTextFormat.Property.PageBreakPolicy)
    return bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore.value)


def _fit_images(document: QTextDocument, column_px: float, scale: float) -> None:
    """Size the illustration to `scale` of its width, and any picture wider than the column
    (paper narrower than A4) to the column, keeping its shape."""
    for position, length, picture in image_fragments(document):
        width = picture.width()
        if picture.name() == ILLUSTRATION_URL.toString():
            width *= scale
        width = min(width, column_px)
        if width != picture.width():
            height = int(picture.height() * width / picture.width())
            set_image_size(document, position, length, picture, int(width), height)


def write_pdf(document: QTextDocument, path: Path) -> None:
    """Write the handout as a PDF at `path`: A4 or Letter by the locale, 300 dpi, 15 mm
    margins. Atomic: the PDF is made in memory and written with write_atomically, so a failure
    (OSError) leaves no new file and any old one untouched."""
    path = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PRINT_DPI)
    writer.setPageLayout(_page_layout())
    writer.setTitle(QCoreApplication.translate("Handout", "Your aftercare plan"))
    writer.setCreator(QCoreApplication.applicationName() or "Microneedling Companion")
    _print_to(document, writer)
    del writer  # finishes the PDF
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF-"):
        raise OSError(f"could not write a PDF to {path}")
    write_atomically(path, data)


def print_handout(document: QTextDocument, parent: QWidget | None) -> bool:
    """Ask which printer (the system's print dialog), then print. False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QDialog

    if not isinstance(QCoreApplication.instance(), QApplication):
        # Qt aborts the whole process when a dialog is made without one.
        raise RuntimeError("printing needs a QApplication (a window), not a headless app")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout())
    printer.setDocName(QCoreApplication.translate("Handout", "Your aftercare plan"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Handout", "Print your aftercare plan"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _print_to(document, printer)
    return True


@dataclass(frozen=True)
class PrinterFacts:
    """What the kiosk needs to know of a printer: is it paper, or a file on the kiosk's disk?"""

    name: str
    make_and_model: str = ""
    pdf_output: bool = False  # Qt itself would write a PDF (QPrinter.OutputFormat.PdfFormat)
    output_file: str = ""  # Qt would write to this file


# A "printer" that makes files: CUPS-PDF ("Generic CUPS-PDF Printer", queue "PDF"), "Print to
# File", "Microsoft Print to PDF", "Save as PDF".
_FILE_PRINTER = re.compile(r"\bpdf\b|print to file|\bfile\b", re.IGNORECASE)


def writes_files(facts: PrinterFacts) -> bool:
    """Whether printing to this printer writes a file instead of paper. On a kiosk such a file
    would stay on the disk with a visitor's plan in it, and nobody would get a copy."""
    if facts.pdf_output or facts.output_file:
        return True
    return bool(_FILE_PRINTER.search(f"{facts.name} {facts.make_and_model}"))


def default_printer_facts() -> PrinterFacts | None:
    """The system's default printer, or None when there is none."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    return PrinterFacts(
        name=info.printerName(),
        make_and_model=info.makeAndModel(),
        pdf_output=printer.outputFormat() == QPrinter.OutputFormat.PdfFormat,
        output_file=printer.outputFileName(),
    )


def kiosk_printer_name(facts: PrinterFacts | None) -> str:
    """The printer a kiosk may print on: the default one when it prints on paper, else ""
    (no printer: the kiosk says "ask at the desk")."""
    if facts is None or writes_files(facts):
        return ""
    return facts.name


def print_on_default_printer(document: QTextDocument) -> bool:
    """Print straight to the default printer, with no dialog: the kiosk's way, because the print
    dialog offers "print to file" and a file browser, a way out of the kiosk. False when the
    computer has no printer, or its default printer writes files."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull() or not kiosk_printer_name(default_printer_facts()):
        return False
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout())
    printer.setDocName(QCoreApplication.translate("Handout", "Your aftercare plan"))
    _print_to(document, printer)
    return True
