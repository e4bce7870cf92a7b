"""The "take it home" QR code: a short plain-text summary any phone camera can read.

Plain text, not a link or a calendar file: it works offline, on every phone, and shows exactly
what it holds. No name is ever in it; the kiosk never asks for one. Every medical word in it is
a milestone label from the content pack.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from app.domain.plan import RecoveryPlan
from app.render.formatting import local_moment, milestone_when


def tr(text: str) -> str:
    return QCoreApplication.translate("KioskQr", text)


def _plain(text: str) -> str:
    # The no-break spaces that keep "5:00 PM" together on screen mean nothing to a phone's
    # text view, and some readers show them as boxes.
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def summary_text(plan: RecoveryPlan, clinic_name: str, clinic_phone: str) -> str:
    """The QR code's text: the treatment time, each milestone with its date, and the clinic."""
    lines = [
        tr("Microneedling aftercare"),
        tr("Treatment: {when}").format(when=_plain(local_moment(plan.treated_at, plan.zone))),
    ]
    for milestone in plan.milestones:
        when = _plain(milestone_when(milestone, plan.zone, start=False))
        lines.append(tr("{label}: {when}").format(label=milestone.label, when=when))
    if clinic_phone:
        who = clinic_name or tr("Your clinic")
        lines.append(tr("{clinic}: {phone}").format(clinic=who, phone=clinic_phone))
    lines.append(tr("General information. Follow your clinic's instructions."))
    return "\n".join(lines)


QUIET_ZONE = 4  # modules of white around the code, which scanners need


def qr_image(text: str, side_px: int) -> QImage:
    """The QR code of `text` as an image about `side_px` wide (whole pixels per module, at least
    2), quiet zone included."""
    code = segno.make(text, error="m", micro=False)
    modules = int(code.symbol_size(border=QUIET_ZONE)[0])
    data = io.BytesIO()
    code.save(
        data,
        kind="png",
        scale=max(2, side_px // modules),
        border=QUIET_ZONE,
        dark="#000000",
        light="#FFFFFF",
    )
    image = QImage.fromData(data.getvalue())
    if image.isNull():  # segno writes PNG itself; a null image would mean a broken install
        raise RuntimeError("the QR code could not be drawn")
    return image
