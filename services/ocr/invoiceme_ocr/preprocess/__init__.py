"""OpenCV preparation of one grayscale page for Tesseract, as an ordered list of named steps.

Every step can be switched off by name (`steps=`), so `bench/ocr` can measure what each one is
worth and the service keeps only the steps that help. Each applied step leaves a note
("deskewed 3.2°") that travels with the page.
"""

from __future__ import annotations

import numpy as np

from ..engine import ALL_STEPS as ALL_STEPS  # named there; used here and by bench/ocr
from ..engine import DEFAULT_STEPS
from . import cleanup, geometry, orientation, polarity, rules

MIN_SKEW_DEGREES = 0.3  # below this, rotating costs more (interpolation blur) than it gains
GUESSED_QUARTER_TURN = "rotated 90° (which way unsure)"  # the read's confidence decides the rest
PAGE_ON_A_DESK = "perspective corrected"  # the note of a page found lying on a desk: a photo
NOISY_PAGE = 0.008  # share of ink in isolated 1-2 pixel specks above which a median blur pays off
# ... unless the blur erases this much of the print itself (thin strokes one pixel wide): then the
# specks cost Tesseract less than the letters lost (docs/BENCHMARKS.md, `specks28`)
MIN_PRINT_KEPT = 0.8
THIN_PRINT_KEPT = "not denoised (the blur erased thin print)"


def prepare_for_ocr(
    gray: np.ndarray,
    steps: tuple[str, ...] = DEFAULT_STEPS,
    max_pixels: float = 60e6,
    colour: np.ndarray | None = None,
) -> tuple[np.ndarray, list[str]]:
    """`colour`: the same page in colour, any size (a photo's), or None; only the page's outline
    looks at it."""
    image, notes, _ = prepare_page(gray, steps, max_pixels, colour)
    return image, notes


def prepare_page(
    gray: np.ndarray,
    steps: tuple[str, ...] = DEFAULT_STEPS,
    max_pixels: float = 60e6,
    colour: np.ndarray | None = None,
) -> tuple[np.ndarray, list[str], np.ndarray | None]:
    """`prepare_for_ocr`, and a scan's page as it was before `flatten_light` changed it (same size
    and place; None when flattening left it as it was, and on photos): dividing by the paper's
    brightness turns a light-grey panel white, and the lighter print on it with it, where
    `fill_reads` still finds them (docs/BENCHMARKS.md, flat18)."""
    notes: list[str] = []
    unflattened = None
    image = gray
    if "perspective" in steps and (corners := geometry.find_page_quad(image, colour)) is not None:
        image = geometry.warp_page(image, corners)
        notes.append(PAGE_ON_A_DESK)
    # A page found lying on a desk is a photo; the steps below that help photos and hurt scans ask.
    photo = PAGE_ON_A_DESK in notes
    # Camera resolution is not reading resolution: every later step and Tesseract cost by the pixel.
    if "downscale" in steps and (shrink := cleanup.downscale_factor(image)) < 1.0:
        image = cleanup.downscale(image, shrink)
        notes.append(f"downscaled x{shrink:.2f}")
    # Before upscaling (enlarged specks no longer look like specks) and
    # before the sideways check (specks smear into fake text lines).
    if "denoise" in steps and cleanup.noise_level(image) > NOISY_PAGE:
        denoised = cleanup.denoise(image)
        if cleanup.print_kept(image, denoised) >= MIN_PRINT_KEPT:
            image = denoised
            notes.append("denoised")
        else:
            notes.append(THIN_PRINT_KEPT)
    mask = geometry.work_mask(image) if {"sideways", "deskew"} & set(steps) else None
    if "sideways" in steps and geometry.is_sideways(image, mask):
        # Line shapes say "sideways"; OSD says which way (and vetoes a false alarm, e.g. a
        # narrow receipt with columns). OSD is often unsure on photos (sans-serif Hebrew, small
        # print); when the lines leave no doubt the page is turned anyway, and if that was the
        # wrong way the read comes out garbled and `ocr_image` tries the page the other way up.
        degrees = orientation.detect_rotation(image)
        if degrees is None and geometry.clearly_sideways(image, mask):
            image = orientation.turn_clockwise(image, 90)
            notes.append(GUESSED_QUARTER_TURN)
            mask = None
        elif degrees in (90, 270):
            image = orientation.turn_clockwise(image, degrees)
            notes.append(f"rotated {degrees}°")
            mask = None
    # Scans only: on photos enlarging was neutral at 2-4x the time (docs/BENCHMARKS.md, photos).
    if "upscale" in steps and not photo and (factor := cleanup.upscale_factor(image, max_pixels)) > 1.0:
        image = cleanup.upscale(image, factor)
        notes.append(f"upscaled x{factor:.1f}")  # the work mask is ~1000 px wide either way: still valid
    if "deskew" in steps and abs(skew := geometry.estimate_skew(image, mask)) >= MIN_SKEW_DEGREES:
        image = geometry.rotate(image, -skew)
        notes.append(f"deskewed {skew:.1f}°")
    if "flatten_light" in steps:
        flattened = cleanup.flatten_light(image)
        unflattened = image if flattened is not image and not photo else None
        image = flattened
    # Photos only: a scan's crisp dark print loses nothing to the threshold beside a fill, and
    # inverting changed scans' totals for the worse (docs/BENCHMARKS.md, photos6). Before
    # clear_rules: a fill's edge left dark after the inversion is a rule it then erases.
    if "invert_fills" in steps and photo and (inverted := polarity.invert_fills(image)) is not image:
        image = inverted
        notes.append("dark fills inverted")
    # Photos only: a camera's thin grey rules come out of Tesseract's binarization as dashes, and its
    # layout analysis then takes a boxed row for a picture and skips it. On scans (receipts' dotted
    # separators, clean grids) erasing them cost more fields than it saved (docs/BENCHMARKS.md).
    if "clear_rules" in steps and photo:
        image = rules.clear_rules(image)
    if "contrast" in steps:
        image = cleanup.stretch_contrast(image)
    if "clear_borders" in steps:
        image = cleanup.clear_borders(image)
    if "binarize" in steps:
        image = cleanup.binarize(image)
    return image, notes, unflattened
