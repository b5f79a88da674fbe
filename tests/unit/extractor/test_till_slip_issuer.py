"""A till slip's issuer over the customer's company printed under the issuer's header block."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.name_text import clean_name

from .wordbox import page


class TestSecondCompanyUnderHeader:
    """A company printed under the issuer's name, address, tax id and title is the shop the slip was
    sold to, however bold its print."""

    @pytest.mark.parametrize(
        ("header", "name"),
        [
            ("GARDENIA BAKERIES (KL) SDN BHD", "GARDENIA BAKERIES (KL) SDN BHD"),
            # the legal form misread: the registration bracket still says the header is a company's
            ("GARDENIA BAKERIES (KL. )SDN1 BUD (139386 X)", "GARDENIA BAKERIES (KL. )SDN1 BUD"),
        ],
    )
    def test_the_header_company_is_the_issuer(self, header: str, name: str) -> None:
        layer = page(
            (header, 100, 100),
            ("Lot 3, Jalan Pelabur 23/1,", 100, 140),
            ("40300 Shah Alam, Selangor.", 100, 180),
            ("GST ID: 000381399040", 100, 220),
            ("TAX INVOICE", 100, 260),
            ("MAKASSAR FRESH MARKET SDN BHD", 100, 300),
            ("GROUND FLOOR, NO. 4 & 6,", 100, 360),
            ("TOTAL 22.58", 100, 500),
        )
        big = [w.model_copy(update={"height": 60}) if w.line == 5 else w for w in layer.words]
        result = extract_with_rules([layer.model_copy(update={"words": big})])
        assert result.vendor_name == name


class TestSendirianBerhadAbbreviated:
    """'SB', Sendirian Berhad without its slash, before the registration number: a legal name, over
    the branch's mall printed above it."""

    def test_the_legal_name_over_the_branch(self) -> None:
        text = (
            "PUSAT DAGANGAN PHILEO DAMANSARA\nUNIT 105, BLOCK A, PUSAT DAGANGAN PHILEO DAMANSARA,\n"
            "NO. 9, JALAN 16/11, 46350 PETALING JAYA\nMYNEWS RETAIL SB(306295-X) FKA BISON STORES SB\n"
            "TAX REG ID 000709361664\nTOTAL 6.00"
        )
        assert extract_with_rules([(1, text)]).vendor_name == "MYNEWS RETAIL SB"


class TestLegalNameOfBrand:
    """A brand at the top ('Nandos.' in a logo's print) and the legal name that opens with it, its
    form wrapped to a row of its own: the legal name, in full."""

    @staticmethod
    def _slip(legal: str) -> str | None:
        layer = page(
            ("Nandos.", 100, 100),
            ("PERi-PERI CHICKEN", 100, 180),
            (legal, 100, 220),
            ("Sdn Bhd", 100, 260),
            ("Nando's 1 Mont Kiara", 100, 300),
            ("Unit G-13, Ground Floor, No.1", 100, 340),
            ("50480 Kuala Lumpur", 100, 380),
        )
        big = [w.model_copy(update={"height": 60}) if w.line == 0 else w for w in layer.words]
        return extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name

    def test_the_legal_name_over_its_brand(self) -> None:
        assert self._slip("Nando's Chickenland Malaysia") == "Nando's Chickenland Malaysia Sdn Bhd"

    def test_a_legal_name_of_another_company_leaves_the_brand(self) -> None:
        assert self._slip("Chickenland Malaysia") == "Nandos."


class TestFormerName:
    """The name a company had before ('FKA BISON STORES SB') and a registration number whose bracket
    OCR misplaced ('(-58)306295') are no part of the name."""

    def test_both_cut(self) -> None:
        assert clean_name("MYNEWS RETAIL (-58)306295 FKA BISON STORES SB") == "MYNEWS RETAIL"
        assert clean_name("Acme Ltd (formerly Beta Ltd)") == "Acme Ltd"

    def test_a_name_that_opens_with_the_word_stays(self) -> None:
        assert clean_name("Formerly Yours Ltd") == "Formerly Yours Ltd"


class TestOwnerUnderItsLabel:
    """A company named right under 'Owned By:' owns the shop; the slip is the shop's, named at its top."""

    def test_the_shop_over_its_owner(self) -> None:
        rows = (
            "SANYO STATIONERY SHOP",
            "NO. 31G, JALAN SETIA INDAH X",
            "40170 SETIA ALAM",
            "GST ID No: 001531760640",
            "TAX INVOICE",
            "Owned By:",
            "SANYU SUPPLY SDN BHD (1135772-K)",
            "CASH SALES COUNTER",
            "TOTAL 9.90",
        )
        assert extract_with_rules([(1, "\n".join(rows))]).vendor_name == "SANYO STATIONERY SHOP"
