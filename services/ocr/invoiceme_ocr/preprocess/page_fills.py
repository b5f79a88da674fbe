"""A page's outline over dark print at its edge: a coloured band, a dark table header, a black block.

The edge finder sees the paper where it is much lighter than the desk. Where the page prints a dark
fill up to its edge and the desk is dark too, the paper's own edge there is a weak step (band 57-109
grey levels against a desk of 16-18 on the corpus's photos) and the found outline follows the fill's
inner edge instead: the warp then cuts the fill, and the vendor's name printed in it, off the page.

Each side of the found quadrilateral is therefore checked on a copy where the page is a rectangle:
outside a side, the paper's region continues as long as it differs from the desk beside the page at
the same distance (the two side lines continue there, and a fill printed on the page stops at them);
when that region ends along a straight line, the side moves out to it.

A band that stops short of one edge leaves the paper's corner there visible: the outline found runs from
that corner across to the band's inner corner at the other end, and what it cuts off is a wedge of band
whose outer edge starts at nothing at the visible corner. Such a side moves out at one end only.
"""

from __future__ import annotations

import cv2
import numpy as np

MAX_FILL = 0.25  # of the page's size across the side: a band or header row, not half a page
MIN_FILL = 0.015  # below this the found side already is the edge (blur, the edge finder's dilation)
BESIDE = (0.015, 0.08)  # where the desk beside a fill is sampled, as shares of the side's length
MIN_STEP = 12  # grey levels: the least a fill must differ from the desk to be told apart from it
STRAIGHT = 0.75  # share of the columns whose fill ends on one line: a fill's edge, not clutter
SHARP = 0.6  # share of the columns where the level changes by a step within 6 px across that line


def extend_over_edge_fills(corners: np.ndarray, image: np.ndarray) -> np.ndarray:
    """`corners` (top-left, top-right, bottom-right, bottom-left, in `image`'s pixels) with every
    side moved out over a fill printed up to the paper's edge; unchanged where there is none.

    `image` is grey or colour (height x width x channels): in colour a fill differs from a dark desk
    by its hue where its grey level (the reader's darkest channel) does not."""
    top_left, top_right, bottom_right, bottom_left = corners
    width = round(
        float(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    )
    height = round(
        float(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    )
    if min(width, height) < 40:
        return corners
    margin = int(MAX_FILL * max(width, height)) + 4
    target = np.array(
        [
            [margin, margin],
            [margin + width, margin],
            [margin + width, margin + height],
            [margin, margin + height],
        ],
        dtype=np.float32,
    )
    to_flat = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    size = (width + 2 * margin, height + 2 * margin)
    flat = cv2.warpPerspective(image, to_flat, size, flags=cv2.INTER_LINEAR).astype(np.float32)
    flat = flat.reshape(size[1], size[0], -1)  # rows x columns x channels, grey or not
    # pixels that came from outside the image: neither fill nor desk
    seen = cv2.warpPerspective(
        np.full(image.shape[:2], 255, np.uint8), to_flat, size, flags=cv2.INTER_NEAREST
    )
    flat[seen == 0] = np.nan
    # Each side as the top of a strip whose rows go outward, its columns along the side.
    strips = {
        "top": flat[margin - 1 :: -1, :],
        "bottom": flat[margin + height :, :],
        "left": flat[:, margin - 1 :: -1].transpose(1, 0, 2),
        "right": flat[:, margin + width :].transpose(1, 0, 2),
    }
    spans = {"top": width, "bottom": width, "left": height, "right": height}
    found = {side: _fill_edge(strips[side], margin, spans[side]) or (0.0, 0.0) for side in strips}
    if not any(any(offsets) for offsets in found.values()):
        return corners
    # The outward offset of each side's new line at its first and last column.
    left, right, top, bottom = (found[side] for side in ("left", "right", "top", "bottom"))
    moved = np.array(
        [
            [margin - left[0], margin - top[0]],
            [margin + width + right[0], margin - top[1]],
            [margin + width + right[1], margin + height + bottom[1]],
            [margin - left[1], margin + height + bottom[0]],
        ],
        dtype=np.float32,
    )
    back = cv2.perspectiveTransform(moved.reshape(1, 4, 2), np.linalg.inv(to_flat)).reshape(4, 2)
    return back.astype(np.float32)


def _fill_edge(strip: np.ndarray, margin: int, span: int) -> tuple[float, float] | None:
    """The outward offsets (at the side's first and last column) of a straight outer edge of a fill
    that runs along the side, or None when the region outside the side is desk. `strip`: rows
    outward from the side, columns along it (the side's own from `margin` to `margin + span`),
    channels last; nan where the image ends."""
    near, far = (int(share * span) for share in BESIDE)
    before = strip[:, margin - far : margin - near]
    after = strip[:, margin + span + near : margin + span + far]
    desk_before, desk_after = _row_medians(before), _row_medians(after)
    desk = _desk_levels(desk_before, desk_after, span)
    if desk is None:
        return None
    # The desk's own grain and noise (a robust sigma per channel) sets how different a fill must be.
    deviations = np.concatenate([before - desk_before[:, None], after - desk_after[:, None]], axis=1)
    with np.errstate(all="ignore"):
        sigma = 1.4826 * np.nanmedian(np.abs(deviations), axis=(0, 1))
    step = np.maximum(MIN_STEP, 4.0 * np.nan_to_num(sigma))
    along = strip[:, margin : margin + span]
    not_desk = (np.abs(along - desk) > step).any(axis=2)  # nan compares False
    unseen = np.isnan(along[:, :, 0]) | np.isnan(desk[:, :, 0])
    extents = _run_lengths(not_desk, unseen)
    columns = np.arange(span, dtype=np.float32)
    inner = (columns >= 0.03 * span) & (columns <= 0.97 * span)
    fit = _straight_edge(columns[inner], extents[inner], span, tolerance=max(2.0, 0.01 * span))
    if fit is None:
        return None
    first, last = fit
    depth = strip.shape[0] - 4  # a fill reaching this far is not a band
    # A fill that hides the paper's edge runs the side's whole length, or tapers to nothing at one end
    # (a wedge cut off the band by a side found from its inner corner to the paper's visible corner).
    if max(first, last) < MIN_FILL * span or max(first, last) >= depth:
        return None
    first, last = max(0.0, first), max(0.0, last)
    return (first, last) if _is_sharp(along, first, last, step) else None


def _is_sharp(along: np.ndarray, first: float, last: float, step: np.ndarray) -> bool:
    """Whether the region changes within a few pixels across the line (a fill's printed edge on the
    paper's edge), not gradually (a soft shadow on the desk, light falling off)."""
    span = along.shape[1]
    line = np.rint(np.linspace(first, last, span)).astype(int)
    columns = np.arange(span)
    inside = along[np.clip(line - 3, 0, along.shape[0] - 1), columns]
    outside = along[np.clip(line + 3, 0, along.shape[0] - 1), columns]
    with np.errstate(invalid="ignore"):
        changed = (np.abs(inside - outside) > step).any(axis=1)
    return float(changed.mean()) >= SHARP


def _row_medians(block: np.ndarray) -> np.ndarray:
    """Median of each row (per channel) over the pixels seen; nan where a row saw too few."""
    medians = np.full((block.shape[0], block.shape[2]), np.nan, np.float32)
    if block.shape[1] == 0:
        return medians
    rows = np.sum(~np.isnan(block[:, :, 0]), axis=1) >= max(3, block.shape[1] // 3)
    if rows.any():
        medians[rows] = np.nanmedian(block[rows], axis=1)
    return medians


def _desk_levels(before: np.ndarray, after: np.ndarray, span: int) -> np.ndarray | None:
    """The desk's level at every (row, column, channel) outside the side: the levels beside the
    side's two ends at the same row, blended across (the light falls off across the page); None
    when the desk beside either end was not seen near the side (one end alone cannot tell a fill
    from the light falling off); nan in the rows where either end left the image."""
    first_rows = slice(0, max(3, len(before) // 4))
    if np.isnan(before[first_rows]).any() or np.isnan(after[first_rows]).any():
        return None
    weights = np.linspace(0.0, 1.0, span, dtype=np.float32)[None, :, None]
    return before[:, None, :] * (1 - weights) + after[:, None, :] * weights


def _run_lengths(not_desk: np.ndarray, unseen: np.ndarray) -> np.ndarray:
    """Per column, how far from the side the region unlike the desk reaches: the first row from
    which three rows in a row look like desk (a gap between letters in a band does not end it);
    nan where the image (or the desk beside it) ends first: a run cut off there has no known end."""
    desk_like = ~not_desk & ~unseen
    three = desk_like[:-2] & desk_like[1:-1] & desk_like[2:]
    ends = np.where(three.any(axis=0), three.argmax(axis=0), not_desk.shape[0]).astype(np.float32)
    cut_off = np.where(unseen.any(axis=0), unseen.argmax(axis=0), not_desk.shape[0])
    ends[(ends >= not_desk.shape[0]) | (cut_off < ends)] = np.nan
    return ends


def _straight_edge(
    columns: np.ndarray, extents: np.ndarray, span: int, tolerance: float
) -> tuple[float, float] | None:
    """A line through the columns' extents that most of them lie on (a fill's straight outer edge;
    its ends at column 0 and the last column), or None when they are scattered (clutter, desk)."""
    known = ~np.isnan(extents)
    if known.sum() < max(10, STRAIGHT * len(columns)):
        return None
    # Least squares, then again over the points near that line, twice: letters or clutter off it
    # do not pull the edge.
    keep = known
    for _ in range(3):
        if keep.sum() < 10:
            return None
        slope, offset = np.polyfit(columns[keep], extents[keep], 1)
        residuals = np.where(known, np.abs(extents - (slope * columns + offset)), np.inf)
        keep = residuals <= max(tolerance, float(np.median(residuals[known])))
    keep = residuals <= tolerance
    if keep.mean() < STRAIGHT:
        return None
    return float(offset), float(slope * (span - 1) + offset)
