"""A speckled scan whose print is one pixel thin and light (a thermal receipt scanned small) is not
median-blurred: the blur that clears the specks erases the letters with them."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.preprocess import MIN_PRINT_KEPT, NOISY_PAGE, THIN_PRINT_KEPT, cleanup, prepare_for_ocr
from invoiceme_ocr.tesseract import ocr_image
from tests.support import synthetic_pages as synthetic
from tests.support.synthetic_pages import FONT_PATH

RECEIPT = (
    "UNIHAKKA INTERNATIONAL SDN BHD",
    "10 Mar 2018 18:24",
    "12, Jalan Tampoi 7/4, Kawasan Perindustrian",
    "Total Amount: $8.20",
    "GST @6%: $0.46",
)


def thin_speckled_receipt(size: int = 12) -> np.ndarray:
    """Grey print of `size` px (strokes one pixel wide) with sensor noise and dark specks."""
    page = Image.new("L", (600, 40 + 24 * len(RECEIPT)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT_PATH, size)
    for row, text in enumerate(RECEIPT):
        draw.text((30, 20 + 24 * row), text, font=font, fill=110)
    rng = np.random.default_rng(3)
    gray = np.asarray(page).astype(np.float32) + rng.normal(0, 4, (page.height, page.width))
    gray[rng.random(gray.shape) < 0.004] = 60
    return gray.clip(0, 255).astype(np.uint8)


class TestThinPrint:
    def test_the_blur_would_erase_thin_print_and_not_a_scans_ordinary_print(self, english_page) -> None:
        thin = thin_speckled_receipt()
        assert cleanup.noise_level(thin) > NOISY_PAGE  # specks enough to ask for the blur
        assert cleanup.print_kept(thin, cleanup.denoise(thin)) < MIN_PRINT_KEPT
        scan = synthetic.scanned(english_page)
        assert cleanup.print_kept(scan, cleanup.denoise(scan)) >= MIN_PRINT_KEPT

    def test_thin_print_is_left_unblurred_and_a_noisy_scan_is_still_denoised(self, english_page) -> None:
        _, notes = prepare_for_ocr(thin_speckled_receipt())
        assert THIN_PRINT_KEPT in notes and "denoised" not in notes
        _, notes = prepare_for_ocr(synthetic.scanned(english_page))
        assert "denoised" in notes

    def test_the_thin_print_reads(self) -> None:
        page = ocr_image(1, thin_speckled_receipt(), OcrOptions(second_read=False, languages="eng"))
        assert "UNIHAKKA INTERNATIONAL SDN BHD" in page.text  # blurred: 'UNDIAKKA INTE RMATIONAL'
        assert "10 Mar 2018 18:24" in page.text
