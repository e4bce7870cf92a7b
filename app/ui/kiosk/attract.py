"""The attract loop: while nobody uses the kiosk, one explainer highlight at a time.

Each slide is a screen of the content pack that has an illustration: its title, its one-line
summary and its drawing, so every word comes from the reviewed pack. Slides change every
`interval_ms` (10 s by default, DESIGN.md asks for 8-12 s) with a soft fade, or with none when
the clinic asks for reduced motion. A touch anywhere emits `touched`.

A kiosk loops all day, every day, so the loop is cheap: each drawing is rendered once per size,
all of them in one idle moment after the loop starts (then reused: a slide change renders none),
and the change is one cross-fade of two stills of the card (on an opaque widget over the card)
at 25 frames a second, repainting only where either slide has ink. The still of the slide that
came then rests over the card (the same pixels) until the next change fades from it: a change
draws the card once, and never repaints the card's labels and drawing on screen. The opacity
effect it replaced re-rendered the card 60 times a second, twice per change (out, then in):
1.5% of a core against about 0.2% now (README, attract loop).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QEasingCurve,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimeLine,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QMouseEvent,
    QPalette,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from app.render.content_provider import ContentProvider
from app.ui.images import render_svg
from app.ui.kiosk.fader import FadingStill

SLIDE_MS = 10_000
FADE_MS = 700  # one cross-fade: slow enough to read as calm, not as a jump
CAPTION_BESIDE_BELOW_PX = 760  # a shorter loop puts a drawing's caption beside it, not under
QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum" for a widget's size
# 25 frames a second (QTimeLine's own default): smooth for a slow change of opacity, and less
# than half the work of the 60 an animation would draw.
FADE_FRAME_MS = 40
PREPARE_MS = 1000  # after the loop starts or changes size: the first slide is up, no fade yet


@dataclass(frozen=True)
class Slide:
    title: str
    summary: str
    illustration: Path | None
    alt: str
    caption: str = ""  # what the drawing's numbers stand for (its screen's first lines)


def slides_from(content: ContentProvider) -> list[Slide]:
    screens = content.content().pack.screens
    with_pictures = [s for s in screens if s.illustration_path is not None]
    return [
        Slide(
            s.meta.title,
            s.meta.summary,
            s.illustration_path,
            s.meta.illustration_alt or "",
            s.drawing_caption,
        )
        for s in (with_pictures or list(screens))
    ]


class AttractLoop(QWidget):
    touched = Signal()

    def __init__(
        self,
        content: ContentProvider,
        reduce_motion: bool,
        interval_ms: int = SLIDE_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attract")
        self.setAccessibleName(self.tr("Highlights about microneedling"))
        self.reduce_motion = reduce_motion
        self.slides = slides_from(content)
        self.index = 0
        self._fade: QTimeLine | None = None
        self._resting_ink = QRegion()  # where the slide under a resting still has ink
        # Each drawing rendered once for the room it has: (drawing, width, height). A slide
        # with a caption leaves its drawing other room than one without, so a size is no key
        # for the whole set; the cache is emptied when it holds more than a few sizes' worth.
        self._pictures: dict[tuple[Path, int, int], QPixmap] = {}
        # Each fade takes at most a quarter of a slide's time, so a slide is always readable.
        self.fade_ms = min(FADE_MS, interval_ms // 4)

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 32, 64, 32)
        layout.setSpacing(24)
        self.card = QWidget()
        card_layout = self._card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.setSpacing(24)
        self.title = QLabel()
        self.title.setProperty("role", "kiosk-title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.summary = QLabel()
        self.summary.setProperty("role", "kiosk-lead")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(1, 1)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.summary)
        # The drawings carry numbers, not words (one drawing for every language): the words
        # for the numbers go under it, as on the screen in Learn.
        self.caption = QLabel()
        self.caption.setProperty("role", "kiosk-bar-text")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # Under the drawing on a tall screen; beside it on a short one (1366x768 at 125%), where
        # under it would leave the drawing too little height to read its numbers.
        self.drawing_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.drawing_row.setSpacing(24)
        self.drawing_row.addWidget(self.picture, 1)
        self.drawing_row.addWidget(self.caption)
        card_layout.addLayout(self.drawing_row, 1)
        layout.addWidget(self.card, 1)
        self.fader = FadingStill(self)

        self.prompt = QLabel(self.tr("Touch the screen to start"))
        self.prompt.setProperty("role", "kiosk-prompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.prompt)

        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.advance)
        # Every slide's drawing rendered in one idle moment, not during a slide change.
        self._prepared = QSize()  # the size every drawing was rendered for
        self._prepare = QTimer(self)
        self._prepare.setSingleShot(True)
        self._prepare.setInterval(PREPARE_MS)
        self._prepare.timeout.connect(self.prepare_slides)
        self._show(0)

    # the loop ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin at the first slide, fully shown."""
        self._stop_fade()
        self._show(0)
        self.timer.start()
        self._prepare.start()

    def stop(self) -> None:
        self.timer.stop()
        self._prepare.stop()
        self._stop_fade()

    def prepared(self) -> bool:
        """Whether every slide's drawing is rendered for the loop's size."""
        return self._prepared == self.size()

    def prepare_slides(self) -> None:
        """Lay out each slide in turn and render its drawing for the room it gets there, so
        that no slide change renders one (rendering a drawing takes longer than the change
        itself). In one go, ending on the slide showing: nothing is painted in between. In
        the loop's order, as the room a drawing gets depends a little on the one before."""
        if not self.slides or not self.isVisible() or self.prepared():
            return
        if self._fade is not None:
            self._prepare.start()  # after this change
            return
        showing = self.index
        for step in range(1, len(self.slides) + 1):
            self._show((showing + step) % len(self.slides))
        self._prepared = QSize(self.size())

    def advance(self) -> None:
        if not self.slides:
            return
        following = (self.index + 1) % len(self.slides)
        if self.reduce_motion or not self.fade_ms:
            self._stop_fade()  # a still resting over the card would hide the change
            self._show(following)
            return
        if self._fade is not None:
            return  # still changing slides; the next tick moves on
        if self.resting():  # the still of the card as it is, from the last change
            outgoing, outgoing_ink = self.fader.under, self._resting_ink
        else:
            outgoing, outgoing_ink = self._still(), self._ink()
        self._show(following)  # under the still, which still shows the slide going
        layout = self.card.layout()
        if layout is not None:
            layout.activate()  # the new words may wrap otherwise: place them before the still
        incoming_ink = self._ink()
        self.fader.still, self.fader.under = outgoing, self._still()
        self.fader.ink = outgoing_ink + incoming_ink
        self._resting_ink = incoming_ink
        self.fader.opacity = 1.0
        self.fader.setGeometry(self.card.geometry())
        self.fader.raise_()
        self.fader.show()
        fade = QTimeLine(self.fade_ms, self)
        fade.setUpdateInterval(FADE_FRAME_MS)
        fade.setEasingCurve(QEasingCurve.Type.InOutSine)
        fade.valueChanged.connect(lambda step: self.fader.set_opacity(1.0 - step))
        fade.finished.connect(self._rest)
        self._fade = fade
        fade.start()

    def fading(self) -> bool:
        return self._fade is not None

    def resting(self) -> bool:
        """Whether the still of the slide showing rests over the card, after its fade."""
        return self._fade is None and self.fader.isVisible()

    def _rest(self) -> None:
        """The fade is over: the still of the slide now showing stays over the card until the
        next change, which fades from it. Taking it away would repaint the whole card (its
        labels and drawing) to show the same pixels, and the next change would draw it again."""
        if self._fade is not None:
            fade, self._fade = self._fade, None
            fade.deleteLater()
        self.fader.still = QPixmap()  # the slide gone: not kept
        self.fader.opacity = 0.0

    def _still(self) -> QPixmap:
        """The card as it is now, drawn once, on an opaque picture: blending one without an
        alpha channel is about a third cheaper, every frame."""
        ratio = self.devicePixelRatioF()
        still = QPixmap(self.card.size() * ratio)
        still.setDevicePixelRatio(ratio)
        still.fill(self.fader.palette().color(QPalette.ColorRole.Window))
        self.card.render(still)
        return still

    def _ink(self) -> QRegion:
        """Where the card has words or a drawing, in its own coordinates (a few pixels more, for
        glyphs that reach past their box)."""
        ink = QRegion()
        for label in (self.title, self.summary, self.caption):
            if label.isHidden():
                continue
            flags = int(label.alignment()) | Qt.TextFlag.TextWordWrap.value
            text = label.fontMetrics().boundingRect(label.contentsRect(), flags, label.text())
            ink += text.translated(label.pos()).adjusted(-4, -4, 4, 4)
        pixmap = self.picture.pixmap()
        if not pixmap.isNull():
            size = (pixmap.deviceIndependentSize().toSize()).boundedTo(self.picture.size())
            drawing = QRect(QPoint(0, 0), size)
            drawing.moveCenter(self.picture.rect().center())
            ink += drawing.translated(self.picture.pos()).adjusted(-2, -2, 2, 2)
        return ink

    def _stop_fade(self) -> None:
        if self._fade is not None:
            fade, self._fade = self._fade, None
            fade.stop()
            fade.deleteLater()
        self.fader.hide()
        self.fader.still = self.fader.under = QPixmap()  # two full-card pictures: not kept
        self.fader.ink = QRegion()

    # drawing -----------------------------------------------------------------------------------

    def _show(self, index: int) -> None:
        if not self.slides:
            return
        self.index = index
        slide = self.slides[index]
        self.title.setText(slide.title)
        self.summary.setText(slide.summary)
        self.caption.setText(slide.caption)
        self.caption.setVisible(bool(slide.caption))
        self.picture.setAccessibleName(slide.alt)
        self.picture.setAccessibleDescription(slide.alt)
        self.setAccessibleDescription(f"{slide.title}. {slide.summary}")
        # The new words may take more or fewer lines: the picture's room first, then its size.
        card_layout = self.card.layout()
        if card_layout is not None and self.isVisible():
            card_layout.activate()
        self._draw_picture()

    def _draw_picture(self) -> None:
        slide = self.slides[self.index] if self.slides else None
        if slide is None or slide.illustration is None:
            self.picture.clear()
            return
        box = self.picture.size()
        key = (slide.illustration, box.width(), box.height())
        pixmap = self._pictures.get(key)
        if pixmap is None:
            pixmap = self._render(slide.illustration, box)
            if len(self._pictures) >= 3 * max(len(self.slides), 1):
                self._pictures.clear()  # drawings for sizes gone by (a resize, a rotation)
            self._pictures[key] = pixmap
        if pixmap.isNull():
            self.picture.clear()
        else:
            self.picture.setPixmap(pixmap)

    @staticmethod
    def _render(illustration: Path, box: QSize) -> QPixmap:
        width = max(min(box.width(), 1100), 200)
        image = render_svg(illustration, width=width)
        if image is None:
            return QPixmap()
        if image.height() > box.height() > 0:  # fit the height too: never cut, only smaller
            image = render_svg(illustration, height=box.height()) or image
        return QPixmap.fromImage(image)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        beside = self.height() < CAPTION_BESIDE_BELOW_PX
        self.drawing_row.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        self.caption.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            if beside
            else Qt.AlignmentFlag.AlignHCenter
        )
        self.caption.setMaximumWidth(self.width() // 2 if beside else QWIDGETSIZE_MAX)
        # A short screen also gets tighter gaps: room for the drawing and its words.
        gap, edge = (12, 12) if beside else (24, 32)
        if self._layout.spacing() != gap:
            self._layout.setContentsMargins(64, edge, 64, edge)
            self._layout.setSpacing(gap)
            self._card_layout.setSpacing(gap)
            self._layout.activate()  # now, not later: a fade starting next lays its still here
        if self.fader.isVisible():  # the still no longer fits the card: finish the change now
            self._stop_fade()
        QTimer.singleShot(0, self, self._draw_picture)  # after the layout gave the picture room
        if self.timer.isActive():
            self._prepare.start()  # the drawings for the new size, once it has settled

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.touched.emit()
