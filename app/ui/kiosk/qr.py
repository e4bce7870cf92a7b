"""The "take it home" QR code: a short plain-text summary any phone camera can read.

Plain text, not a link or a calendar file: it works offline, on every phone, and shows exactly
what it holds. No name is ever in it; the kiosk never asks for one. Every medical word in it is
from the content pack: the milestone labels, and the warning-signs model's "call today" advice
for when the clinic is closed. It is read later, elsewhere, so every date has its weekday and
year, and the time zone is named ("New York time").

The code is drawn with a fixed number of pixels per module, scaled with the screen, so that a
longer text makes a bigger code, never one with smaller modules that a phone cannot read from a
chair (at least 6 px at 1080p; error correction M).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import segno
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from app.domain.plan import RecoveryPlan
from app.render.formatting import local_moment, milestone_when
from app.render.zone_words import place_words

# A phone held at a chair's distance reads 6 px modules at 1080p; more would push a long
# clinic's code off a 1366x768 screen.
MODULE_PX_AT_1080P = 6
MIN_MODULE_PX = 3


def _plain(text: str) -> str:
    # The no-break spaces that keep "5:00 PM" together on screen mean nothing to a phone's
    # text view, and some readers show them as boxes.
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def summary_text(
    plan: RecoveryPlan, clinic_name: str, clinic_phone: str, after_hours: Sequence[str] = ()
) -> str:
    """The QR code's text: the time zone, the treatment time, each milestone with its date, the
    clinic, and `after_hours` (the warning-signs model's words for when the clinic is closed)."""
    treated = _plain(local_moment(plan.treated_at, plan.zone, year=True))
    lines = [
        QCoreApplication.translate("KioskQr", "Microneedling aftercare"),
        QCoreApplication.translate("KioskQr", "All times: {zone}").format(
            zone=place_words(plan.zone.key)
        ),
        QCoreApplication.translate("KioskQr", "Treatment: {when}").format(when=treated),
    ]
    for milestone in plan.milestones:
        # The pack's short subject ("Makeup OK"), not the sentence: every byte makes the code
        # bigger on the screen.
        when = _plain(milestone_when(milestone, plan.zone, start=False, year=True))
        lines.append(
            QCoreApplication.translate("KioskQr", "{label}: {when}").format(
                label=milestone.countdown, when=when
            )
        )
    if clinic_phone:
        who = clinic_name or QCoreApplication.translate("KioskQr", "Your clinic")
        lines.append(
            QCoreApplication.translate("KioskQr", "{clinic}: {phone}").format(
                clinic=who, phone=clinic_phone
            )
        )
    lines.extend(_plain(line) for line in after_hours if line)
    lines.append(
        QCoreApplication.translate(
            "KioskQr", "General information. Follow your clinic's instructions."
        )
    )
    return "\n".join(lines)


QUIET_ZONE = 4  # modules of white around the code, which scanners need


def module_px(screen_height: int) -> int:
    """Pixels per module on a screen `screen_height` pixels high: 6 at 1080p, in proportion."""
    return max(MIN_MODULE_PX, screen_height * MODULE_PX_AT_1080P // 1080)


def qr_modules(text: str) -> int:
    """How many modules wide the code of `text` is, quiet zone included."""
    return int(_code(text).symbol_size(border=QUIET_ZONE)[0])


def _code(text: str) -> segno.QRCode:
    # boost_error off: M, as asked, rather than a higher level segno would pick when it fits.
    return segno.make(text, error="m", micro=False, boost_error=False)


def qr_image(text: str, module: int) -> QImage:
    """The QR code of `text` with `module` pixels per module, quiet zone included: a longer text
    makes a larger image, never smaller modules."""
    code = _code(text)
    data = io.BytesIO()
    code.save(
        data,
        kind="png",
        scale=max(1, module),
        border=QUIET_ZONE,
        dark="#000000",
        light="#FFFFFF",
    )
    image = QImage.fromData(data.getvalue())
    if image.isNull():  # segno writes PNG itself; a null image would mean a broken install
        raise RuntimeError("the QR code could not be drawn")
    return image
