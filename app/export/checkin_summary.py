"""The "for my clinic" summary of the daily skin check-ins, as a PDF.

The treatment's date, then each day the patient checked in: the three answers in the pack's
words, the red-flag questions answered yes, the level the answers reached and why, and the
day's note. Built as a QTextDocument and written with QPdfWriter, as the handout is; it imports
nothing from app.ui (the words come from the pack through app.domain, the labels through
QCoreApplication.translate in context "CheckInSummary").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QSizeF,
    QTime,
)
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from app.domain.checkin import CheckIn, Triage
from app.domain.checkin_words import card_words
from app.domain.warnings import WarningModel, WarningText
from app.export.atomic import write_atomically
from app.render.formatting import local_day

BODY_PT = 11.0
HEADING_PT = {1: 20.0, 2: 13.0}
PAGE_MARGIN_MM = 15.0
PRINT_DPI = 300


@dataclass(frozen=True)
class Summary:
    treated_at: datetime  # aware, on the patient's wall clock
    days: Sequence[tuple[CheckIn, Triage]]  # oldest first, each with the level it reached
    model: WarningModel
    text: WarningText
    values: Mapping[str, str]  # {{emergency_number}}, {{clinic_name}}
    clinic_name: str  # "" when no clinic is configured
    made_on: date


def build_summary(summary: Summary) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    title = QCoreApplication.translate("CheckInSummary", "My skin check-ins")
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    font = QFont()
    font.setPointSizeF(BODY_PT)
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    _write(cursor, title, HEADING_PT[1], bold=True, first=True)
    if summary.clinic_name:
        _write(
            cursor,
            QCoreApplication.translate("CheckInSummary", "For {clinic}").format(
                clinic=summary.clinic_name
            ),
            BODY_PT,
        )
    when = summary.treated_at
    _write(
        cursor,
        QCoreApplication.translate("CheckInSummary", "Treatment: {date}, {time}").format(
            date=_long_day(when.date()), time=_time(when)
        ),
        BODY_PT,
        bold=True,
    )
    _write(
        cursor,
        QCoreApplication.translate("CheckInSummary", "Made on {date}.").format(
            date=_long_day(summary.made_on)
        ),
        BODY_PT,
    )
    if not summary.days:
        _write(
            cursor,
            QCoreApplication.translate("CheckInSummary", "No check-ins yet."),
            BODY_PT,
            top=8,
        )
    for entry, result in summary.days:
        _day(cursor, summary, entry, result)
    _write(
        cursor,
        QCoreApplication.translate(
            "CheckInSummary",
            "These are the patient's own answers in the Microneedling Companion app. The "
            "levels follow the warning signs in the app. They are not a diagnosis.",
        ),
        BODY_PT - 1,
        top=12,
    )
    return document


def _day(cursor: QTextCursor, summary: Summary, entry: CheckIn, result: Triage) -> None:
    text = summary.text
    heading = QCoreApplication.translate("CheckInSummary", "Day {n}: {date}").format(
        n=entry.day, date=_long_day(entry.local_date)
    )
    _write(cursor, heading, HEADING_PT[2], bold=True, top=10)
    answers = []
    for symptom in summary.model.checkin.symptoms:
        score = entry.scores.get(symptom)
        word = (
            text.severities[score.key]
            if score is not None
            else QCoreApplication.translate("CheckInSummary", "not answered")
        )
        pair = QCoreApplication.translate("CheckInSummary", "{symptom}: {answer}")
        answers.append(pair.format(symptom=text.symptoms[symptom], answer=word))
    _write(cursor, "   ·   ".join(answers), BODY_PT)
    questions = summary.model.checkin.questions
    said_yes = [text.questions[q.id] for q in questions if q.id in entry.yes]
    for question in said_yes:
        _write(
            cursor,
            QCoreApplication.translate("CheckInSummary", "Yes: {question}").format(
                question=question
            ),
            BODY_PT,
            bold=True,
        )
    if entry.answered:
        yes = sum(q.id in entry.yes for q in questions)
        no = sum(q.id in entry.no for q in questions)
        counts = QCoreApplication.translate(
            "CheckInSummary", "Warning questions: {yes} yes, {no} no, {skipped} not answered."
        )
        _write(cursor, counts.format(yes=yes, no=no, skipped=len(questions) - yes - no), BODY_PT)
    if entry.answered:
        words = card_words(result, text, summary.values)
        if words.level is None:
            level = QCoreApplication.translate("CheckInSummary", "Result: no call needed.")
        else:
            level = QCoreApplication.translate("CheckInSummary", "Result: {level}. {title}").format(
                level=words.label, title=words.title
            )
        _write(cursor, level, BODY_PT, bold=True)
        for reason in words.reasons:
            _write(cursor, "•  " + reason, BODY_PT)
    else:
        _write(
            cursor, QCoreApplication.translate("CheckInSummary", "No answers this day."), BODY_PT
        )
    if entry.note:
        # The patient's words, as plain text: never read as markup.
        _write(
            cursor, QCoreApplication.translate("CheckInSummary", "Note:"), BODY_PT, bold=True, top=2
        )
        _write(cursor, entry.note, BODY_PT)


def _write(
    cursor: QTextCursor,
    text: str,
    size: float,
    *,
    bold: bool = False,
    top: float = 0,
    first: bool = False,
) -> None:
    block = QTextBlockFormat()
    block.setTopMargin(top)
    block.setBottomMargin(3)
    chars = QTextCharFormat()
    chars.setFontPointSize(size)
    chars.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if first:
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(chars)
    else:
        cursor.insertBlock(block, chars)
    # Line breaks in a note stay line breaks (insertText would make them paragraph breaks).
    for index, line in enumerate(text.split("\n")):
        if index:
            cursor.insertText("\u2028", chars)
        cursor.insertText(line, chars)


def _long_day(day: date) -> str:
    return local_day(day, year=True)


def _time(moment: datetime) -> str:
    clock = QTime(moment.hour, moment.minute)
    return QLocale().toString(clock, QLocale.FormatType.ShortFormat)


def _page_layout() -> QPageLayout:
    """A4, or Letter where the locale measures in US units; the handout's margins."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    size = QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)
    margins = QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def write_summary_pdf(document: QTextDocument, path: Path) -> None:
    """Write the summary as a PDF at `path`, in one step (write_atomically): a failure
    (OSError) leaves no new file and any old one untouched. The file is owner-only."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PRINT_DPI)
    writer.setPageLayout(_page_layout())
    writer.setTitle(QCoreApplication.translate("CheckInSummary", "My skin check-ins"))
    writer.setCreator(QCoreApplication.applicationName() or "Microneedling Companion")
    copy = document.clone()
    copy.documentLayout().setPaintDevice(writer)
    copy.setPageSize(QSizeF(writer.width(), writer.height()))
    copy.print_(writer)
    del writer  # finishes the PDF
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF-"):
        raise OSError(f"could not write a PDF to {path}")
    write_atomically(Path(path), data)


def save_summary(summary: Summary, path: Path) -> None:
    write_summary_pdf(build_summary(summary), path)
