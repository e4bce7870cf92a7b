"""A small content pack of the tests' own for the warning-signs surfaces: two or three signs at
each level with words found nowhere else, a "Is this normal?" screen and a "When should I get
help?" screen that show them through block placeholders, and numbers for two regions. Its
words differ from the shipped pack's on purpose: a test of how the app shows the model passes or
fails whatever the shipped pack says."""

from __future__ import annotations

from pathlib import Path

from tests.content.conftest import PackBuilder

SIGNS: dict[str, tuple[tuple[str, str], ...]] = {
    "emergency": (
        ("lips-swell", "Zebra sign: your lips swell all at once."),
        ("no-breath", "Yak sign: you cannot catch your breath."),
    ),
    "call_today": (
        ("hot-spread", "Otter sign: the skin gets hotter and redder after day 3."),
        ("yellow-crust", "Walrus sign: you see yellow crusts."),
        ("fever", "Heron sign: you have a fever."),
    ),
    "office_hours": (
        ("patches", "Lynx sign: dark patches show up weeks later."),
        ("marks", "Moose sign: grid marks do not fade."),
    ),
}

TITLES = {
    "emergency": "Rare but urgent: dial {{emergency_number}} now",
    "call_today": "Phone {{clinic_name}} today",
    "office_hours": "Phone {{clinic_name}} in office hours",
}
LABELS = {"emergency": "Emergency", "call_today": "Call today", "office_hours": "Office hours"}

NORMAL_SCREEN = """\
{{warning_signs:emergency}}

## What is normal?

Warm, red skin in the first hours is normal. The number to call is {{emergency_number}}.

{{warning_signs:call_today}}

{{warning_signs:office_hours}}

## What if I am not sure?

Ask {{clinic_name}}.
"""

HELP_SCREEN = """\
{{warning_signs}}

## What do I say?

Say when you had your treatment.
"""


def _model() -> str:
    lines: list[str] = []
    for level, signs in SIGNS.items():
        for sign_id, _text in signs:
            lines += [
                "[[signs]]",
                f'id = "{sign_id}"',
                f'level = "{level}"',
                'sources = ["S1"]',
                "",
            ]
    lines += [
        "[checkin]",
        'symptoms = ["redness", "swelling", "pain"]',
        'severe_level = "call_today"',
        "worse_after_day = 4",
        'worse_level = "call_today"',
        'lingering_symptom = "redness"',
        "lingering_after_day = 9",
        'lingering_level = "office_hours"',
        "",
        "[[checkin.questions]]",
        'id = "hot"',
        'sign = "hot-spread"',
        "",
    ]
    return "\n".join(lines)


def _words() -> str:
    lines = ["[emergency]", 'unknown = "the local emergency line"', ""]
    for level in SIGNS:
        lines += [
            f"[levels.{level}]",
            f'label = "{LABELS[level]}"',
            f'title = "{TITLES[level]}"',
            f'action = "What to do at level {level}."',
            "",
        ]
    lines.append("[signs]")
    lines += [f'{sign_id} = "{text}"' for signs in SIGNS.values() for sign_id, text in signs]
    lines += [
        "",
        "[checkin]",
        'title = "Your skin today"',
        'intro = "Choose one for each."',
        "",
        "[checkin.questions]",
        'hot = "Is the skin getting hotter?"',
        "",
        "[checkin.symptoms]",
        'redness = "Redness"',
        'swelling = "Swelling"',
        'pain = "Pain"',
        "",
        "[checkin.severities]",
        'none = "None"',
        'mild = "Mild"',
        'moderate = "Moderate"',
        'severe = "Severe"',
        "",
        "[checkin.reasons]",
        'severe = "Your {{symptom}} is severe."',
        'worse = "Your {{symptom}} got worse."',
        'lingering = "Your {{symptom}} is lasting."',
        'all_clear = "Nothing needs a call."',
        "",
    ]
    return "\n".join(lines)


def build_warning_pack(root: Path) -> Path:
    """The pack, written into `root`; returns `root`."""
    builder = PackBuilder(root).good()
    builder.write("warning_signs.toml", _model())
    builder.write("en/warning_signs.toml", _words())
    builder.write("emergency_numbers.toml", '[regions]\nGB = "999"\nNZ = "111"\n')
    builder.screen("normal-or-not", 4, NORMAL_SCREEN)
    builder.screen("warning-signs", 5, HELP_SCREEN)
    return root


def sign_texts(level: str) -> list[str]:
    return [text for _id, text in SIGNS[level]]
