"""Putting the page upright and flat: quarter-turn detection, deskew, phone-photo perspective.

Pure functions over grayscale uint8 arrays; each decision is separate from the image change, so
tests can check the decision directly.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from . import components
from .page_fills import extend_over_edge_fills

MAX_SKEW_DEGREES = 15.0
FILL_GAIN = 0.03  # of the outline's area a coloured fill must add: more than a corner's jitter
EDGE_TRIM = 0.012  # of the flattened page's shorter side; invoices keep a wider margin than this
_WORK_WIDTH = 1000  # decisions are made on a downscaled copy: ~10x cheaper, same answer


_last_work_copy: list = [None, None]  # [page, (copy, scale)]: the steps of one page share one resize


def work_copy(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The page shrunk to ~1000 px (and the scale), made once per page state: every decision
    (corners, orientation, skew, light) looks at it. Steps return new arrays, never edit in place,
    so the same array object means the same pixels."""
    if _last_work_copy[0] is gray:
        return _last_work_copy[1]
    copy = _downscaled(gray, _WORK_WIDTH)
    _last_work_copy[:] = [gray, copy]
    return copy


def _downscaled(gray: np.ndarray, width: int) -> tuple[np.ndarray, float]:
    scale = min(1.0, width / max(gray.shape))
    if scale == 1.0:
        return gray, 1.0
    return cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), scale


def ink_mask(gray: np.ndarray, contrast: int = 15) -> np.ndarray:
    """Dark-on-light ink as 255: pixels `contrast` grey levels darker than their neighbourhood.
    Adaptive, because Otsu fails under uneven light (shadows, scans)."""
    block = max(15, (min(gray.shape) // 40) | 1)
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, contrast
    )


def _smeared_lines(mask: np.ndarray) -> np.ndarray:
    """Words smeared into text lines (a wide, flat closing joins letters of one line)."""
    kernel_width = max(9, mask.shape[1] // 60)
    return cv2.morphologyEx(
        mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (kernel_width, 3))
    )


def _line_blobs(mask: np.ndarray) -> list[np.ndarray]:
    """Contours of the text-line blobs."""
    contours, _ = cv2.findContours(_smeared_lines(mask), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return list(contours)


def normalized_rect_angle(box_points: np.ndarray) -> float:
    """Angle of a rectangle's long side in (-90, 90], from its corner points.

    Computed from the points rather than `minAreaRect`'s angle, whose convention changed between
    OpenCV 4 and 5; positive means the side rises to the right (counter-clockwise).
    """
    edges = [box_points[(i + 1) % 4] - box_points[i] for i in range(2)]
    longest = max(edges, key=lambda edge: float(np.hypot(*edge)))
    angle = math.degrees(math.atan2(-float(longest[1]), float(longest[0])))
    if angle <= -90:
        angle += 180
    if angle > 90:
        angle -= 180
    return angle


def work_mask(gray: np.ndarray) -> np.ndarray:
    """Ink mask of a copy ~1000 px wide: what the orientation and skew decisions look at; compute
    it once and pass it to both."""
    return without_edge_blobs(ink_mask(work_copy(gray)[0]))


def without_edge_blobs(mask: np.ndarray) -> np.ndarray:
    """The mask without the ink that touches the image's edge: a photo's page outline after the
    perspective warp, a scanner lid's shadow. Left in, such a frame joins every text line into one
    blob, and the skew and sideways checks see no lines at all."""
    _, labels, stats = components.labelled(mask)
    left, top, width, height = (stats[:, i] for i in range(4))
    touching = (left == 0) | (top == 0) | (left + width >= mask.shape[1]) | (top + height >= mask.shape[0])
    touching[0] = False  # the background
    if not touching.any():
        return mask
    cleared = mask.copy()
    cleared[touching[labels]] = 0
    return cleared


def estimate_skew(gray: np.ndarray, mask: np.ndarray | None = None) -> float:
    """Skew of the text lines in degrees (counter-clockwise positive), 0.0 when unsure."""
    mask = work_mask(gray) if mask is None else mask
    angles: list[float] = []
    weights: list[float] = []
    for contour in _line_blobs(mask):
        rect = cv2.minAreaRect(contour)
        long_side, short_side = max(rect[1]), min(rect[1])
        if long_side < 40 or short_side < 3 or long_side < 4 * short_side:
            continue  # not a text line: a letter, a dot, a box, a logo
        angle = normalized_rect_angle(cv2.boxPoints(rect))
        if abs(angle) <= MAX_SKEW_DEGREES:
            angles.append(angle)
            weights.append(long_side)
    if sum(weights) < 150:
        return 0.0  # too little text to trust (at least one long line or a few short ones)
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights)[order])
    return float(
        np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)]
    )  # weighted median


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate counter-clockwise, growing the canvas so no corner is cut.

    The new corners repeat the edge pixels: a fill colour would draw a step that reads as a line.
    """
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_width, new_height = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_width / 2 - width / 2
    matrix[1, 2] += new_height / 2 - height / 2
    return cv2.warpAffine(
        gray, matrix, (new_width, new_height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


LINE_WIDTH = 40  # px on the work copy: a text line's least width
LINE_RATIO = 5.0  # and how many times as wide as tall it is at least


def line_shaped(
    box: tuple[int, int, int, int], min_width: int = LINE_WIDTH, min_ratio: float = LINE_RATIO
) -> bool:
    """Whether a blob's (left, top, width, height) is shaped like a horizontal text line."""
    _, _, width, height = box
    return width >= min_width and width >= min_ratio * height


def line_boxes(
    mask: np.ndarray, min_width: int = LINE_WIDTH, min_ratio: float = LINE_RATIO
) -> list[tuple[int, int, int, int]]:
    """(left, top, width, height) of the blobs shaped like horizontal text lines (`line_shaped`).
    Components, not outer contours: a frame around the text (a photo's page edge) would hide every
    line inside."""
    stats = components.labelled(_smeared_lines(mask))[2][1:, :4]
    blobs = [(x, y, w, h) for x, y, w, h in stats.tolist()]
    return [blob for blob in blobs if line_shaped(blob, min_width, min_ratio)]


def _text_line_length(mask: np.ndarray) -> int:
    """Total width of blobs shaped like horizontal text lines."""
    return sum(width for _, _, width, _ in line_boxes(mask))


def is_sideways(gray: np.ndarray, mask: np.ndarray | None = None) -> bool:
    """True when text lines run vertically (page turned 90° or 270°).

    Horizontal text smears into blobs much wider than tall; on a sideways page that holds only
    for the transposed image.
    """
    mask = work_mask(gray) if mask is None else mask
    upright, turned = _text_line_length(mask), _text_line_length(np.ascontiguousarray(mask.T))
    return turned > 2 * upright


def clearly_sideways(gray: np.ndarray, mask: np.ndarray | None = None) -> bool:
    """Sideways beyond doubt: vertical text lines and almost no horizontal ones."""
    mask = work_mask(gray) if mask is None else mask
    upright, turned = _text_line_length(mask), _text_line_length(np.ascontiguousarray(mask.T))
    return turned >= 150 and turned > 8 * upright


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    points = points.reshape(4, 2).astype(np.float32)
    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    order = [np.argmin(sums), np.argmin(diffs), np.argmax(sums), np.argmax(diffs)]
    return points[order]


def find_page_quad(gray: np.ndarray, colour: np.ndarray | None = None) -> np.ndarray | None:
    """The four corners of a sheet of paper lying on a darker background, or None (a scan, or unsure);
    top-left, top-right, bottom-right, bottom-left, over any dark fill printed up to the paper's edge.

    Works on edges rather than brightness: a shadow across the page changes brightness a lot but
    its edge is soft, while the paper's outline against the desk is sharp everywhere. `colour` (the
    same picture in colour, any size) tells a coloured fill from a dark desk of the same grey.
    """
    work, work_scale = work_copy(gray)
    small, extra_scale = _downscaled(work, 600)
    scale = work_scale * extra_scale
    fills_view = (
        small if colour is None else cv2.resize(colour, small.shape[::-1], interpolation=cv2.INTER_AREA)
    )
    edges = _sharp_edges(small)
    hull = _largest_outline(edges)
    if hull is None:
        return None
    if fills_view.ndim == 3:
        # A coloured fill printed up to the paper's edge (a side panel, a header band) is as dark as
        # the desk in the reader's grey (the darkest channel) but not in the brightest channel: there
        # the paper's outline around the fill is sharp too. Taken only when it holds a fill more: the
        # grey outline's corners sit on the paper's sharpest edge.
        wider = _largest_outline(edges | _sharp_edges(np.ascontiguousarray(fills_view.max(axis=2))))
        if wider is not None and cv2.contourArea(wider) > (1 + FILL_GAIN) * cv2.contourArea(hull):
            hull = wider
    area_share = cv2.contourArea(hull) / (small.shape[0] * small.shape[1])
    if not 0.2 <= area_share <= 0.9:
        return None  # no background around the page: nothing to straighten
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(quad) != 4:
        return None
    corners = quad.reshape(4, 2).astype(np.float32)
    # A coloured fill over much of the sheet (a side panel, a footer band) drags the paper's grey down
    # to the desk's; in the brightest channel the fill is light, so either view showing paper will do.
    if not _is_plausible_sheet(corners, small) and not (
        fills_view.ndim == 3 and _is_plausible_sheet(corners, np.ascontiguousarray(fills_view.max(axis=2)))
    ):
        return None
    # The edges found are where paper meets desk sharply; a dark fill printed up to the paper's edge
    # on a dark desk hides that edge, and the outline found runs along the fill's inner edge instead.
    return extend_over_edge_fills(order_corners(quad), fills_view) / scale


def _largest_outline(edges: np.ndarray) -> np.ndarray | None:
    """The convex hull of the edge contour whose hull is largest (the paper's outline), or None."""
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    return cv2.convexHull(max(contours, key=lambda contour: cv2.contourArea(cv2.convexHull(contour))))


def _sharp_edges(image: np.ndarray) -> np.ndarray:
    """Canny's edges, thickened so that a broken outline still closes."""
    edges = cv2.Canny(cv2.GaussianBlur(image, (5, 5), 0), 60, 180)
    return cv2.dilate(edges, np.ones((5, 5), np.uint8))


def _is_plausible_sheet(corners: np.ndarray, image: np.ndarray) -> bool:
    """The inside is paper: clearly brighter than the background just outside it."""
    inside = np.zeros(image.shape, np.uint8)
    cv2.fillConvexPoly(inside, corners.astype(np.int32), 255)
    ring = cv2.subtract(cv2.dilate(inside, np.ones((25, 25), np.uint8)), inside)
    if not ring.any():
        return False
    return float(np.median(image[inside > 0])) > 1.3 * float(np.median(image[ring > 0])) + 10


def warp_page(gray: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """Warp the quadrilateral to a flat rectangle of the same size as its longest sides."""
    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    height = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    flat = cv2.warpPerspective(gray, matrix, (width, height), flags=cv2.INTER_CUBIC)
    # The found corners sit on the paper's edge, give or take a few pixels of desk: trim them, or
    # the desk's sliver reads as a column of "|" and the deskew smears it into stripes.
    trim = round(EDGE_TRIM * min(width, height))
    return np.ascontiguousarray(flat[trim : height - trim, trim : width - trim])
