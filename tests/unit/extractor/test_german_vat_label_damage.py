"""A German VAT line OCR damaged ('zzgl. 7% MwsSt.', its S read twice) still states the VAT."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import classify


class TestGermanVatLabelDamage:
    def test_mwst_with_a_doubled_s_or_v_for_w(self) -> None:
        assert classify("zzgl. MwsSt. EUR 100,12") == "vat"
        assert classify("MvSt 19% 12,50") == "vat"

    def test_plus_a_rate_names_the_tax(self) -> None:
        assert classify("zzgl. 7% EUR 100,12") == "vat"

    def test_plain_words_are_no_vat(self) -> None:
        assert classify("Mast 100,12") is None
        assert classify("zzgl. Versand 4,90") is None
