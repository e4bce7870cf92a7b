"""--self-test reports the setup bundle in use, and warns about a refused one."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from app.fleet.status import REFUSED, BundleStatus, Event
from app.selftest import Context, _Warning, check_setup_bundles

AT = "2026-11-29T10:00:00Z"


def _context(status: BundleStatus) -> Context:
    ctx = Context(args=argparse.Namespace(), scratch=Path(), out=io.StringIO())
    ctx.extra["bundle_status"] = status
    return ctx


def test_the_self_test_names_the_bundle_in_use() -> None:
    line = check_setup_bundles(_context(BundleStatus(True, 12, AT)))
    assert line == "Setup bundle 12 applied on 29 November 2026"


def test_the_self_test_warns_about_a_refused_bundle() -> None:
    refused = Event(REFUSED, 13, "c13.mncbundle", "signature does not match", AT)
    with pytest.raises(_Warning, match="Bundle 13 refused: signature does not match"):
        check_setup_bundles(_context(BundleStatus(True, 12, AT, refused)))


def test_an_unmanaged_machine_says_so() -> None:
    assert check_setup_bundles(_context(BundleStatus())).startswith("not managed")
