"""The handout is honest about its timings: "Your clinic asks" only for a value a clinic config
or the treatment set, the pack default's words otherwise; times "from about" a later half hour;
a line to write the clinic's phone on when none is set; sunscreen every day after the last
checklist day; and a timeline picture drawn from the plan, sun care from day 1. Read back from
the PDF with pypdf. On the test pack (tests/fixtures): makeup 30 real hours, sweat 60, actives
5 days, sun care 10 days, next session 35 days; its words say "Test clinic:" for a value a
clinic set and "Test default:" for the pack's own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.plan import RecoveryPlan
from app.domain.protocol import Duration
from app.domain.series import TreatmentInput, plan_for
from app.export.handout import ILLUSTRATION_URL, build_handout, write_pdf
from app.export.handout_timeline import (
    SUNSCREEN,
    SUNSCREEN_FILL,
    timeline_image,
    timeline_rows,
)
from app.render.content_provider import ContentProvider
from tests.fixtures.testpack import PROTOCOL, TEXT

NEW_YORK = "America/New_York"
SATURDAY_4_PM = datetime(2026, 3, 7, 16, 0, tzinfo=ZoneInfo(NEW_YORK))


@pytest.fixture(autouse=True)
def us_english(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def _plan(
    clinic: dict[str, Duration] | None = None,
    own: dict[str, Duration] | None = None,
    treated: datetime = SATURDAY_4_PM,
) -> RecoveryPlan:
    treatment = TreatmentInput(1, treated, NEW_YORK, own or {})
    return plan_for(treatment, PROTOCOL, TEXT, clinic or {})


def _pdf(plan: RecoveryPlan, provider: ContentProvider, tmp_path: Path, phone: str = "") -> str:
    out = tmp_path / "handout.pdf"
    write_pdf(build_handout(plan, provider, clinic_phone=phone), out)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    return re.sub(r"\s+", " ", text)


def test_without_a_clinic_every_timing_is_the_defaults_many_clinics_words(
    loaded_content: ContentProvider, tmp_path: Path
) -> None:
    text = _pdf(_plan(), loaded_content, tmp_path)
    for rule in PROTOCOL.rules:
        assert TEXT.detail(rule, None) in text  # "Test default: many clinics say ..."
    assert "Test clinic:" not in text


def test_the_clinics_words_for_exactly_the_rules_a_clinic_or_the_treatment_set(
    loaded_content: ContentProvider, tmp_path: Path
) -> None:
    plan = _plan(clinic={"makeup": Duration(48, "hours")}, own={"sun": Duration(14, "days")})
    text = _pdf(plan, loaded_content, tmp_path)
    assert "Test clinic: no makeup for 48 hours." in text  # the clinic config's
    assert "Test clinic: careful sun care for 2 weeks." in text  # this treatment's own
    assert "Test default: many clinics say no hard sweating for 60 hours." in text
    assert "Test default: many clinics say no strong skin care for 5 days." in text
    assert "Test default: many clinics see you again about 5 weeks later." in text
    assert text.count("Test clinic:") == 2


@pytest.mark.parametrize(
    ("treated", "makeup_said"),
    [
        # 16:07 EST + 30 real hours = 23:07 EDT on Sunday: said as 11:30 PM, the later side.
        (datetime(2026, 3, 7, 16, 7), "From about 11:30 PM on Sun 8 Mar"),
        # 19:50 EST on Friday + 30 h = 01:50 EST; 02:00 is the hour the clocks skip: 3:00 AM.
        (datetime(2026, 3, 6, 19, 50), "From about 3:00 AM on Sun 8 Mar"),
        # 19:40 EDT on 30 October + 30 h = the first 01:40 of 1 November: on to 2:00 AM,
        # after the repeated hour, never a wall time that reads earlier.
        (datetime(2026, 10, 30, 19, 40), "From about 2:00 AM on Sun 1 Nov"),
    ],
    ids=["off-the-half-hour", "spring-forward", "fall-back"],
)
def test_times_are_from_about_a_later_half_hour_across_clock_changes(
    loaded_content: ContentProvider, tmp_path: Path, treated: datetime, makeup_said: str
) -> None:
    plan = _plan(treated=treated.replace(tzinfo=ZoneInfo(NEW_YORK)))
    text = _pdf(plan, loaded_content, tmp_path)
    assert makeup_said in text


def test_the_next_session_is_a_date_without_a_time(
    loaded_content: ContentProvider, tmp_path: Path
) -> None:
    text = _pdf(_plan(), loaded_content, tmp_path)
    assert "About Sat 11 Apr" in text  # 35 days after Saturday 7 March
    assert "Sat 11 Apr, 4:00 PM" not in text


def test_an_unset_clinic_phone_prints_a_line_to_write_it_on(
    loaded_content: ContentProvider, tmp_path: Path
) -> None:
    blank = _pdf(_plan(), loaded_content, tmp_path)
    header = blank.split("Your treatment")[0]
    assert re.search(r"Phone: _{12,}", header)
    assert "your clinic's phone number" not in header
    given = _pdf(_plan(), loaded_content, tmp_path, phone="(555) 010-2030")
    assert "Phone: (555) 010-2030" in given.split("Your treatment")[0]


def test_after_the_checklist_the_handout_says_to_keep_using_sunscreen(
    loaded_content: ContentProvider, tmp_path: Path
) -> None:
    text = _pdf(_plan(), loaded_content, tmp_path)
    # Sun care (10 days) ends on day 11; from day 12 on, sunscreen goes on every day.
    assert (
        "From day 12: Keep using sunscreen every day, through your whole course of treatment."
        in text
    )


# --- the timeline picture ------------------------------------------------------------------


def test_the_timeline_is_drawn_from_the_plan_with_the_packs_words(
    loaded_content: ContentProvider,
) -> None:
    plan = _plan(clinic={"sun": Duration(21, "days")})
    rows = timeline_rows(plan)
    timed = [m for m in plan.milestones if m.kind != "next_session"]
    session = next(m for m in plan.milestones if m.kind == "next_session")
    assert [row.label for row in rows] == [
        *(m.label for m in timed),
        "Keep using sunscreen every day",
        session.label,
    ]
    # Every bar runs from the treatment (day 1) to its rule's end: the clinic's 21 days of sun.
    by_label = {row.label: row for row in rows}
    assert by_label[TEXT.rule("sun").milestone].end == plan.ends_at("sun")
    assert by_label[TEXT.rule("sun").milestone].date == "Sat 28 Mar"
    sunscreen = by_label["Keep using sunscreen every day"]
    assert sunscreen.sunscreen and sunscreen.end is None  # it runs on past the picture
    assert by_label[session.label].date == "about Sat 11 Apr" and not by_label[session.label].bar
    # The handout carries this picture, not a fixed one.
    document = build_handout(plan, loaded_content)
    image = document.resource(QTextDocument.ResourceType.ImageResource, ILLUSTRATION_URL)
    assert isinstance(image, QImage) and image == timeline_image(plan)
    assert image != timeline_image(_plan())  # other timings, another picture


def _is(pixel: QColor, colour: QColor) -> bool:
    return all(
        abs(a - b) <= 40 for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
    )


def test_the_sunscreen_bar_runs_from_day_1_to_the_edge() -> None:
    plan = _plan()
    image = timeline_image(plan)
    # Its row: the first one with the sunscreen colours near the right-hand edge.
    x_edge = image.width() - 80
    rows = [
        y
        for y in range(image.height())
        if _is(image.pixelColor(x_edge, y), SUNSCREEN_FILL)
        or _is(image.pixelColor(x_edge, y), SUNSCREEN)
    ]
    assert rows, "no sunscreen bar at the picture's edge"
    y = rows[len(rows) // 2]
    coloured = [
        x
        for x in range(image.width())
        if _is(image.pixelColor(x, y), SUNSCREEN_FILL) or _is(image.pixelColor(x, y), SUNSCREEN)
    ]
    # From the treatment on day 1, in the first few percent of the time line, to the edge.
    start = min(coloured)
    days = (plan.ends_at("next_session").date() - plan.treatment_date).days + 2
    track = image.width() * (1 - 78 / 180)  # the label column and gap take 78 of 180 mm
    assert start < image.width() - track + track / days
    assert max(coloured) >= x_edge
