"""Microneedling Companion: a patient companion for microneedling of acne scars."""

# The single source of the version: pyproject.toml reads it from here. A plain string rather than
# importlib.metadata, which costs ~30 ms of start-up and is absent for a source checkout.
__version__ = "0.1.0"

APP_NAME = "Microneedling Companion"
APP_ID = "microneedling-companion"
ORGANIZATION = "Microneedling Companion"


def version() -> str:
    return __version__
