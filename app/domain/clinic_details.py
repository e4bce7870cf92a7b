"""The clinic's name and phone numbers as a patient types them in Settings, checked by the same
rules as a clinic config's (app.domain.clinic): one line of plain text, a length cap, and a
phone of digits, spaces and + ( ) - only. Kept apart from the config loader so that checking a
field as it is typed needs no pydantic."""

from __future__ import annotations

import re
from enum import Enum

NAME_MAX = 80
PHONE_MAX = 30
PHONE_CHARACTERS = re.compile(r"[0-9 +()\-]+")
# Qt labels draw text with a tag in it as HTML, and load what an <img> names.
TAG = re.compile(r"<[A-Za-z/!?][^<>]*>?")


class DetailProblem(Enum):
    """Why a typed clinic detail cannot be kept; the UI turns each into plain words."""

    TOO_LONG = "too-long"
    NOT_ONE_LINE = "not-one-line"
    NOT_PLAIN_TEXT = "not-plain-text"  # it holds something a label would draw as a tag
    NOT_A_PHONE = "not-a-phone"  # characters other than digits, spaces and + ( ) -
    NO_DIGITS = "no-digits"


def _one_line(text: str) -> DetailProblem | None:
    if any(ch < " " or ch == "\x7f" for ch in text):
        return DetailProblem.NOT_ONE_LINE
    return None


def check_name(text: str) -> DetailProblem | None:
    """Empty is fine (no name given); else one line of plain text of at most NAME_MAX."""
    value = text.strip()
    if problem := _one_line(value):
        return problem
    if TAG.search(value):
        return DetailProblem.NOT_PLAIN_TEXT
    if len(value) > NAME_MAX:
        return DetailProblem.TOO_LONG
    return None


def check_phone(text: str) -> DetailProblem | None:
    """Empty is fine (no number given); else at most PHONE_MAX digits, spaces and + ( ) -."""
    value = text.strip()
    if not value:
        return None
    if problem := _one_line(value):
        return problem
    if not PHONE_CHARACTERS.fullmatch(value):
        return DetailProblem.NOT_A_PHONE
    if len(value) > PHONE_MAX:
        return DetailProblem.TOO_LONG
    if not any(ch.isdigit() for ch in value):
        return DetailProblem.NO_DIGITS
    return None
