"""A crop cut out for a re-read, given to Tesseract as dark print on a white ground.

Light print on a coloured fill (a vendor's name in a band, a panel's totals) reads as nothing or
as scraps; inverted and stretched from its darkest ink to its ground it reads like paper. Two
callers want different guards: crops stacked or enlarged beside paper (`digits`, `label_values`)
keep dark print and crops with too little contrast as they are, while a block cut out alone
(`unread_blocks`) is always stretched, its ground made white.
"""

from __future__ import annotations

import numpy as np

FILL_BELOW = 200  # grey level: a crop's background darker than this is a coloured fill
POLARITY_STEP = 40  # grey levels away from the background that count as ink


def dark_print(crop: np.ndarray, *, keep_as_printed: bool = True) -> np.ndarray:
    """The crop with dark print on a white ground.

    With `keep_as_printed`, a crop on paper (ground ≥ FILL_BELOW), one whose print is already dark,
    or one with less than POLARITY_STEP of contrast is returned as it is (the same object). Without
    it, every crop is stretched, inverted first when its print is lighter than its ground."""
    if crop.size == 0:
        return crop
    ground = float(np.median(crop))
    if keep_as_printed and ground >= FILL_BELOW:
        return crop
    lighter = int((crop > ground + POLARITY_STEP).sum())
    darker = int((crop < ground - POLARITY_STEP).sum())
    light_print = lighter > darker
    if keep_as_printed and not light_print:
        return crop
    values = crop.astype(np.float32)
    if light_print:
        values, ground = 255.0 - values, 255.0 - ground
    darkest = float(np.percentile(values, 1))
    if keep_as_printed and ground - darkest < POLARITY_STEP:
        return crop
    stretched = (values - darkest) * 255.0 / max(1.0, ground - darkest)
    return stretched.clip(0, 255).astype(np.uint8)
