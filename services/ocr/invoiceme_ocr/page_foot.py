"""Fine print at a page's foot that the page's read left out, read alone (scans and photos alike).

Invoices print their legal lines in small light print at the page's foot: the company and VAT
registration numbers, often after the issuer's name ('Alpen Logistik GmbH & Co. KG · USt-ID-Nr.:
DE992790387'). On dev scans and photos (seeds 9 and 10) a fifth of the vendor tax ids the extractor
missed stood there and were not in the OCR text at all: Tesseract's layout analysis of the whole
page dropped the isolated light line, while the same line cut out with its block and read alone
came out whole. So the ink lines in the page's lowest FOOT that the words read cover too little of
are grouped into blocks (`unread_blocks.line_blocks`) and each is cut out, enlarged and read as one
block, its lines taken over the old words where they hold more letters and digits. The photos'
block re-reads (`unread_blocks`) read only blocks narrower than the page and the six with most
unread ink: a footer's long line or one of many unread blocks was left out.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .preprocess.geometry import ink_mask, line_boxes, work_copy
from .unread_blocks import Box, line_blocks, page_boxes, read_blocks, unread_share
from .unread_ink import MIN_HEIGHT

FOOT = 0.12  # of the page's height, from its bottom edge: where the fine print sits
MAX_FOOT_BLOCKS = 3  # blocks read per page (one Tesseract call each), most unread ink first


def foot_blocks(words: list[OcrWord], lines: list[Box], page_height: int) -> list[list[Box]]:
    """Blocks of the ink lines centred in the page's FOOT with a line the words cover too little of,
    most unread ink first."""
    foot = [
        line
        for line in lines
        if line[3] - line[1] >= MIN_HEIGHT and (line[1] + line[3]) / 2 >= (1 - FOOT) * page_height
    ]
    scored = []
    for block in line_blocks(foot):
        width = max(line[2] for line in block) - min(line[0] for line in block)
        share = unread_share(words, block)
        if share > 0:
            scored.append((share * width, block))
    scored.sort(key=lambda item: -item[0])
    return [block for _, block in scored[:MAX_FOOT_BLOCKS]]


def reread_page_foot(
    page: OcrPage,
    gray: np.ndarray,
    read_block: Callable[[np.ndarray], dict[str, list]],
) -> OcrPage:
    """The page with its foot's unread blocks read alone by `read_block` (an image -> Tesseract's
    word data, read as one block) and merged in as `unread_blocks` merges its own."""
    work, scale = work_copy(gray)
    mask = ink_mask(work)
    blocks = foot_blocks(page.words, page_boxes(line_boxes(mask), scale), gray.shape[0])
    return read_blocks(page, gray, mask, blocks, read_block) if blocks else page
