"""Tiny word-box pages for layout tests: place words where a layout prints them."""

from __future__ import annotations

from invoiceme_common.events import OcrPage, OcrWord
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line

CHAR = 14  # px per character at the fixture's font size
HEIGHT = 28


def word(text: str, left: int, top: int, line: int) -> OcrWord:
    return OcrWord(
        text=text, left=left, top=top, width=CHAR * len(text), height=HEIGHT, confidence=1.0, line=line
    )


def page(*placed: tuple[str, int, int], rtl: bool = False) -> OcrPage:
    """Each (text, left, top) is one unit (a line as a text layer stores it), split into words.

    Units are stored in the order given, like a PDF content stream, not in reading order. For `rtl`
    units the words are laid out right to left from `left` + the unit's width.
    """
    words = []
    for line, (text, left, top) in enumerate(placed):
        parts = text.split()
        x = left + CHAR * len(text) if rtl else left
        for part in parts:
            if rtl:
                x -= CHAR * len(part)
                words.append(word(part, x, top, line))
                x -= CHAR
            else:
                words.append(word(part, x, top, line))
                x += CHAR * (len(part) + 1)
    return OcrPage(
        number=1,
        text="\n".join(t for t, _, _ in placed),
        method="text_layer",
        confidence=1.0,
        width=2480,
        height=3508,
        words=words,
    )


def rtl_ocr_page(*placed: tuple[str, int, int]) -> OcrPage:
    """`page(..., rtl=True)` as OCR reads it: a Hebrew page, its words less than sure."""
    laid_out = page(*placed, rtl=True)
    words = [word.model_copy(update={"confidence": 0.9}) for word in laid_out.words]
    return laid_out.model_copy(update={"method": "ocr", "confidence": 0.9, "words": words})


def ocr_word(
    text: str, left: int, top: int, line: int, width: int = 0, height: int = 20, confidence: float = 0.9
) -> OcrWord:
    """A word as OCR gives it, 12 px a character unless `width` says."""
    return OcrWord(
        text=text,
        left=left,
        top=top,
        width=width or 12 * len(text),
        height=height,
        confidence=confidence,
        line=line,
    )


def ocr_words(
    text: str, left: int, top: int, line: int, confidence: float = 0.9, height: int = 20
) -> list[OcrWord]:
    """`text`'s words as OCR gives them on one line from `left`, a character's width between them."""
    words, x = [], left
    for part in text.split():
        words.append(ocr_word(part, x, top, line, height=height, confidence=confidence))
        x += 12 * (len(part) + 1)
    return words


def ocr_page(words: list[OcrWord], width: int = 1700, height: int = 2300) -> OcrPage:
    """An OCR page of `words` in the order given (the engine's order), a line per `line` index."""
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    text = "\n".join(" ".join(texts) for _, texts in sorted(lines.items()))
    return OcrPage(number=1, text=text, method="ocr", confidence=0.9, width=width, height=height, words=words)


def tall_page(*placed: tuple[str, int, int, int] | tuple[str, int, int, int, int]) -> OcrPage:
    """A text layer whose units are (text, left, top, height[, OCR line]): print of any size, one
    word a unit part, 0.6 x height px a character; a unit is its own line unless it names one."""
    words = []
    for index, (text, left, top, height, *line) in enumerate(placed):
        x = left
        for part in text.split():
            width = int(0.6 * height * len(part))
            words.append(
                OcrWord(
                    text=part,
                    left=x,
                    top=top,
                    width=width,
                    height=height,
                    confidence=1.0,
                    line=line[0] if line else index,
                )
            )
            x += width + int(0.6 * height)
    return OcrPage(
        number=1,
        text="\n".join(unit[0] for unit in placed),
        method="text_layer",
        confidence=1.0,
        width=2480,
        height=3508,
        words=words,
    )


def cells_line(index: int, *cells: tuple[str, float, float]) -> Line:
    """A line of the rules' own cells, (text, left, right) each, 30 px below the line before it: for
    rules that read cells directly."""
    top = 30.0 * index
    boxes = tuple(Cell(text, Box(left, top, right, top + 10), 10.0) for text, left, right in cells)
    text = " ".join(cell.text for cell in boxes)
    return Line(text, 1, index, Box(boxes[0].box.left, top, boxes[-1].box.right, top + 10), boxes)


def cell_row(index: int, top: int, *cells: tuple[str, int, int]) -> Line:
    """A line of boxed cells (text, left, right), 33 px tall from `top`, as `document_lines` makes them."""
    boxed = tuple(Cell(text, Box(left, top, right, top + 33), 33.0, 0.95) for text, left, right in cells)
    box = Box(boxed[0].box.left, top, boxed[-1].box.right, top + 33)
    return Line(" ".join(cell.text for cell in boxed), 1, index, box, boxed)
