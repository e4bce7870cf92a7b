"""The pydantic models of pack.toml and of a screen's front matter, and their conversion to the
plain dataclasses the app works with (app.domain.pack.PackMeta, app.domain.pack_screens.ScreenMeta).

Imported only when a pack is really checked (a third-party pack, validate-pack, the tests and
the build step that writes the built-in pack's snapshot): the app shows the built-in pack
without pydantic (app.domain.pack_snapshot).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo
from pydantic import field_validator as check

from app.domain.pack import PackMeta, Source
from app.domain.pack_checks import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    LINE_PATTERN,
    URL_PATTERN,
    rule,
)

Line = Annotated[str, Field(pattern=LINE_PATTERN)]


class Strict(BaseModel):
    # strict: TOML already has types, so "3" for a number or a quoted date is an author's mistake
    # to report, not to coerce. Unknown keys are reported by validate without failing the model,
    # so one typo does not throw away an otherwise good screen.
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")


def _twice(values: list[Any]) -> list[str]:
    return sorted({str(v) for v in values if values.count(v) > 1})


Url = Annotated[str, Field(pattern=URL_PATTERN)]


class SourceModel(Strict):
    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    title: Line
    url: Url
    also: list[Url] = Field(default_factory=list)  # further addresses of the same source

    # "before": an author who lists several addresses in url is told where the others go,
    # instead of only that url holds spaces.
    @check("url", mode="before")
    @classmethod
    def _one_address(cls, value: Any) -> Any:
        if isinstance(value, str) and len(re.findall(r"https?://", value)) > 1:
            raise rule(
                "expected one web address, got several; keep the first here and list the "
                'others in also, like also = ["https://example.org/summary"]'
            )
        return value


class PackMetaModel(Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: Line
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    languages: Annotated[list[Annotated[str, Field(pattern=LANGUAGE_PATTERN)]], Field(min_length=1)]
    last_reviewed: date
    next_review_due: date
    sources: Annotated[list[SourceModel], Field(min_length=1)]

    # "before", on the raw list: a repeated language is reported even when a code is also bad
    # (pydantic would skip an "after" check then); the bad code shows once this one is fixed.
    @check("languages", mode="before")
    @classmethod
    def _unique_languages(cls, value: Any) -> Any:
        if isinstance(value, list) and (twice := _twice(value)):
            raise rule(f"expected each language once, got {', '.join(twice)} more than once")
        return value

    @check("next_review_due")
    @classmethod
    def _after_review(cls, value: date, info: ValidationInfo) -> date:
        last = info.data.get("last_reviewed")
        if isinstance(last, date) and value <= last:
            raise rule(f"expected a date after last_reviewed ({last}), got {value}")
        return value

    @check("sources")
    @classmethod
    def _unique_keys(cls, value: list[SourceModel]) -> list[SourceModel]:
        if twice := _twice([source.key for source in value]):
            raise rule(f"expected unique keys, got {', '.join(twice)} more than once")
        return value


class ScreenMetaModel(Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: Line
    order: Annotated[int, Field(ge=1)]
    summary: Line
    illustration: str | None = None
    illustration_alt: Annotated[Line | None, Field(validate_default=True)] = None
    sources: list[str]

    @check("illustration_alt")
    @classmethod
    def _alt_when_illustrated(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("illustration"):
            raise rule(
                "missing; expected a sentence describing the illustration for people who "
                "cannot see it, because the screen has an illustration"
            )
        return value


def pack_meta_from(model: PackMetaModel) -> PackMeta:
    fields = model.model_dump(exclude={"sources"})
    sources = [Source(**source.model_dump()) for source in model.sources]
    return PackMeta(**fields, sources=sources)
