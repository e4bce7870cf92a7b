"""What a kiosk is given: its timings, and everything it shows that is not content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from app.domain.clinic import KIOSK_STILL_THERE_DEFAULT
from app.domain.clock import Clock
from app.domain.kiosk_pin import PinGate
from app.domain.plan import RecoveryPlan
from app.kiosk_usage import UsageCounter
from app.ui.kiosk.attract import SLIDE_MS
from app.ui.kiosk.overlays import HOLD_MS
from app.ui.theme import Palette


def desk_phone_words() -> str:
    """What the warning signs say for the clinic's phone on a kiosk, which has no Settings."""
    return QCoreApplication.translate("Kiosk", "Ask at the desk for the clinic's phone number.")


PROMPT_SECONDS = KIOSK_STILL_THERE_DEFAULT  # `[kiosk] still_there_seconds` in the clinic config


@dataclass(frozen=True)
class KioskTimings:
    idle_ms: int = 90_000
    prompt_ms: int = PROMPT_SECONDS * 1000
    slide_ms: int = SLIDE_MS
    hold_ms: int = HOLD_MS


@dataclass(frozen=True)
class KioskSetup:
    """Everything a kiosk shows that is not content: from the clinic config and the machine."""

    clinic_name: str
    clinic_phone: str
    logo: Path | None
    reduce_motion: bool
    gate: PinGate
    clock: Clock
    zone: ZoneInfo
    palette: Callable[[], Palette]
    printer_name: str  # "" when there is no printer
    print_plan: Callable[[RecoveryPlan], bool]
    usage: UsageCounter = field(default_factory=UsageCounter)  # counts nothing unless opted in
