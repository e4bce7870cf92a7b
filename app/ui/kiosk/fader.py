"""The attract loop's cross-fade: the still of the slide going, at an opacity, over the still of
the slide coming, on one opaque widget over the card (app.ui.kiosk.attract)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

BAND_ROWS = 88  # Qt's raster engine hands 96 rows and more to its thread pool


class FadingStill(QWidget):
    """The outgoing slide's still (`still`) at an opacity over the incoming one's (`under`).
    Opaque, so a frame repaints this one widget and nothing under it; and only where either
    slide has ink (`ink`: the words and the drawings), not the empty background around them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # touches: the loop's
        self.still = QPixmap()
        self.under = QPixmap()
        self.opacity = 1.0
        self._ink = QRegion()
        self._ink_bands: list[tuple[QRectF, QRectF]] = []
        self.hide()

    @property
    def ink(self) -> QRegion:
        return self._ink

    @ink.setter
    def ink(self, region: QRegion) -> None:
        self._ink = region
        self._ink_bands = self._bands(region)  # worked out once: every frame paints these

    def set_opacity(self, value: float) -> None:
        self.opacity = value
        if self._ink.isEmpty():
            self.update()
        else:
            self.update(self._ink)

    def _bands(self, region: QRegion) -> list[tuple[QRectF, QRectF]]:
        """(where, from where in the stills) for each band of `region`. In bands of BAND_ROWS:
        Qt splits a blend of more rows over its thread pool, which woke two more threads on
        every frame (20 wakeups a second) for no gain at this size."""
        ratio = self.still.devicePixelRatio() if not self.still.isNull() else 1.0
        bands = []
        for rect in region:  # type: ignore[attr-defined]  # iterable; the stubs lack it
            for top in range(rect.top(), rect.bottom() + 1, BAND_ROWS):
                rows = min(BAND_ROWS, rect.bottom() + 1 - top)
                band = QRectF(rect.left(), top, rect.width(), rows)
                source = QRectF(band.x() * ratio, top * ratio, band.width() * ratio, rows * ratio)
                bands.append((band, source))
        return bands

    def paintEvent(self, event: QPaintEvent) -> None:
        region = event.region()
        # A frame's region is the ink, or a part of it (Qt clips it to what shows): the bands
        # worked out for the ink do, the painter is clipped to the region anyway.
        inside = not self._ink.isEmpty() and (region - self._ink).isEmpty()
        bands = self._ink_bands if inside else self._bands(region)
        painter = QPainter(self)
        for band, source in bands:
            painter.setOpacity(1.0)
            painter.drawPixmap(band, self.under, source)
            if self.opacity > 0.0 and not self.still.isNull():  # resting: the card's still only
                painter.setOpacity(self.opacity)
                painter.drawPixmap(band, self.still, source)
