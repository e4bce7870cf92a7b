"""Write a plan out as a calendar file or a PDF handout: the one code path for the window and
the command line, so both always produce the same file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from app.domain.plan import RecoveryPlan
    from app.export.ics import CalendarWords
    from app.render.content_provider import ContentProvider


def save_calendar(
    plan: RecoveryPlan,
    content: ContentProvider,
    out: Path,
    stamp: datetime,
    *,
    replace: bool = True,
) -> None:
    """`stamp` is when the file is made (DTSTAMP): a newer one tells calendar apps that an
    import with the same event ids carries updated times. With `replace=False` an existing
    `out` is left alone (FileExistsError)."""
    from app.export.atomic import write_atomically
    from app.export.ics import build_calendar

    data = build_calendar(
        plan,
        clinic_name=content.clinic_name,
        clinic_phone=content.clinic_phone,
        words=calendar_words(),
        stamp=stamp,
    )
    write_atomically(out, data, replace=replace)


def calendar_words() -> CalendarWords:
    """The calendar's words, with times and weekdays as the handout writes them: the locale's
    own clock ("5:30 PM" or "17:30") and weekday name."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication, QLocale

    from app.export.ics import CalendarWords
    from app.render.formatting import clock_time

    locale = QLocale()
    words = CalendarWords.english().translated(
        lambda text: QCoreApplication.translate("Calendar", text)
    )
    return replace(
        words,
        clock=lambda wall: clock_time(wall).replace("\u00a0", " "),
        weekday=lambda day: locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat),
    )


def handout_document(
    plan: RecoveryPlan, content: ContentProvider, logo: Path | None = None
) -> QTextDocument:
    from app.export.handout import build_handout

    return build_handout(
        plan,
        content,
        clinic_name=content.clinic_name,
        clinic_phone=content.clinic_phone,
        logo=logo,
    )


def save_handout(
    plan: RecoveryPlan,
    content: ContentProvider,
    out: Path,
    logo: Path | None = None,
    *,
    replace: bool = True,
) -> None:
    """The handout as a PDF at `out`, written atomically, owner-only. With `replace=False` an
    existing `out` is left alone (FileExistsError)."""
    from app.export.handout import write_pdf

    document = handout_document(plan, content, logo)
    if replace:
        write_pdf(document, out)
        return
    import secrets

    from app.export.atomic import place

    # write_pdf always replaces: write a hidden new file beside `out`, then move it into place
    # only if nothing is there.
    staging = out.with_name(f".{out.name}.{secrets.token_hex(4)}.new")
    try:
        write_pdf(document, staging)
        place(staging, out, replace=False)
    finally:
        staging.unlink(missing_ok=True)
