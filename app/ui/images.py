"""Pictures for text documents: moved to app.render.images, which app.export may import too.

Kept so that code written against the old place keeps working; new code imports app.render.
"""

from app.render.images import (
    MAX_DRAWING_BYTES,
    ClosedTextDocument,
    image_fragments,
    render_svg,
    set_image_size,
)

__all__ = [
    "MAX_DRAWING_BYTES",
    "ClosedTextDocument",
    "image_fragments",
    "render_svg",
    "set_image_size",
]
