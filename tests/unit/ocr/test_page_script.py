"""Which languages read a page: Latin-script only when the page surely has no Hebrew."""

from __future__ import annotations

import numpy as np
import pytest

from invoiceme_common.ocr_pages import OcrWord
from invoiceme_ocr import page_script
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.preprocess import orientation
from invoiceme_ocr.tesseract import ocr_image
from invoiceme_ocr.tesseract_api import OsdReading

from .conftest import ENGLISH, HEBREW, small_page

MIXED = ("חשבונית מס מספר 4821 עבור CloudNet Ltd", "שירותי ענן AWS 1,200.00", 'סה"כ לתשלום 27,081.00')
LATIN_NOTE = "read as eng (Latin script)"


def words(*confidences: float, text: str = "Total") -> list[OcrWord]:
    return [OcrWord(text=text, left=0, top=0, width=10, height=10, confidence=c) for c in confidences]


class TestLatinLanguages:
    """Only a configured mix of Hebrew and Latin-script languages is ever narrowed."""

    @pytest.mark.parametrize(
        ("configured", "latin"),
        [
            ("heb+eng", "eng"),
            ("eng+heb", "eng"),
            ("heb+eng+deu", "eng+deu"),
            ("eng", None),  # one language configured: exactly that
            ("heb", None),
            ("eng+deu", None),  # nothing to leave out
            ("heb+ara", None),  # no Latin language to read with
        ],
    )
    def test_configured_languages(self, configured: str, latin: str | None) -> None:
        assert page_script.latin_languages(configured) == latin

    @pytest.mark.parametrize(
        ("script", "latin"),
        [
            ("Latin", True),
            ("Cyrillic", True),
            ("Fraktur", True),
            ("Hebrew", False),
            ("Arabic", False),
            (None, False),
        ],
    )
    def test_scripts_latin_print_is_taken_for(self, script: str | None, latin: bool) -> None:
        assert page_script.looks_latin(script) is latin


class TestLatinReadDoubtful:
    """After a Latin-only read, a page read as unsure gibberish goes back to the configured languages."""

    def test_sure_english_read_stands(self) -> None:
        assert not page_script.latin_read_doubtful(words(0.95, 0.9, 0.88, 0.4, 0.92, 0.91))

    def test_mostly_unsure_read_is_doubtful(self) -> None:
        assert page_script.latin_read_doubtful(words(0.3, 0.45, 0.52, 0.9, 0.2, 0.41))

    def test_the_limit_is_a_share_of_the_words(self) -> None:
        share = page_script.MAX_UNSURE_SHARE
        unsure = round(10 * share)
        below, above = 0.5 * page_script.UNSURE_WORD, 1.0
        assert not page_script.latin_read_doubtful(words(*[below] * unsure, *[above] * (10 - unsure)))
        assert page_script.latin_read_doubtful(words(*[below] * (unsure + 1), *[above] * (9 - unsure)))

    def test_digits_do_not_vouch_for_latin(self) -> None:
        # Amounts read well in any script; only words with letters tell which model fits.
        amounts = words(*[0.95] * 20, text="1,200.00")
        assert page_script.latin_read_doubtful([*amounts, *words(0.3, 0.2, 0.4, 0.1, 0.3)])

    def test_too_few_words_to_tell(self) -> None:
        assert page_script.latin_read_doubtful(words(0.99, 0.99))


def osd_says(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """OSD (band and whole page) names `script`, upright and sure, whatever the page holds."""
    reading = OsdReading(0, 5.0, script, 2.0)
    monkeypatch.setattr(orientation, "detect_orientation", lambda gray, timeout: reading)


def mixed_page() -> np.ndarray:
    return small_page(MIXED)


class TestPagesThroughTesseract:
    """Real rendered pages through real Tesseract: English reads `eng`, Hebrew keeps `heb`."""

    def test_english_page_reads_eng(self, options: OcrOptions, english_page: np.ndarray) -> None:
        page = ocr_image(1, english_page, options)
        assert LATIN_NOTE in page.notes
        assert ENGLISH[0] in page.text

    @pytest.mark.parametrize("make_page", [lambda: small_page(HEBREW), mixed_page], ids=["hebrew", "mixed"])
    def test_hebrew_page_keeps_heb(self, options: OcrOptions, make_page) -> None:
        page = ocr_image(1, make_page(), options)
        assert not any(note.startswith("read as eng") for note in page.notes)
        assert "חשבונית" in page.text

    def test_hebrew_page_osd_takes_for_latin_is_read_again(
        self, options: OcrOptions, hebrew_page: np.ndarray, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # OSD called Hebrew invoices "Latin" (digits vote Latin): the eng read's unsure words catch it.
        # (Not a page half in English: there the unsure words stay under the limit; OSD must see it.)
        osd_says("Latin", monkeypatch)
        page = ocr_image(1, hebrew_page, options)
        assert "read as heb+eng (eng read unsure)" in page.notes
        assert "חשבונית" in page.text

    def test_english_page_osd_calls_hebrew_keeps_heb_eng(
        self, options: OcrOptions, english_page: np.ndarray, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        osd_says("Hebrew", monkeypatch)
        page = ocr_image(1, english_page, options)
        assert not any(note.startswith("read as") for note in page.notes)
        assert ENGLISH[0] in page.text

    @pytest.mark.parametrize("configured", ["eng", "heb"])
    def test_one_configured_language_is_never_switched(
        self, configured: str, english_page: np.ndarray, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        osd_says("Latin", monkeypatch)
        page = ocr_image(1, english_page, OcrOptions(languages=configured, page_timeout_seconds=60))
        assert not any(note.startswith("read as") for note in page.notes)
