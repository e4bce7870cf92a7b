"""The pydantic models of protocol.toml and aftercare.toml (and a clinic config's timings).

Kept apart from app.domain.schema so that the dataclasses the app works with, and the built-in
pack's checked snapshot (app.domain.pack_snapshot), load without pydantic: these are imported
only when a file is really checked.
"""

from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from app.domain.schema import ITEM_ID_PATTERN, MAX_DAYS, MAX_HOURS


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected some text, got an empty string")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
ItemId = Annotated[str, Field(pattern=ITEM_ID_PATTERN)]


class _Strict(BaseModel):
    # strict: TOML already gives real ints and strings, so "24" or 24.0 is a mistake to report.
    # extra="forbid": a misspelt key ("amout") must not be silently ignored.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _check_amount(amount: int, unit: str) -> None:
    ceiling = MAX_HOURS if unit == "hours" else MAX_DAYS
    if amount > ceiling:
        raise ValueError(f"expected at most {ceiling} {unit}, got {amount}")


class DurationModel(_Strict):
    amount: int = Field(ge=1)
    unit: Literal["hours", "days"]

    @model_validator(mode="after")
    def _within_ceiling(self) -> Self:
        _check_amount(self.amount, self.unit)
        return self


class RangeModel(_Strict):
    min: int = Field(ge=1)
    max: int = Field(ge=1)


class RuleModel(_Strict):
    amount: int = Field(ge=1)
    unit: Literal["hours", "days"]
    kind: Literal["ends", "next_session"] = "ends"
    typical: RangeModel | None = None
    sources: list[Annotated[str, Field(pattern=r"^S[0-9]+$")]] = []

    @model_validator(mode="after")
    def _default_within_typical(self) -> Self:
        _check_amount(self.amount, self.unit)
        if self.typical is not None and not (self.typical.min <= self.amount <= self.typical.max):
            raise ValueError(
                f"expected amount inside typical ({self.typical.min} to {self.typical.max}), "
                f"got {self.amount}"
            )
        return self


class UntilModel(_Strict):
    hours: int | None = Field(default=None, ge=1, le=MAX_HOURS)
    end_of_day: int | None = Field(default=None, ge=1, le=MAX_DAYS)
    rule: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        given = [v for v in (self.hours, self.end_of_day, self.rule) if v is not None]
        if len(given) != 1:
            raise ValueError("expected exactly one of hours, end_of_day or rule")
        return self


class PhaseModel(_Strict):
    id: ItemId
    until: UntilModel


class DayRangeModel(_Strict):
    first: int = Field(ge=1, le=MAX_DAYS)
    last: int = Field(ge=1, le=MAX_DAYS)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.first > self.last:
            raise ValueError(f"expected first <= last, got {self.first} > {self.last}")
        return self


class ChecklistModel(_Strict):
    id: ItemId
    days: DayRangeModel | None = None
    while_in_force: str | None = None
    once_ended: str | None = None
    # "task": a tick box, done each day; "rule": a status row that follows `while_in_force`
    # and flips by itself when that rule ends ("No makeup yet" -> "Makeup OK since about 5 pm").
    kind: Literal["task", "rule"] = "task"

    @model_validator(mode="after")
    def _has_condition(self) -> Self:
        if self.kind == "rule" and self.while_in_force is None:
            raise ValueError("expected while_in_force with kind = 'rule': the rule it follows")
        if self.days is None and self.while_in_force is None and self.once_ended is None:
            raise ValueError("expected at least one of days, while_in_force or once_ended")
        # Without a day range an "after the rule ended" item would stay on the list forever.
        if self.once_ended is not None and self.days is None:
            raise ValueError("expected days together with once_ended")
        return self


class UnitWordsModel(_Strict):
    hour: Text
    hours: Text
    day: Text
    days: Text
    week: Text
    weeks: Text


class RuleTextModel(_Strict):
    milestone: Text
    countdown: Text
    detail: Text  # the value a clinic (or the treatment) set: "Your clinic asks ..."
    detail_default: Text  # the pack's default: "Many clinics ask ... Check your clinic's sheet."


class PhaseTextModel(_Strict):
    name: Text
    normal: list[Text] = Field(min_length=1)
