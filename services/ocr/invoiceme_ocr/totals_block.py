"""The totals block read again, enlarged, when its amounts do not add up.

Subtotal + VAT = total is the one check a page's money gives. On dev photos the rows of a totals
box are where the page's read goes wrong: an amount dropped from a boxed grid or a dark band, a
digit misread in small print, a currency sign read as a digit ('$1,995.20' as '91995.20'). So when
the amounts on the rows of the page's totals labels hold no net + VAT = total, the rows from the
first label to below the last one are cut out across the whole page (the amounts stand on either
side of their labels), enlarged to a readable size and read again (as sparse text). The re-read's
amounts replace the words they lie on (a row the page's read left out comes in whole), and the
page takes them only when the block then adds up. Pages whose totals add up, or that print no
part of their total (no net or VAT label), cost nothing; the others one Tesseract call on a band.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from itertools import permutations

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from . import tax_id_labels
from .engine import clean_text
from .tesseract_api import TesseractFailed, read_words
from .unread_blocks import block_languages
from .unread_ink import overlaps, with_words

_HEBREW = r"\u05d0-\u05ea"
# The few labels of a totals block (the extractor's lexicon is not imported by the OCR service): the
# total, the net before tax and the tax, in the corpus's and external-dev's languages.
TOTAL = re.compile(
    r"\btotal|\btotaal|gesamt|\bsumme\b|endbetrag|zu\s*zahlen|\bbetrag\b|montant|à\s*payer|a\s*pagar"
    r"|\bimporte\b|amount\s*due|balance\s*due|סה[\"״'׳]?כ|סך\s*הכל|לתשלום",
    re.I,
)
PART = re.compile(
    r"sub\s*-?\s*total|\bnet(?:to)?\b|zwischensumme|\bht\b|base\s*imponible|\bvat\b|\btax\b|mwst|\bust\b"
    r"|\btva\b|\biva\b|\bgst\b|מע[\"״'׳]?[מם]|ערך\s*מוסף|לפני",
    re.I,
)
# An amount as printed: thousands groups (, . ' or a space before a decimal comma), two decimals.
MONEY = re.compile(r"(?<![\d.,/])(\d{1,3}(?:[,.' ]\d{3})+|\d+)[.,](\d{2})(?!\d|[.,/]\d)")
MAX_RATE = 0.3  # no VAT is over 30 % of its net
MIN_RATE = 0.02  # nor under 2 %: 6.88 + 0.02 = 6.90 on a till slip is an item, its rounding and a price
CENT = 0.011
# Of a line's height, the block's margin above its first label row and below its last: the rows of
# a box whose labels the page's read lost too (a dark band's net and total around its VAT row), an
# amount printed under its label.
ABOVE = BELOW = 2.5
GAP = 8.0  # of a line's height: label rows further apart are two blocks (an items header, the totals;
# a stacked block's labels stand two lines and their spacing apart)
READABLE_LINE = 32  # px: the block's print is enlarged to about this line height
MAX_ENLARGE = 3.0
PAD = 12  # px of white around the enlarged block
# Sparse text: a box of label and amount cells read as one uniform block (psm 6) lost its amounts
# beside dark cells that psm 11 kept (seed 7 photos: kv_grid_en_02's four money fields, none lost).
SEGMENTATION_MODE = 11
MIN_CONFIDENCE = 0.3  # re-read words below this are noise

Band = tuple[int, int]  # top, bottom rows on the page


@dataclass(frozen=True)
class Row:
    """A line of the page that holds a totals label: its rows, whether it names the total and a
    part of it (net, VAT), and the amounts printed on it."""

    top: int
    bottom: int
    names_total: bool
    names_part: bool
    amounts: tuple[float, ...]


def money_values(text: str) -> list[float]:
    """Every amount with two decimals in a text, its thousands marks dropped."""
    values = []
    for match in MONEY.finditer(text):
        whole = re.sub(r"[,.' ]", "", match[1])
        values.append(float(f"{whole}.{match[2]}"))
    return values


def sums_in(amounts: list[float]) -> set[float]:
    """The amounts that make a net, its VAT (MIN_RATE to MAX_RATE of it) and their sum."""
    distinct = sorted(set(amounts))
    found: set[float] = set()
    for net, vat in permutations(distinct, 2):
        if not MIN_RATE * net <= vat <= MAX_RATE * net:
            continue
        if totals := [total for total in distinct if abs(net + vat - total) <= CENT]:
            found |= {net, vat, *totals}
    return found


def adds_up(amounts: list[float]) -> bool:
    """Whether three of the amounts are a net, its VAT and their sum."""
    return bool(sums_in(amounts))


def label_rows(page: OcrPage) -> list[Row]:
    """The page's lines that hold a totals label, with their amounts (the line's own and those of
    words beside it on the same row, which Tesseract often makes a line of their own)."""
    rows = []
    for line in page.lines:
        if not (TOTAL.search(line.text) or PART.search(line.text)):
            continue
        top, bottom = line.top, line.top + line.height
        beside = money_values(" ".join(w.text for w in page.words if top <= w.top + w.height / 2 <= bottom))
        if tax_id_labels.LABEL.search(line.text) and not beside:  # 'VAT Reg. No.' names no amount
            continue
        names = bool(TOTAL.search(line.text)), bool(PART.search(line.text))
        rows.append(Row(top, bottom, *names, tuple(beside)))
    return rows


def blocks_of(rows: list[Row]) -> list[list[Row]]:
    """The label rows grouped top to bottom: a row more than GAP line heights below the one above
    it starts a new block."""
    blocks: list[list[Row]] = []
    for row in sorted(rows, key=lambda r: r.top):
        height = max(1, row.bottom - row.top)
        if blocks and row.top - blocks[-1][-1].bottom <= GAP * height:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks


def totals_band(page: OcrPage) -> Band | None:
    """The rows of the page's totals block, when its amounts do not add up: the lowest block of label
    rows that names a part (net, VAT: a page printing only its total has no sum to check) with a
    total label among them (else the lowest of any), from above its first row to below
    its last (amounts printed under their labels, rows whose labels the read lost)."""
    blocks = [b for b in blocks_of(label_rows(page)) if any(r.names_part for r in b)]
    named = [b for b in blocks if any(r.names_total for r in b)] or blocks
    if not named:
        return None
    block = named[-1]
    height = statistics.median(r.bottom - r.top for r in block)
    top = max(0, int(block[0].top - ABOVE * height))
    bottom = min(page.height, int(block[-1].bottom + BELOW * height))
    return None if adds_up(band_amounts(page, (top, bottom))) else (top, bottom)


def band_amounts(page: OcrPage, band: Band) -> list[float]:
    """The amounts of the words whose middle lies in the band."""
    return money_values(" ".join(w.text for w in page.words if band[0] <= w.top + w.height / 2 <= band[1]))


def line_height(page: OcrPage, band: Band) -> int:
    """The median height of the words read in the band (their print's size)."""
    heights = [w.height for w in page.words if band[0] <= w.top + w.height / 2 <= band[1]]
    return int(statistics.median(heights)) if heights else band[1] - band[0]


def scale_for(print_height: int) -> float:
    """How much to enlarge print of this height to about READABLE_LINE (never to shrink it)."""
    return min(MAX_ENLARGE, max(1.0, READABLE_LINE / max(1, print_height)))


def is_money_word(text: str) -> bool:
    """A word that is an amount (with a currency sign or minus stuck to it at most)."""
    return bool(money_values(text)) and len(re.sub(r"[\d.,' ₪$€£-]", "", text)) <= 1


def _row_words(words: list[OcrWord], top: int, bottom: int) -> list[OcrWord]:
    return [w for w in words if top <= w.top + w.height / 2 <= bottom]


def merged(page: OcrPage, new_words: list[OcrWord]) -> list[OcrWord]:
    """The page's words with the re-read's amounts in place of the words they lie on (`new_words`
    in page pixels, `line` numbering the re-read's lines); a re-read line whose row the page's read
    left empty comes in whole."""
    words = list(page.words)
    next_line = max((w.line for w in words), default=-1) + 1
    by_line: dict[int, list[OcrWord]] = {}
    for word in new_words:
        by_line.setdefault(word.line, []).append(word)
    for members in by_line.values():
        top = min(w.top for w in members)
        bottom = max(w.top + w.height for w in members)
        if not _row_words(words, top, bottom):
            words += [w.model_copy(update={"line": next_line}) for w in members]
            next_line += 1
            continue
        for word in members:
            if not is_money_word(word.text):
                continue
            under = [w for w in words if overlaps(w, word) and re.search(r"[\d₪$€£]", w.text)]
            line = under[0].line if under else next_line
            next_line += 0 if under else 1
            at = words.index(under[0]) if under else len(words)
            words = (
                [w for w in words[:at] if w not in under]
                + [word.model_copy(update={"line": line})]
                + [w for w in words[at:] if w not in under]
            )
    return words


def grand_sum(amounts: list[float]) -> set[float]:
    """`sums_in` for a sum whose total is the block's largest amount (a block ends in its grand
    total; a sum under a larger total is a part of it, one VAT rate's of a till slip's two)."""
    summed = sums_in(amounts)
    return summed if amounts and max(amounts) in summed else set()


def with_reread(page: OcrPage, band: Band, new_words: list[OcrWord]) -> OcrPage | None:
    """The page with the re-read's amounts that make the block add up merged in (with the rest of
    their lines, for a row the page lost); None when the block does not add up with them. An amount
    that is part of no sum stays out: on a till slip the re-read of a worse-lit total added up only
    through the items, and took a misread total with it (external-dev sroie 312: 38.37 as 30.37)."""
    summed = grand_sum(band_amounts(with_words(page, merged(page, new_words), ""), band))
    if not summed:
        return None
    lines = {w.line for w in new_words if set(money_values(w.text)) & summed}
    chosen = [
        w
        for w in new_words
        if w.line in lines and (not is_money_word(w.text) or set(money_values(w.text)) <= summed)
    ]
    candidate = with_words(page, merged(page, chosen), "re-read the totals block")
    return candidate if grand_sum(band_amounts(candidate, band)) else None


def block_words(data: dict[str, list], band: Band, scale: float, min_confidence: float) -> list[OcrWord]:
    """Tesseract's words on the enlarged block, in page pixels, numbered by the block's lines."""
    keys: dict[tuple[int, int, int], int] = {}
    words = []
    for i, raw in enumerate(data["text"]):
        text = clean_text(str(raw)).strip()
        confidence = float(data["conf"][i]) / 100
        if not text or confidence < (0 if is_money_word(text) else min_confidence):
            continue  # an amount read unsure counts: the sum it must make is the check
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        words.append(
            OcrWord(
                text=text,
                left=max(0, int((data["left"][i] - PAD) / scale)),
                top=band[0] + max(0, int((data["top"][i] - PAD) / scale)),
                width=max(1, int(data["width"][i] / scale)),
                height=max(1, int(data["height"][i] / scale)),
                confidence=round(confidence, 3),
                line=keys.setdefault(key, len(keys)),
            )
        )
    return words


ReadBlock = Callable[[np.ndarray], dict[str, list]]  # an image -> Tesseract's word data


def enlarged_band(gray: np.ndarray, band: Band, scale: float) -> np.ndarray:
    """The band across the whole page, enlarged by `scale`, with a white border."""
    crop = gray[band[0] : band[1], :]
    if scale > 1.0:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return cv2.copyMakeBorder(crop, PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT, value=255)


def reread_totals_block(page: OcrPage, gray: np.ndarray, read_block: ReadBlock) -> OcrPage:
    """The page with its totals block read again (`read_block`: Tesseract on an image) when its amounts
    do not add up and the re-read's do; the page itself otherwise."""
    band = totals_band(page)
    if band is None:
        return page
    scale = scale_for(line_height(page, band))
    new_words = block_words(read_block(enlarged_band(gray, band, scale)), band, scale, MIN_CONFIDENCE)
    return with_reread(page, band, new_words) or page


def block_reader(timeout: float, page_text: str, languages: str) -> ReadBlock:
    """The block read as sparse text (SEGMENTATION_MODE) in the page's languages (its Latin ones
    when its read holds no Hebrew); no words when Tesseract fails."""
    chosen = block_languages(page_text, languages)

    def read(crop: np.ndarray) -> dict[str, list]:
        try:
            return read_words(crop, chosen, SEGMENTATION_MODE, timeout)
        except TesseractFailed:
            return {key: [] for key in ("text", "conf", "left", "top", "width", "height")}

    return read
