"""A bracket right after the legal suffix holds the company's registration number, however OCR read
it ('( ju/SUSS-P)' for '(1051255-P)'): the name ends at the suffix. A bracket before the suffix (a
branch, a country) stays part of the name."""

from __future__ import annotations

from invoiceme_extractor.rules.name_text import trim_name


class TestRegistrationBracketAfterSuffix:
    def test_a_garbled_registration_is_cut(self) -> None:
        assert trim_name("FOUR SEASONS SDN BHD ( ju/SUSS-P)") == "FOUR SEASONS SDN BHD"

    def test_a_bracket_before_the_suffix_stays(self) -> None:
        assert trim_name("MR. TOOLS (M) SDN BHD") == "MR. TOOLS (M) SDN BHD"
        assert trim_name("BOOK STORE (TAMAN DAYA) SDN BHD") == "BOOK STORE (TAMAN DAYA) SDN BHD"

    def test_words_after_a_suffix_without_a_bracket_stay(self) -> None:
        assert trim_name("Acme Ltd Trading Division") == "Acme Ltd Trading Division"
