"""Which content pack and clinic config the app starts with on a managed machine.

Start-up uses only what is already applied on this machine, so a share that is offline (or a
slow network mount) never delays or stops the start; the folder itself is looked at after the
first frame and then while idle (app.ui.bundle_watch). A bundle in use whose folder was
damaged is dropped for the last good one, and that is recorded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.clinic_location import find_clinic_config

if TYPE_CHECKING:
    from app.domain.clinic_managed import ManagedSettings
    from app.fleet.install import InstalledBundle
    from app.fleet.status import BundleStatus

# The status and [managed] readers are imported where used: the app starts without a clinic
# config (or without [managed]) nearly always, and this module is on the way to its first frame.

log = logging.getLogger(__name__)
_started: list[StartSetup] = []  # what this process started with, for current_status()


@dataclass(frozen=True)
class StartSetup:
    content_pack: Path | None  # None: the built-in pack
    clinic_config: Path | None  # None: the usual place, if there is one
    managed: ManagedSettings | None = None  # the machine's own [managed] table
    state: Path | None = None  # where bundles are applied (with managed only)
    bundle_version: int | None = None  # the bundle started with; None: the machine's own setup
    machine_config: Path | None = None  # the machine's own clinic config (with [managed])


def start_setup(
    explicit_config: Path | None, explicit_pack: Path | None, state: Path | None = None
) -> StartSetup:
    """The pack and config to start with: an applied bundle's when the machine's clinic config
    has a `[managed]` table and a bundle is applied; else the usual ones. `--content-pack`
    still wins over a bundle's pack, for trying a pack out."""
    setup = _choose(explicit_config, explicit_pack, state)
    _started[:] = [setup]
    return setup


def _choose(
    explicit_config: Path | None, explicit_pack: Path | None, state: Path | None
) -> StartSetup:
    config = find_clinic_config(explicit_config)
    if config is None:
        return StartSetup(explicit_pack, explicit_config)
    from app.domain.clinic_managed import read_managed

    managed = read_managed(config)
    if managed is None:
        return StartSetup(explicit_pack, explicit_config)
    try:
        if state is None:
            from app.paths import setup_bundles_dir

            state = setup_bundles_dir()
        # Here, not at the top: a machine without [managed] (most) never loads the unpacking.
        from app.fleet.install import files_present, usable_or_fall_back

        bundle, dropped = usable_or_fall_back(state, files_present)
    except (OSError, RuntimeError) as error:
        log.warning("setup bundles cannot be used: %s", error)
        return StartSetup(explicit_pack, config, managed, None, None, config)
    if dropped is not None:
        record_fall_back(state, bundle.version if bundle else None, dropped)
    if bundle is None:
        return StartSetup(explicit_pack, config, managed, state, None, config)
    return StartSetup(
        explicit_pack or bundle.pack, bundle.clinic_config, managed, state, bundle.version, config
    )


def record_fall_back(state: Path, back_to: int | None, reason: str) -> None:
    from app.fleet.status import FELL_BACK, Event, read_status, write_status

    status = read_status(state)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    back = f"back to bundle {back_to}" if back_to else "back to this machine's own setup"
    event = Event(FELL_BACK, status.version, "", f"{reason}; {back}", now)
    log.warning("setup bundle %s dropped: %s", status.version, event.reason)
    write_status(state, replace(status, version=back_to, last_problem=event))


def started_with() -> StartSetup | None:
    """What this process started with (None before start_setup ran)."""
    return _started[0] if _started else None


def current_status(setup: StartSetup | None = None) -> BundleStatus:
    """For the UI and --self-test: what is recorded about bundles on this machine (by default,
    for the setup this process started with)."""
    from app.fleet.status import BundleStatus, read_status

    setup = setup or started_with()
    if setup is None or setup.managed is None or setup.state is None:
        return BundleStatus(managed=setup is not None and setup.managed is not None)
    return read_status(setup.state, managed=True)


def peek(explicit_config: Path | None) -> tuple[BundleStatus, InstalledBundle | None]:
    """The recorded status and the bundle in use, read only: for --self-test, which checks
    the setup the app would start with and changes nothing on the machine."""
    from app.domain.clinic_managed import read_managed
    from app.fleet.status import BundleStatus, read_status

    config = find_clinic_config(explicit_config)
    managed = read_managed(config) if config is not None else None
    if managed is None:
        return BundleStatus(managed=False), None
    try:
        from app.fleet.install import installed
        from app.paths import setup_bundles_dir

        state = setup_bundles_dir()
        return read_status(state, managed=True), installed(state)
    except (OSError, RuntimeError):
        return BundleStatus(managed=True), None
