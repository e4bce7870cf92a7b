"""A small warning model of the tests' own for the check-in screens: its thresholds differ from
the shipped pack's on purpose, so a change to the pack's rules never breaks a test of the app's
behaviour (and a test that passed only with the shipped numbers would show)."""

from __future__ import annotations

from app.domain.warnings import model_from_mapping, text_from_mapping
from app.domain.warnings_files import Warnings

MODEL_DATA: dict[str, object] = {
    "signs": [
        {"id": "cannot-breathe", "level": "emergency"},
        {"id": "hot-skin", "level": "call_today"},
        {"id": "patches", "level": "office_hours"},
    ],
    "checkin": {
        "symptoms": ["redness", "swelling", "pain"],
        "severe_level": "call_today",
        "worse_after_day": 4,
        "worse_level": "call_today",
        "lingering_symptom": "redness",
        "lingering_after_day": 9,
        "lingering_level": "office_hours",
        "questions": [
            {"id": "breath", "sign": "cannot-breathe"},
            {"id": "hot", "sign": "hot-skin"},
            {"id": "spots", "sign": "patches"},
        ],
    },
}

TEXT_DATA: dict[str, object] = {
    "emergency": {"unknown": "the local emergency line"},
    "levels": {
        "emergency": {
            "label": "Emergency",
            "title": "Dial {{emergency_number}} now",
            "action": "Go now.",
        },
        "call_today": {
            "label": "Call today",
            "title": "Phone {{clinic_name}} today",
            "action": "Or an out-of-hours service.",
        },
        "office_hours": {
            "label": "Office hours",
            "title": "Phone {{clinic_name}} in office hours",
            "action": "Not urgent.",
        },
    },
    "signs": {
        "cannot-breathe": "Breathing is hard.",
        "hot-skin": "The skin is hot and spreading.",
        "patches": "Patches appear.",
    },
    "checkin": {
        "title": "Your skin today",
        "intro": "Choose one for each.",
        "questions": {
            "breath": "Is breathing hard?",
            "hot": "Is the skin hot and spreading?",
            "spots": "Do patches show?",
        },
        "symptoms": {"redness": "Redness", "swelling": "Swelling", "pain": "Pain"},
        "severities": {"none": "None", "mild": "Mild", "moderate": "Moderate", "severe": "Severe"},
        "reasons": {
            "severe": "Your {{symptom}} is severe.",
            "worse": "Your {{symptom}} got worse.",
            "lingering": "Your {{symptom}} is lasting.",
            "all_clear": "Nothing needs a call. Ask {{clinic_name}} if unsure.",
        },
    },
}


def make_warnings() -> Warnings:
    model, problems = model_from_mapping(MODEL_DATA, "warning_signs.toml")
    assert problems == []
    text, text_problems = text_from_mapping(TEXT_DATA, "en/warning_signs.toml", model)
    assert text_problems == []
    return Warnings(model, text, {"GB": "999", "US": "911"}, ())
