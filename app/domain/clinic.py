"""The clinic config: a clinic's name, phone numbers, logo, accent colour, aftercare timings and
kiosk settings, written once per machine in a TOML file (format: docs/clinic-config.md).

A broken content pack is refused, but a broken clinic config must never stop a patient from
reading their aftercare. So `load_clinic_config` never raises for bad input: it returns the
values that were good, each bad one replaced by its default, together with every problem found
(file, field, what was expected and what was found), for the app to show to staff.

The file and its logo are read through app.domain.input_files: regular files only, each under
a cap, never blocking on a FIFO or device. The config itself may be a symbolic link (IT tools
place them); the logo may not, and must lie in the config's folder.
"""

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from types import MappingProxyType
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

from app.domain.clinic_details import NAME_MAX, PHONE_MAX
from app.domain.clinic_details import PHONE_CHARACTERS as _PHONE
from app.domain.clinic_details import TAG as _TAG
from app.domain.clinic_location import MAX_CONFIG_BYTES
from app.domain.clinic_managed import (
    ManagedSettings,
    check_bundle_folder,
    check_public_key,
    resolve_bundle_folder,
)
from app.domain.contrast import contrast_ratio
from app.domain.getting_ready import MAX_DAYS_BEFORE
from app.domain.input_files import MIB, RefusedFile, is_link, read_regular_file
from app.domain.kiosk_pin import PinError, PinHash, parse_pin_hash
from app.domain.protocol import Duration, overrides_from_mapping
from app.domain.schema import Collector, FieldPath, Problem, ProtocolError, Text
from app.domain.svg_safety import svg_problem

KIOSK_IDLE_DEFAULT, KIOSK_IDLE_MIN, KIOSK_IDLE_MAX = 90, 20, 3600
# "Still there?": WCAG 2.2.1 gives at least 20 s to answer a time-out warning.
KIOSK_STILL_THERE_DEFAULT, KIOSK_STILL_THERE_MIN, KIOSK_STILL_THERE_MAX = 20, 20, 120
# The accent replaces the light theme's primary: white text sits on it (buttons) and it sits on
# the white background (links, progress). WCAG AA: 4.5:1 for text, 3:1 for UI parts.
WHITE = "#FFFFFF"
MIN_TEXT_CONTRAST = 4.5
MIN_UI_CONTRAST = 3.0
LOGO_SUFFIXES = (".svg", ".png")
MAX_LOGO_BYTES = 5 * MIB

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_REGION = re.compile(r"[A-Z]{2}")  # ISO 3166 alpha-2
# A URL scheme has two or more letters ("https:", "file:", "data:"); "C:" is a Windows drive.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]+:")


def _no_overrides() -> Mapping[str, Duration]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ClinicConfig:
    """What a clinic set. None means "not set": the app then uses its own words and colours."""

    name: str | None = None
    phone: str | None = None
    after_hours_phone: str | None = None
    logo: Path | None = None  # absolute, checked to exist and to be an SVG or PNG
    accent_colour: str | None = None  # "#RRGGBB", only when it passed the contrast check
    region: str | None = None  # ISO 3166 alpha-2, like "GB": whose emergency number to show
    protocol_overrides: Mapping[str, Duration] = field(default_factory=_no_overrides)
    # Getting ready: item id -> days before (app.domain.getting_ready checks ids and bounds).
    before_days: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    kiosk_enabled: bool = False
    kiosk_idle_seconds: int = KIOSK_IDLE_DEFAULT
    kiosk_usage_counts: bool = False  # per-day counts beside this file (app.kiosk_usage)
    kiosk_still_there_seconds: int = KIOSK_STILL_THERE_DEFAULT
    kiosk_pin: PinHash | None = None  # None: no PIN, so the kiosk cannot be left from the screen
    kiosk_reduce_motion: bool = False  # the attract loop changes slides without a fade
    managed: ManagedSettings | None = None  # [managed]: signed setup bundles (docs/fleet.md)
    source: Path | None = None  # the file the values came from

    def __post_init__(self) -> None:
        # Read-only, so a shared config cannot be changed behind the back of its readers.
        object.__setattr__(
            self, "protocol_overrides", MappingProxyType(dict(self.protocol_overrides))
        )
        object.__setattr__(self, "before_days", MappingProxyType(dict(self.before_days)))

    @classmethod
    def empty(cls) -> "ClinicConfig":
        """No clinic config: every value at its default."""
        return cls()


def _one_line(value: str) -> str:
    if any(ch < " " or ch == "\x7f" for ch in value):
        raise ValueError(f"expected one line of text, got {value!r}")
    # Qt labels draw text with a tag in it as HTML, and load what an <img> names.
    if tag := _TAG.search(value):
        raise ValueError(f"expected plain text, got the tag {tag.group(0)!r}; write the words only")
    return value.strip()


def _name(value: str) -> str:
    text = _one_line(value)
    if not text:
        raise ValueError("expected the clinic's name, got an empty string")
    if len(text) > NAME_MAX:
        raise ValueError(f"expected at most {NAME_MAX} characters, got {len(text)}")
    return text


def _phone(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError("expected a phone number, got an empty string")
    if len(text) > PHONE_MAX:
        raise ValueError(f"expected at most {PHONE_MAX} characters, got {len(text)} in {text!r}")
    if not _PHONE.fullmatch(text) or not any(ch.isdigit() for ch in text):
        raise ValueError(f"expected digits, spaces and + - ( ) only, got {text!r}")
    return text


def _colour(value: str) -> str:
    if not _COLOUR.fullmatch(value.strip()):
        raise ValueError(f'expected a colour like "#0B6E74" (# and six hex digits), got {value!r}')
    return value.strip().upper()


def _region(value: str) -> str:
    if not _REGION.fullmatch(value.strip()):
        raise ValueError(
            f'expected a two-letter region code in capitals, like "GB" or "US", got {value!r}'
        )
    return value.strip()


def _true_or_false(value: object) -> object:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _idle(value: int) -> int:
    if not KIOSK_IDLE_MIN <= value <= KIOSK_IDLE_MAX:
        raise ValueError(
            f"expected a number of seconds from {KIOSK_IDLE_MIN} to {KIOSK_IDLE_MAX}, got {value}"
        )
    return value


def _still_there(value: int) -> int:
    low, high = KIOSK_STILL_THERE_MIN, KIOSK_STILL_THERE_MAX
    if not low <= value <= high:
        raise ValueError(f"expected a number of seconds from {low} to {high}, got {value}")
    return value


def _pin_hash(value: str) -> str:
    try:
        parse_pin_hash(value)
    except PinError as error:
        raise ValueError(str(error)) from None
    return value


class _Section(BaseModel):
    # strict: TOML gives real ints and strings, so "90" or 90.0 is a mistake to report.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class _ClinicModel(_Section):
    name: Annotated[str, AfterValidator(_name)] | None = None
    phone: Annotated[str, AfterValidator(_phone)] | None = None
    after_hours_phone: Annotated[str, AfterValidator(_phone)] | None = None
    logo: Text | None = None  # checked against the file system by _logo_path
    accent_colour: Annotated[str, AfterValidator(_colour)] | None = None
    region: Annotated[str, AfterValidator(_region)] | None = None


class _KioskModel(_Section):
    enabled: Annotated[bool, BeforeValidator(_true_or_false)] = False
    idle_seconds: Annotated[int, AfterValidator(_idle)] = KIOSK_IDLE_DEFAULT
    usage_counts: Annotated[bool, BeforeValidator(_true_or_false)] = False
    still_there_seconds: Annotated[int, AfterValidator(_still_there)] = KIOSK_STILL_THERE_DEFAULT
    pin_hash: Annotated[str, AfterValidator(_pin_hash)] | None = None
    reduce_motion: Annotated[bool, BeforeValidator(_true_or_false)] = False


class _ManagedModel(_Section):
    bundle_folder: Annotated[str, AfterValidator(check_bundle_folder)] | None = None
    public_key: Annotated[str, AfterValidator(check_public_key)] | None = None


_TOP_LEVEL = ("format", "clinic", "protocol", "before", "kiosk", "managed")
_Model = TypeVar("_Model", bound=_Section)


def load_clinic_config(
    path: Path, known_rule_ids: Iterable[str]
) -> tuple[ClinicConfig, list[Problem]]:
    """Read a clinic config. Never raises for bad input: a file that cannot be read or parsed
    gives the empty config and one problem; otherwise every good value is kept, every bad one
    falls back to its default, and every problem is listed. Override ids must be in
    `known_rule_ids` (the loaded protocol's `rule_ids`)."""
    data = _read(path)
    if isinstance(data, Problem):
        return ClinicConfig.empty(), [data]
    return clinic_config_from_mapping(data, path, known_rule_ids)


def clinic_config_from_mapping(
    data: Mapping[str, object], source: Path, known_rule_ids: Iterable[str]
) -> tuple[ClinicConfig, list[Problem]]:
    """Build a config from parsed TOML; `source` names the file and anchors the logo path."""
    check = Collector(str(source))
    known = tuple(known_rule_ids)
    # Where each key belongs, to tell "this belongs under [clinic]" from a plain misspelling.
    homes = {key: "clinic" for key in _ClinicModel.model_fields}
    homes |= {key: "kiosk" for key in _KioskModel.model_fields}
    homes |= {key: "managed" for key in _ManagedModel.model_fields}
    homes |= {key: "protocol" for key in known}

    for key in data:
        if key not in _TOP_LEVEL:
            check.add((key,), _unknown(key, _TOP_LEVEL, "", homes))
    version = data.get("format", 1)
    if type(version) is not int or version != 1:
        check.add(("format",), f"expected 1, got {version!r}")

    clinic = _good_fields(check, _ClinicModel, data.get("clinic", {}), "clinic", homes)
    accent = clinic.accent_colour
    if accent is not None and (refusal := _contrast_refusal(accent)):
        check.add(("clinic", "accent_colour"), refusal)
        accent = None
    logo = None
    if clinic.logo is not None:
        logo, refusal = _logo_path(clinic.logo, source.absolute().parent)
        if refusal:
            check.add(("clinic", "logo"), refusal)

    overrides = _overrides(check, data.get("protocol", {}), known, homes)
    kiosk = _good_fields(check, _KioskModel, data.get("kiosk", {}), "kiosk", homes)
    before = _before_days(check, data.get("before", {}))
    managed = _managed(check, data.get("managed"), source, homes)

    config = ClinicConfig(
        name=clinic.name,
        phone=clinic.phone,
        after_hours_phone=clinic.after_hours_phone,
        logo=logo,
        accent_colour=accent,
        region=clinic.region,
        protocol_overrides=overrides,
        before_days=before,
        kiosk_enabled=kiosk.enabled,
        kiosk_idle_seconds=kiosk.idle_seconds,
        kiosk_usage_counts=kiosk.usage_counts,
        kiosk_still_there_seconds=kiosk.still_there_seconds,
        kiosk_pin=parse_pin_hash(kiosk.pin_hash) if kiosk.pin_hash else None,
        kiosk_reduce_motion=kiosk.reduce_motion,
        managed=managed,
        source=source,
    )
    return config, check.problems


def _read(path: Path) -> Mapping[str, object] | Problem:
    """The parsed file, or the one problem that stops it from being read."""
    source = str(path)
    try:
        raw = read_regular_file(path, MAX_CONFIG_BYTES, what="a clinic config", follow_links=True)
    except FileNotFoundError:
        return Problem(source, "(file)", "not found")
    except RefusedFile as error:  # a folder, FIFO, device or socket, or over 1 MiB
        return Problem(source, "(file)", str(error))
    except OSError as error:
        return Problem(source, "(file)", f"cannot read: {error.strerror or error}")
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some Windows editors write, is fine
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"not valid TOML: expected UTF-8 text, found a byte that is not (at line {line})"
        return Problem(source, "(syntax)", message)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        last_line = text.rstrip().count("\n") + 1
        where = str(error).replace(
            "at end of document", f"at line {last_line}, the end of the file"
        )
        return Problem(source, "(syntax)", f"not valid TOML: {where}")
    except RecursionError:
        return Problem(source, "(syntax)", "not valid TOML: arrays nested too deeply")
    except ValueError as error:  # a whole number of thousands of digits
        return Problem(source, "(syntax)", f"not valid TOML: {error}")


def _section(check: Collector, value: object, table: str) -> Mapping[str, object]:
    if isinstance(value, Mapping):
        return value
    check.add((table,), f"expected a table (a [{table}] line and the keys below it), got {value!r}")
    return {}


def _unknown(key: str, allowed: Iterable[str], table: str, homes: Mapping[str, str]) -> str:
    home = homes.get(key)
    if home is not None and home != table:
        return f"unknown here; it belongs in the [{home}] table"
    choices = list(allowed)
    noun = "rule" if table == "protocol" else "field"
    if not choices:
        return f"unknown {noun}; there are none to choose from"
    message = f"unknown {noun}; expected one of: {', '.join(choices)}"
    close = difflib.get_close_matches(key, choices, n=1)
    return f"{message} (did you mean {close[0]!r}?)" if close else message


def _good_fields(
    check: Collector, model: type[_Model], value: object, table: str, homes: Mapping[str, str]
) -> _Model:
    """Check each key on its own, so one bad value drops only itself; return the good ones."""
    good: dict[str, object] = {}
    for key, raw in _section(check, value, table).items():
        if key not in model.model_fields:
            check.add((table, key), _unknown(key, model.model_fields, table, homes))
        elif check.model(model, {key: raw}, (table,)) is not None:
            good[key] = raw
    return model.model_validate(good)  # every field passed alone, and none depends on another


def _managed(
    check: Collector, value: object, source: Path, homes: Mapping[str, str]
) -> ManagedSettings | None:
    """`[managed]`: both fields or neither; one alone cannot be used and is said so."""
    if value is None:
        return None
    managed = _good_fields(check, _ManagedModel, value, "managed", homes)
    folder, key = managed.bundle_folder, managed.public_key
    if folder is not None and key is not None:
        return ManagedSettings(resolve_bundle_folder(folder, source), key)
    given = value.keys() if isinstance(value, Mapping) else ()
    for missing in ("bundle_folder", "public_key"):
        if given and missing not in given:  # a bad value was already named on its own
            message = "expected together with the other [managed] field; without both, "
            check.add(("managed", missing), message + "no setup bundle is applied")
    return None


def _before_days(check: Collector, raw: object) -> dict[str, int]:
    """`[before] stop-actives = 7`: whole days from 0 to 30; unknown ids are told apart later,
    against the pack's list, by app.domain.getting_ready."""
    days: dict[str, int] = {}
    for key, value in check.table(raw, ("before",)).items():
        if type(value) is int and 0 <= value <= MAX_DAYS_BEFORE:
            days[key] = value
        else:
            check.add(("before", key), f"expected whole days from 0 to 30, got {value!r}")
    return days


def _overrides(
    check: Collector, value: object, known: tuple[str, ...], homes: Mapping[str, str]
) -> dict[str, Duration]:
    overrides: dict[str, Duration] = {}
    for rule_id, raw in _section(check, value, "protocol").items():
        path: FieldPath = ("protocol", rule_id)
        if rule_id not in known:
            check.add(path, _unknown(rule_id, known, "protocol", homes))
            continue
        try:
            overrides |= overrides_from_mapping({rule_id: raw}, check.source, ("protocol",))
        except ProtocolError as error:
            check.problems.extend(error.problems)
    return overrides


def _ratio(value: float) -> str:
    # Rounded down, so a colour just short of the line never reads as passing ("4.50").
    return f"{math.floor(value * 100) / 100:.2f}:1"


def _contrast_refusal(colour: str) -> str | None:
    """Why `colour` cannot replace the primary colour, or None when it can."""
    text_on_it = contrast_ratio(WHITE, colour)
    on_white = contrast_ratio(colour, WHITE)
    failures = []
    if text_on_it < MIN_TEXT_CONTRAST:
        failures.append(
            f"white text on {colour} measures {_ratio(text_on_it)}, "
            f"expected at least {MIN_TEXT_CONTRAST}:1 (WCAG AA for text)"
        )
    if on_white < MIN_UI_CONTRAST:
        failures.append(
            f"{colour} on the white background measures {_ratio(on_white)}, "
            f"expected at least {MIN_UI_CONTRAST:g}:1 (WCAG AA for buttons and links)"
        )
    if not failures:
        return None
    return "; ".join(failures) + "; the app keeps its own colour (try a darker shade)"


def _logo_path(text: str, folder: Path) -> tuple[Path | None, str | None]:
    """The logo's absolute path, or why it cannot be used. The path is read the Windows way
    (both / and \\ separate folders) on every system, so one config works everywhere."""
    if _URL.match(text):
        return None, f"expected a file next to this config, not a web address, got {text!r}"
    relative = PureWindowsPath(text)
    if relative.drive or relative.root:
        return (
            None,
            f'expected a path relative to this file\'s folder, like "logo.svg", got {text!r}',
        )
    if ".." in relative.parts:
        return None, f"expected a file in this file's folder or a folder inside it, got {text!r}"
    if relative.suffix.lower() not in LOGO_SUFFIXES:
        return None, f"expected an .svg or .png file, got {text!r}"
    path = folder.joinpath(*relative.parts)
    try:
        for depth in range(1, len(relative.parts) + 1):  # links could lead out of the folder
            step = folder.joinpath(*relative.parts[:depth])
            if step.is_symlink() or (step.exists() and is_link(step.lstat())):
                return None, f"expected the image itself, but {step} is a symbolic link"
        data = read_regular_file(path, MAX_LOGO_BYTES, what="a logo")
        path = path.resolve()
    except FileNotFoundError:
        return None, f"expected an image file at {path}, found nothing"
    except RefusedFile as error:
        if not error.unsafe:  # a folder
            return None, f"expected an image file at {path}, found a folder"
        return None, f"expected an image file, but {path} {error}"
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        return None, f"cannot read {path}: {getattr(error, 'strerror', None) or error}"
    if relative.suffix.lower() == ".png" and not data.startswith(_PNG_SIGNATURE):
        return None, f"expected a PNG image, but {path} is not one"
    if relative.suffix.lower() == ".svg" and (problem := svg_problem(data, str(path))):
        return None, problem.message
    return path, None
