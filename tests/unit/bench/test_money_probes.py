"""The money probes redraw only the totals block, and restore the generator afterwards."""

import re

from bench.extraction.money_probes import page_of, totals_as


def _text(pdf: bytes) -> str:
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import read_pdf_page

    return read_pdf_page(pdf, 0, OcrOptions()).text


class TestMoneyProbes:
    """Each probe composes the same page with its totals block drawn another way."""

    def test_generator_restored_after_a_probe(self) -> None:
        from tests.corpus.families import invoices

        drawn = invoices.totals_anyhow
        with totals_as("grid"):
            assert invoices.totals_anyhow is not drawn
        assert invoices.totals_anyhow is drawn

    def test_two_rates_prints_two_vat_lines_and_no_single_rate(self) -> None:
        pdf, truth = page_of("minimal", "en", 7000, "two_rates")
        assert truth["vat_rate"] is None and truth["vat_amount"] is not None
        assert len(re.findall(r"\d%", _text(pdf))) >= 2
