"""A page as drawing primitives in millimetres (y grows downwards), and `Sheet`, the builder families
write with. Families place things from the *start* side (left in English, right in Hebrew): the sheet
mirrors x for right-to-left documents, so one family yields natural pages in both directions."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import fonts
from .ink import split_values

Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Text:
    x: float  # anchor: left edge ("l"), right edge ("r") or centre ("c")
    y: float  # baseline
    text: str
    size: float
    bold: bool = False
    align: str = "l"
    color: Color = BLACK
    face: str | None = None  # None: the page's face


@dataclass(frozen=True)
class Box:
    x: float  # left edge
    y: float  # top edge
    w: float
    h: float
    fill: Color | None = None
    stroke: Color | None = BLACK
    line_width: float = 0.6


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    line_width: float = 0.5
    color: Color = BLACK
    dashed: bool = False


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    fill: Color | None
    stroke: Color | None = None
    line_width: float = 1.0


@dataclass
class Page:
    width: float
    height: float
    face: str
    items: list[Text | Box | Rule | Circle] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [item.text for item in self.items if isinstance(item, Text)]


class Sheet:
    """Start-side coordinates in, page coordinates out; also measures text in the document's face."""

    def __init__(
        self,
        width: float,
        height: float,
        face: str,
        rtl: bool,
        value_face: str | None = None,
        value_phrases: tuple[str, ...] = (),
    ) -> None:
        """`value_face`: filled-in values (`ink.split_values`: anything with a digit, `value_phrases`)
        drawn in this face, the labels around them in `face`, as on a pre-printed form filled in by
        hand; None draws every text in one piece as given."""
        self.page = Page(width, height, face)
        self.width, self.rtl = width, rtl
        self.value_face, self.value_phrases = value_face, value_phrases

    def measure(self, text: str, size: float, bold: bool = False, face: str | None = None) -> float:
        """Width in mm."""
        return fonts.text_width_pt(text, face or self.page.face, bold, size) / PT_PER_MM

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 9,
        bold: bool = False,
        align: str = "start",
        color: Color = BLACK,
        face: str | None = None,
    ) -> float:
        """Draws text anchored at start-side x; returns its width in mm. align: start, end or centre."""
        if not text:
            return 0.0
        if self.value_face and face is None:
            pieces = split_values(text, self.value_phrases)
            if len(pieces) > 1 or pieces[0][1]:
                return self._pieces(x, y, pieces, size, bold, align, color)
        side = {"start": "l", "end": "r", "centre": "c"}[align]
        if self.rtl:
            x, side = self.width - x, {"l": "r", "r": "l", "c": "c"}[side]
        self.page.items.append(Text(x, y, text, size, bold, side, color, face))
        return self.measure(text, size, bold, face)

    def _pieces(
        self,
        x: float,
        y: float,
        pieces: list[tuple[str, bool]],
        size: float,
        bold: bool,
        align: str,
        color: Color,
    ) -> float:
        """Labels and values side by side in reading order, a space apart, aligned as one text."""
        faces = [self.value_face if value else self.page.face for _, value in pieces]
        widths = [self.measure(piece, size, bold, f) for (piece, _), f in zip(pieces, faces, strict=True)]
        gap = self.measure(" ", size, bold)
        total = sum(widths) + gap * (len(pieces) - 1)
        start = x - {"start": 0.0, "end": total, "centre": total / 2}[align]
        for (piece, _), piece_face, width in zip(pieces, faces, widths, strict=True):
            self.text(start, y, piece, size, bold, "start", color, piece_face)
            start += width + gap
        return total

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: Color | None = None,
        stroke: Color | None = BLACK,
        line_width: float = 0.6,
    ) -> None:
        left = self.width - x - w if self.rtl else x
        self.page.items.append(Box(left, y, w, h, fill, stroke, line_width))

    def rule(
        self,
        x1: float,
        y: float,
        x2: float,
        line_width: float = 0.5,
        dashed: bool = False,
        color: Color = BLACK,
    ) -> None:
        if self.rtl:
            x1, x2 = self.width - x1, self.width - x2
        self.page.items.append(Rule(x1, y, x2, y, line_width, color, dashed))

    def vrule(self, x: float, y1: float, y2: float, line_width: float = 0.4, color: Color = BLACK) -> None:
        x = self.width - x if self.rtl else x
        self.page.items.append(Rule(x, y1, x, y2, line_width, color))

    def circle(
        self,
        x: float,
        y: float,
        r: float,
        fill: Color | None,
        stroke: Color | None = None,
        line_width: float = 1.0,
    ) -> None:
        self.page.items.append(Circle(self.width - x if self.rtl else x, y, r, fill, stroke, line_width))

    def fit(self, text: str, size: float, width: float, bold: bool = False) -> float:
        """The largest size <= size at which text fits in width mm."""
        while size > 5 and self.measure(text, size, bold) > width:
            size -= 0.5
        return size
