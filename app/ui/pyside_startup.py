"""Spare the start the source scan PySide6 runs on every module imported after it.

PySide6 replaces `__import__` to support its opt-in `from __feature__ import snake_case,
true_property`. For that, after each import it asks whether the new module "uses PySide": it
reads the module's whole source with `inspect.getsource`, which also keeps every line in
`linecache`. For this app, on the way to Today, that is about 140 modules: 18-21 ms and 4.4 MB
of source text held for nothing (measured with PySide6 6.11.3; see
https://github.com/napari/napari/issues/8584 for the same finding elsewhere).

This app selects no `__feature__` anywhere, so every module gets Qt's default names whatever
the scan would answer: the scan is replaced by that answer. If PySide6 changes its internals,
this does nothing and the app starts as before (tests/ui/test_pyside_startup.py says so).
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads the import hook and the module patched here)

_FEATURE_MODULE = "shibokensupport.feature"


def _default_features(_module: ModuleType) -> bool:
    return True  # "uses PySide with the default selection", as a module without __feature__


def skip_feature_scan() -> bool:
    """Replace PySide6's per-import source scan; False when its internals are not as known."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _default_features  # type: ignore[attr-defined]
    return True
