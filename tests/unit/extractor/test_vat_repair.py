"""European and UK VAT numbers OCR misread: a digit the check settles when OCR was unsure of the
read, the same id printed twice with one copy damaged, a country prefix read as other signs."""

from __future__ import annotations

from invoiceme_common.tax_id_formats import vat_number_valid
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id
from invoiceme_extractor.rules.vat_repair import damaged_copy, repair_vat_digits

from .wordbox import page


class TestCheck:
    """UK numbers pass or fail their own check (stdnum's EU module leaves them out)."""

    def test_uk_numbers(self) -> None:
        assert vat_number_valid("GB858532102")
        assert not vat_number_valid("GB858532162")
        assert vat_number_valid("DE136695976") and not vat_number_valid("DE136695978")

    def test_a_valid_number_keeps_its_letter_o(self) -> None:
        # an Irish number's check letter may be an O: it is no 0 misread when the number passes as printed
        assert vat_number_valid("IE8886063O")
        assert normalize_tax_id("IE 8886063O") == "IE8886063O"
        assert normalize_tax_id("DE1366959O6") == "DE136695906"  # a German number has digits only


class TestDigitRepair:
    """One confused digit undone where exactly one reading passes the check."""

    def test_one_reading(self) -> None:
        assert repair_vat_digits("DE136685976") == "DE136695976"  # 9 read as 8

    def test_several_readings_or_none(self) -> None:
        assert repair_vat_digits("DE136695978") is None  # ...876 and ...976 both pass
        assert repair_vat_digits("DE136695976") is None  # valid already
        assert repair_vat_digits("514326784") is None  # not a VAT number


class TestDamagedCopy:
    """A copy that fails its check and differs by a digit or two is the one that passes."""

    def test_copies(self) -> None:
        assert damaged_copy("GB858532162", "GB858532102")
        assert not damaged_copy("GB858532102", "GB858532162")  # the valid one is no damaged copy
        assert not damaged_copy("GB858532162", "GB123456782")  # another id

    def test_the_valid_copy_takes_the_labelled_ones_score(self) -> None:
        laid_out = page(
            ("Blue Supplies Ltd", 100, 100),
            ("RECEIPT", 1600, 100),
            ("GB 858 5321 02", 100, 160),
            ("Received from Harbor Labs", 100, 400),
            ("Total 117.00", 1500, 1000),
            ("Blue Supplies Ltd - Co. Reg. No. GB 858 5321 62 - 161 Main St., Manchester", 100, 3300),
        )
        assert extract_with_rules([laid_out]).vendor_tax_id == "GB858532102"


class TestPrefix:
    """The E of ES read as a pound or euro sign (its S maybe as a 5)."""

    def test_pound_for_e(self) -> None:
        assert eu_vat_ids("£SB02973972 NIF:") == ["£SB02973972"]
        assert normalize_tax_id("£SB02973972") == "ESB02973972"
        assert eu_vat_ids("£S 12,00") == []

    def test_pound_for_e_and_five_for_s(self) -> None:
        # and the company's letter B read as 8: the one reading the check accepts
        assert eu_vat_ids("£5814520290") == ["£5814520290"]
        assert normalize_tax_id("£5814520290") == "ESB14520290"
        assert eu_vat_ids("Total £5 120,00") == []


class TestUnsureReadsOnly:
    """The digit repair applies to a read OCR was unsure of: a made-up number read surely stays."""

    def _read(self, confidence: float) -> str | None:
        laid_out = page(
            ("Rhein Technik e.K.", 100, 100),
            ("RECHNUNG", 1600, 100),
            ("USt-IdNr.: DE136685976", 100, 160),
            ("Gesamtbetrag 100,00 EUR", 1500, 1000),
        )
        words = [
            w.model_copy(update={"confidence": confidence}) if w.text == "DE136685976" else w
            for w in laid_out.words
        ]
        return extract_with_rules([laid_out.model_copy(update={"words": words})]).vendor_tax_id

    def test_unsure_read_repaired(self) -> None:
        assert self._read(0.7) == "DE136695976"

    def test_sure_read_kept(self) -> None:
        assert self._read(0.97) == "DE136685976"


def test_a_shapeless_number_gives_way_to_a_valid_vat_number() -> None:
    """'Company No. 40120968' (a company register's number) is not the VAT number the page prints."""
    laid_out = page(
        ("Summit Works Inc.", 100, 100),
        ("TAX INVOICE", 1600, 100),
        ("FAC-13017 2025-09-01 IE2200717F", 100, 160),
        ("Vista Partners Co.", 100, 400),
        ("Total 117.00", 1500, 1000),
        ("Company No. 40120968", 1000, 3300),
    )
    assert extract_with_rules([laid_out]).vendor_tax_id == "IE2200717F"


def test_an_amount_in_shekels_is_no_prefixed_id() -> None:
    assert eu_vat_ids("ILS 11051.97 00008 * 61399.85 72451.82") == []
    assert eu_vat_ids("VAT IL 514326784") == ["IL 514326784"]
