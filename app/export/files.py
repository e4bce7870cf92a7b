"""Write a plan out as a calendar file or a PDF handout: the one code path for the window and
the command line, so both always produce the same file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from app.domain.plan import RecoveryPlan
    from app.ui.content_provider import ContentProvider


def save_calendar(plan: RecoveryPlan, content: ContentProvider, out: Path, stamp: datetime) -> None:
    """`stamp` is when the file is made (DTSTAMP): a newer one tells calendar apps that an
    import with the same event ids carries updated times."""
    from app.export.atomic import write_atomically
    from app.export.ics import CalendarWords, build_calendar

    data = build_calendar(
        plan,
        clinic_name=content.clinic_name,
        clinic_phone=content.clinic_phone,
        words=CalendarWords.english(),
        stamp=stamp,
    )
    write_atomically(out, data)


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
    plan: RecoveryPlan, content: ContentProvider, out: Path, logo: Path | None = None
) -> None:
    from app.export.handout import write_pdf

    write_pdf(handout_document(plan, content, logo), out)
