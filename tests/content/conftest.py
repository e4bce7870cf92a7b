"""Fixtures for the content-pack tests: a prepared CMU dictionary and a small pack builder.

The builder writes a good pack (pack.toml, a small protocol.toml and its English words, a small
warning-signs model with its words and emergency numbers, three English screens, one
illustration) into a tmp folder; each test then breaks exactly what it is
about, so a failure points at one rule.
"""

from __future__ import annotations

import signal
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from app.domain.readability import ensure_cmudict

SHIPPED_PACK = Path(__file__).parents[2] / "resources" / "content" / "microneedling-acne-scars"

PACK_TOML = """\
id = "test-pack"
title = "A test pack"
version = "1.0.0"
languages = {languages}
last_reviewed = 2026-11-24
next_review_due = 2027-11-24

[[sources]]
key = "S1"
title = "First source"
url = "https://example.org/one"

[[sources]]
key = "S2"
title = "Second source"
url = "https://example.org/two"
"""

PROTOCOL_TOML = """\
format = 1

[rules.makeup]
amount = 24
unit = "hours"

[[phases]]
id = "first-day"
until = { rule = "makeup" }

[[checklist]]
id = "no-makeup"
while_in_force = "makeup"
"""

AFTERCARE_TOML = """\
[units]
hour = "hour"
hours = "hours"
day = "day"
days = "days"
week = "week"
weeks = "weeks"

[rules.makeup]
milestone = "You can wear makeup again"
countdown = "Makeup OK"
detail = "Wait {{duration}} before you wear makeup."
detail_default = "Many clinics say to wait {{duration}} before you wear makeup."

[phases.first-day]
name = "The first day"
normal = ["Some redness is normal."]

[checklist]
no-makeup = "No makeup yet."
"""

# A small warning-signs model of the tests' own: one sign per level, one check-in question.
WARNING_SIGNS_TOML = """\
[[signs]]
id = "cannot-breathe"
level = "emergency"
sources = ["S1"]

[[signs]]
id = "hot-skin"
level = "call_today"
sources = ["S1", "S2"]

[[signs]]
id = "patches"
level = "office_hours"

[checkin]
symptoms = ["redness", "swelling", "pain"]
severe_level = "call_today"
worse_after_day = 4
worse_level = "call_today"
lingering_symptom = "redness"
lingering_after_day = 9
lingering_level = "office_hours"

[[checkin.questions]]
id = "hot"
sign = "hot-skin"
"""

WARNING_WORDS_TOML = """\
[emergency]
unknown = "the local emergency line"

[levels.emergency]
label = "Emergency"
title = "Dial {{emergency_number}} now"
action = "Go now."

[levels.call_today]
label = "Call today"
title = "Phone {{clinic_name}} today"
action = "Or an out-of-hours service."

[levels.office_hours]
label = "Office hours"
title = "Phone {{clinic_name}} in office hours"
action = "Not urgent."

[signs]
cannot-breathe = "Breathing is hard."
hot-skin = "The skin gets hotter after day 3."
patches = "Patches appear."

[checkin]
title = "Your skin today"
intro = "Choose one for each."

[checkin.questions]
hot = "Is the skin getting hotter?"

[checkin.symptoms]
redness = "Redness"
swelling = "Swelling"
pain = "Pain"

[checkin.severities]
none = "None"
mild = "Mild"
moderate = "Moderate"
severe = "Severe"

[checkin.reasons]
severe = "Your {{symptom}} is severe."
worse = "Your {{symptom}} got worse."
lingering = "Your {{symptom}} is lasting."
all_clear = "Nothing needs a call."
"""

EMERGENCY_NUMBERS_TOML = """\
[regions]
GB = "999"
US = "911"
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>\n'


class PackBuilder:
    """Writes pack files under ``root``; paths are relative to the pack folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def pack_toml(self, languages: Iterable[str] = ("en",), text: str | None = None) -> None:
        listed = "[" + ", ".join(f'"{code}"' for code in languages) + "]"
        self.write("pack.toml", text if text is not None else PACK_TOML.format(languages=listed))

    def screen(
        self,
        screen_id: str,
        order: object,
        body: str = "This is a short and simple screen. It has easy words.",
        *,
        language: str = "en",
        file_name: str | None = None,
        sources: str = '["S1"]',
        illustration: str | None = None,
        alt: str | None = "A simple drawing.",
        extra: str = "",
    ) -> str:
        """Write one screen; ``order`` is written as TOML source text (so "\\"three\\"" works)."""
        lines = [
            "+++",
            f'id = "{screen_id}"',
            f'title = "About {screen_id}?"',
            f"order = {order}",
            'summary = "A one-line summary."',
            f"sources = {sources}",
        ]
        if illustration is not None:
            lines.append(f'illustration = "{illustration}"')
            if alt is not None:
                lines.append(f'illustration_alt = "{alt}"')
        if extra:
            lines.append(extra)
        lines += ["+++", "", textwrap.dedent(body).strip(), ""]
        name = file_name or f"{int(order) if str(order).isdigit() else 99:02d}-{screen_id}.md"
        relative = f"{language}/screens/{name}"
        self.write(relative, "\n".join(lines))
        return relative

    def protocol(self, language: str = "en") -> None:
        """A small valid protocol.toml and its words in ``language``."""
        self.write("protocol.toml", PROTOCOL_TOML)
        self.write(f"{language}/aftercare.toml", AFTERCARE_TOML)

    def warnings(self, language: str = "en") -> None:
        """The small warning-signs model, its words in ``language`` and emergency numbers."""
        self.write("warning_signs.toml", WARNING_SIGNS_TOML)
        self.write(f"{language}/warning_signs.toml", WARNING_WORDS_TOML)
        self.write("emergency_numbers.toml", EMERGENCY_NUMBERS_TOML)

    def good(self) -> PackBuilder:
        """The baseline: three valid, linked screens, one illustration, a protocol and the
        warning signs."""
        self.pack_toml()
        self.protocol()
        self.warnings()
        self.write("illustrations/skin.svg", SVG)
        self.screen(
            "what-is-it",
            1,
            "# What is it?\n\nTiny needles make small holes in your skin.\n"
            "Then read [what to do after](screen:after-care).",
            illustration="illustrations/skin.svg",
        )
        self.screen(
            "after-care",
            2,
            "- No makeup for {{ makeup }}.\n- Stay out of the sun for {{sun}}.",
            sources='["S1", "S2"]',
        )
        self.screen("when-to-call", 3, "Call {{clinic_name}} on {{clinic_phone}} if you worry.")
        return self

    def bilingual(self) -> PackBuilder:
        """The baseline in English and Spanish: the same screens, placeholders and words."""
        self.good()
        self.pack_toml(languages=("en", "es"))
        self.protocol("es")
        self.warnings("es")
        self.screen(
            "what-is-it",
            1,
            "# ¿Qué es?\n\nUnas agujas muy finas hacen poros en su piel.\n"
            "Luego lea [qué hacer después](screen:after-care).",
            language="es",
            illustration="illustrations/skin.svg",
            alt="Un dibujo simple.",
        )
        self.screen(
            "after-care",
            2,
            "- Sin maquillaje durante {{ makeup }}.\n- No tome el sol durante {{sun}}.",
            language="es",
            sources='["S1", "S2"]',
        )
        self.screen(
            "when-to-call",
            3,
            "Llame a {{clinic_name}} al {{clinic_phone}} si tiene dudas.",
            language="es",
        )
        return self


@pytest.fixture(scope="session")
def cmudict_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CMU dictionary as an NLTK corpus in a tmp folder, NLTK pointed at it (no network)."""
    return ensure_cmudict(tmp_path_factory.mktemp("nltk_data"))


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fails the test instead of hanging the whole run if reading blocks (on a FIFO, say)."""
    if not hasattr(signal, "SIGALRM"):  # Windows has no FIFOs to block on
        yield
        return

    def stop(_signal: int, _frame: FrameType | None) -> None:
        raise TimeoutError("reading a file blocked for 20 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def builder(tmp_path: Path) -> PackBuilder:
    return PackBuilder(tmp_path / "pack")


@pytest.fixture
def make_builder() -> type[PackBuilder]:
    """The builder class itself, for tests that need a second pack (a built-in one)."""
    return PackBuilder


@pytest.fixture
def good_pack(builder: PackBuilder) -> PackBuilder:
    return builder.good()


@pytest.fixture
def bilingual_pack(builder: PackBuilder) -> PackBuilder:
    return builder.bilingual()


@pytest.fixture
def shipped_pack() -> Path:
    return SHIPPED_PACK
