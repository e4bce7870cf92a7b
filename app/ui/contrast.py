"""Re-export: the WCAG contrast code lives in app.domain.contrast (the clinic config uses it)."""

from app.domain.contrast import contrast_ratio, relative_luminance  # noqa: F401
