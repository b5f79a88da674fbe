"""Pixel clean-up before Tesseract: resolution, uneven light, noise, binarization.

Each function is pure and cheap (tens of milliseconds at 300 DPI); the decisions (`text_height`,
`noise_level`) are separate so tests and the benchmark can look at them.
"""

from __future__ import annotations

import cv2
import numpy as np

from . import components
from .geometry import ink_mask, work_copy

# Tesseract's LSTM reads best with capital letters ~25-35 px tall (10 pt at 300 DPI).
TARGET_TEXT_HEIGHT = 30
MAX_UPSCALE = 4.0
# Median letter height below which a page is enlarged: a 150 DPI scan's print (13-16 px). Letters
# of 16-20 px (200 DPI) read worse enlarged to the target (docs/BENCHMARKS.md, scans: 0.981 -> 0.972).
SMALL_TEXT_HEIGHT = 16
# Enlarged to what a 300 DPI scan's print measures (22-26 px on the corpus), at most 150 -> 300 DPI:
# receipts whose "letters" measured 5-8 px read worse enlarged 3-4x (external-dev SROIE).
UPSCALED_TEXT_HEIGHT = 24
MAX_ENLARGE = 2.0
MAX_TEXT_HEIGHT_RATIO = 1.8  # letters taller than this many times the target: shrink the page
UNEVEN_LIGHT = 25  # grey levels between the darkest and brightest paper; below this, light is even
DARK_FILL = 0.75  # of the paper's brightness around: darker areas are a shadow or a filled area
SHARP_EDGE = 0.2  # brightness step at an area's edge (of the paper's brightness): a fill, not a shadow
CLEARLY_DARK = 0.75  # of the brightest paper nearby: print; grain stays above
MIN_PRINT_MARK = 20  # px: smaller marks are specks, clusters of grain and dots, which denoise may erase
_TILE = 384
_TILES = 6


def inky_tiles(gray: np.ndarray, tile: int = _TILE, count: int = _TILES) -> list[np.ndarray]:
    """The `count` tiles with the most ink: decisions about letters and specks look only there,
    which on an A4 page at 300 DPI is ~8x less work than the whole page and sees the same text."""
    rows, cols = gray.shape[0] // tile, gray.shape[1] // tile
    if rows * cols <= count:
        return [gray]
    darkness = 255 - cv2.resize(
        gray[: rows * tile, : cols * tile], (cols, rows), interpolation=cv2.INTER_AREA
    )
    best = np.argsort(darkness.ravel())[::-1][:count]
    return [
        gray[r * tile : (r + 1) * tile, c * tile : (c + 1) * tile]
        for r, c in zip(*np.divmod(best, cols), strict=True)
    ]


def _component_stats(gray: np.ndarray, join_dots: bool = False) -> np.ndarray:
    """Connected-component stats of the ink on the inkiest tiles; `join_dots` first closes 1-2 px
    gaps, so a dot-matrix receipt's letters count as letters, not as specks."""
    stats = []
    for tile in inky_tiles(gray):
        mask = ink_mask(tile)
        if join_dots:
            mask = cv2.morphologyEx(mask & _clearly_dark(tile), cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
        stats.append(components.labelled(mask)[2][1:])
    return np.concatenate(stats) if stats else np.zeros((0, 5), np.int32)


def _clearly_dark(tile: np.ndarray) -> np.ndarray:
    """Pixels well darker than the brightest around them (255): print, not a flattened photo's paper
    grain, which the adaptive mask also takes and closing joins into blobs of letter size (5 px
    "letters" measured on a page of 16 px ones)."""
    brightest = cv2.dilate(tile, np.ones((15, 15), np.uint8)).astype(np.float32)
    return np.where(tile < CLEARLY_DARK * brightest, 255, 0).astype(np.uint8)


_last_text_height: list = [None]  # [(page, height)]: asked again of the same page state


def text_height(gray: np.ndarray) -> float | None:
    """Median height in pixels of letter-sized connected components, or None without text. Remembered
    for the last page asked (`work_copy`'s rule: steps return new arrays, never edit in place): a scan
    is asked before the downscale and again before the upscale, a photo before `invert_fills` and
    again before `clear_rules`, mostly of the same pixels."""
    last = _last_text_height[0]  # one read of the pair: another thread may replace it
    if last is not None and last[0] is gray:
        return last[1]
    height = _measured_text_height(gray)
    _last_text_height[0] = (gray, height)
    return height


def _measured_text_height(gray: np.ndarray) -> float | None:
    stats = _component_stats(gray, join_dots=True)
    heights = stats[:, cv2.CC_STAT_HEIGHT]
    widths = stats[:, cv2.CC_STAT_WIDTH]
    letters = heights[(heights >= 4) & (heights <= min(gray.shape[0], _TILE) / 6) & (widths <= 3 * heights)]
    if len(letters) < 10:
        return None
    return float(np.median(letters))


def upscale_factor(gray: np.ndarray, max_pixels: float) -> float:
    """How much to enlarge a low-resolution scan so its letters come near Tesseract's preferred size."""
    height = text_height(gray)
    if height is None or height >= SMALL_TEXT_HEIGHT:
        return 1.0
    factor = min(MAX_ENLARGE, UPSCALED_TEXT_HEIGHT / height, (max_pixels / gray.size) ** 0.5)
    return factor if factor > 1.2 else 1.0


def downscale_factor(gray: np.ndarray) -> float:
    """How much to shrink a page whose letters are far taller than Tesseract needs (a 48 MP photo of
    a receipt): reading costs grow with the pixels, accuracy does not."""
    height = text_height(gray)
    if height is None or height <= TARGET_TEXT_HEIGHT * MAX_TEXT_HEIGHT_RATIO:
        return 1.0
    return max(1 / MAX_UPSCALE, TARGET_TEXT_HEIGHT * 1.2 / height)


def downscale(gray: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


def upscale(gray: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def paper_brightness(gray: np.ndarray) -> np.ndarray:
    """The paper's brightness, estimated on a copy ~500 px wide (light varies slowly): a dilation
    erases the ink, a median smooths what is left."""
    work = work_copy(gray)[0]  # shared with the orientation and skew decisions
    step = max(1, round(max(work.shape) / 500))
    small = np.ascontiguousarray(work[::step, ::step])
    background = cv2.dilate(small, np.ones((5, 5), np.uint8))
    return without_dark_fills(cv2.medianBlur(background, 15))


def without_dark_fills(background: np.ndarray) -> np.ndarray:
    """The background with filled areas (a banner, a table's shaded header row, a side panel)
    replaced by the paper's brightness around them. Too wide for the dilation to erase, a fill
    passes for paper in a shadow; divided by itself it turned white, and its light text with it.
    A fill's edges are sharp, a shadow's are soft (penumbra, blur); measured on the background,
    which has no letters (their edges are sharp too, and a receipt's text is close everywhere)."""
    size = max(background.shape) // 10 | 1
    around = cv2.GaussianBlur(cv2.dilate(background, np.ones((size, size), np.uint8)), (0, 0), size / 4)
    darker = (background < DARK_FILL * around).astype(np.uint8)
    steepness = cv2.morphologyEx(background, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    steepness = cv2.dilate(steepness, np.ones((5, 5), np.uint8)).astype(np.float32) / np.maximum(around, 1)
    fills = _sharp_edged(darker, steepness)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(darker, connectivity=8)
    for label in range(1, count):
        # A fill inside a shadow (a band at the top of a photo whose left half lies in shade) is one
        # area with it, and the shadow's soft edge is most of the area's edge: the area's darker
        # part (Otsu's split of its levels) is looked at on its own.
        member = labels == label
        if stats[label, cv2.CC_STAT_AREA] >= 20 and not fills[member].any():
            split, _ = cv2.threshold(
                background[member].reshape(-1, 1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU
            )
            fills |= _sharp_edged((member & (background < split)).astype(np.uint8), steepness)
    if not fills.any():
        return background
    # The median blurred the fill's edge outwards: widen the fill by its reach.
    cover = cv2.dilate(fills.astype(np.uint8), np.ones((9, 9), np.uint8))
    return np.where(cover > 0, np.maximum(around, _paper_beside(background, cover, size)), background)


def _paper_beside(background: np.ndarray, cover: np.ndarray, size: int) -> np.ndarray:
    """The background's mean over the paper near each point, fills left out: under a fill taller
    than half the dilation (a band printed at the top of a photographed page, on the image's edge)
    the dilated background is the fill itself, and divided by it the band turned to noisy grey."""
    paper = (cover == 0).astype(np.float32)
    weight = cv2.GaussianBlur(paper, (0, 0), size / 2)
    total = cv2.GaussianBlur(background.astype(np.float32) * paper, (0, 0), size / 2)
    return (total / np.maximum(weight, 1e-6)).clip(0, 255).astype(np.uint8)


def _sharp_edged(areas: np.ndarray, steepness: np.ndarray) -> np.ndarray:
    """The areas (of a 0/1 mask, 20+ pixels) whose edge is sharp along most of its length."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(areas, connectivity=8)
    edges = areas - cv2.erode(areas, np.ones((3, 3), np.uint8))
    sharp = np.zeros(count, bool)
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_AREA] >= 20:
            on_edge = steepness[(labels == label) & (edges > 0)]
            sharp[label] = bool(on_edge.size) and float(np.median(on_edge)) > SHARP_EDGE
    return sharp[labels]


def flatten_light(gray: np.ndarray) -> np.ndarray:
    """Divide by the paper's brightness, removing shadows and uneven light; evenly lit pages are
    returned as they are (nothing to gain, and Tesseract's own thresholding does well on them)."""
    background = paper_brightness(gray)
    low, high = np.percentile(background, (2, 98))
    if high - low < UNEVEN_LIGHT:
        return gray
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(background, 1), scale=255)


def stretch_contrast(flattened: np.ndarray, black: int = 60, white: int = 200) -> np.ndarray:
    """After `flatten_light` paper is ~255: push the paper's grain to pure white and faint ink darker.

    Softer than binarization: letter edges keep their grey levels, which Tesseract's LSTM uses.
    """
    lookup = np.clip((np.arange(256) - black) * 255.0 / (white - black), 0, 255).astype(np.uint8)
    return cv2.LUT(flattened, lookup)


def noise_level(gray: np.ndarray) -> float:
    """Share of ink in isolated specks (1-2 pixels, nothing else within 3 px): ~0 on clean pages
    and on dot-matrix print (its dots have neighbours), high on noisy scans."""
    isolated = ink = 0
    for tile in inky_tiles(gray):
        mask = ink_mask(tile)
        _, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
        areas = stats[1:, cv2.CC_STAT_AREA]
        ink += int(areas.sum())
        neighbourhood = cv2.boxFilter((mask > 0).astype(np.float32), -1, (7, 7), normalize=False)
        columns, rows = np.rint(centroids[1:]).astype(int).T
        alone = (areas <= 2) & (neighbourhood[rows, columns] <= areas + 0.5)
        isolated += int(areas[alone].sum())
    return isolated / ink if ink else 0.0


def denoise(gray: np.ndarray) -> np.ndarray:
    """Median blur: removes salt-and-pepper specks at ~0.01 s/page (non-local means took 4.6 s)."""
    return cv2.medianBlur(gray, 3)


def print_kept(gray: np.ndarray, denoised: np.ndarray) -> float:
    """Share of the print's ink (marks of at least MIN_PRINT_MARK px, not specks) still ink after
    `denoise`: 0.87-0.97 on noisy receipts and scans; thin light print one pixel wide loses far
    more ('UNIHAKKA' came out 'UN HAKKA NTE NAT ONAL', docs/BENCHMARKS.md, `specks28`)."""
    before = ink_mask(gray)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(before, connectivity=8)
    marks = stats[:, cv2.CC_STAT_AREA] >= MIN_PRINT_MARK
    marks[0] = False  # the paper
    printed = marks[labels]
    inked = int(printed.sum())
    return float((printed & (ink_mask(denoised) > 0)).sum()) / inked if inked else 1.0


def binarize(gray: np.ndarray) -> np.ndarray:
    """Adaptive threshold: black ink on white, robust to what light variation is left."""
    block = max(31, (min(gray.shape) // 30) | 1)
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 15)


def clear_borders(gray: np.ndarray) -> np.ndarray:
    """Paint white the dark blobs that touch the image edge: scanner-lid shadows, the page's own
    edge in a crooked scan. Tesseract otherwise reads them as lines of junk characters."""
    edges = (gray[:4, :], gray[-4:, :], gray[:, :4].T, gray[:, -4:].T)
    if min(int(edge.min()) for edge in edges) > 0.6 * float(np.percentile(gray[::8, ::8], 95)):
        return gray  # nothing dark touches the edge (the usual case): skip the full labelling
    count, labels = cv2.connectedComponents(ink_mask(gray), connectivity=8)
    if count <= 1:
        return gray
    edge_labels = np.unique(np.concatenate([labels[0, :], labels[-1, :], labels[:, 0], labels[:, -1]]))
    edge_labels = edge_labels[edge_labels != 0]
    if not len(edge_labels):
        return gray
    cleared = gray.copy()
    cleared[np.isin(labels, edge_labels)] = 255
    return cleared
