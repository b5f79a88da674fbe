"""Evidence that decides a vendor's tax id on scans and photos: whose block an id sits in, and
one-character misreads the id's own check rule settles."""

from __future__ import annotations

import re

from invoiceme_extractor.rules import extract_with_rules, read_fields
from invoiceme_extractor.rules.garbled_labels import GARBLED_CUSTOMER, GARBLED_TAX_ID
from invoiceme_extractor.rules.id_context import beside_bank_details, name_words, names_issuer
from invoiceme_extractor.rules.id_repair import regrouped_ids
from invoiceme_extractor.rules.id_shapes import ids_in, shape_score
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.tax_ids import tax_id_candidates
from invoiceme_extractor.rules.vat_numbers import normalize_tax_id, repaired_unchecked

from .wordbox import page


class TestIssuerNamed:
    """A line names the issuer by the words that tell it from another company, not its legal form."""

    def test_legal_form_is_not_a_distinctive_word(self) -> None:
        assert name_words("Rhein Technik e.K.") == {"rhein", "technik"}
        assert name_words("Acme Trading Ltd") == {"acme", "trading"}

    def test_damaged_hebrew_legal_form_is_dropped(self) -> None:
        assert name_words("Maple Systems בעי'ימ") == {"maple", "systems"}
        assert name_words("אור סחר בעיימ") == {"אור", "סחר"}

    def test_a_sister_company_sharing_word_and_legal_form_is_another_party(self) -> None:
        assert not names_issuer("Rhein Service e.K,", "Rhein Technik e.K")
        assert names_issuer("Rhein Technik e.K. Hauptstraße 143, 22029 München", "Rhein Technik e.K")

    def test_the_name_with_its_legal_form_read_otherwise_still_names(self) -> None:
        footer = 'בנק IBAN IL37 8134 Maple Systems בע"מ'
        assert names_issuer(footer, "Maple Systems בעי'ימ")
        assert not names_issuer('הדר טכנולוגיות בע"מ', "Maple Systems בעי'ימ")

    def test_long_names_need_most_words(self) -> None:
        assert names_issuer("NORTH STAR FOOD Sdn Bhd", "North Star Food Trading Sdn Bhd")


class TestCustomerBlockWithoutLabel:
    """A recipient block whose label OCR lost: the id under another company's name is not the
    vendor's, even when both companies share a word and a legal form."""

    LETTER = (
        ("Rhein Technik e.K.", 100, 100),
        ("GUTSCHRIFT", 1600, 100),
        ("Rhein Technik e.K. Hauptstraße 143, 22029 München", 100, 300),
        ("Rhein Service e.K.", 100, 360),
        ("Industriestraße 141", 100, 410),
        ("10092 Stuttgart", 100, 460),
        ("USt.-Id.: DE137223651", 100, 510),
        ("Artikel Anz. Summe", 100, 700),
        ("Cloud-Hosting 1 5.468,47 €", 100, 760),
        ("Reinigungsmittel 3 9.098,58 €", 100, 820),
        ("Summe netto 14.567,05 €", 100, 880),
        ("zzgl. 19% MwSt 2.767,74 €", 100, 940),
        ("Gesamtbetrag 17.334,79 EUR", 100, 1000),
        ("RheinTechnikeK. Telefon 08-6039688", 100, 3000),  # the footer's name glued by OCR
        ("Bahnhofstraße 160, 81105 Stuttgart", 100, 3050),
        ("USt.-Id.: DE801614792", 100, 3100),
    )

    def test_the_footer_id_is_the_vendors(self) -> None:
        assert extract_with_rules([page(*self.LETTER)]).vendor_tax_id == "DE801614792"


class TestIssuerNamedPartly:
    """OCR damages a word of the issuer's name, or the name as read carries a logo's initials."""

    def test_one_word_of_two_before_the_legal_form(self) -> None:
        footer = "רימון = ושות' one / 0 IBAN IL48 1819 7125"
        assert names_issuer(footer, "רימון מערכות ושות'")

    def test_one_word_of_two_without_a_legal_form_is_not_the_name(self) -> None:
        assert not names_issuer("Weber Logistik, Gartenweg 52", "Weber Druck GmbH")

    def test_most_words_of_a_name_read_with_a_logos_initials(self) -> None:
        footer = "Maple Systems Group Tel 04-9490282 Bank IBAN IL36 5058"
        assert names_issuer(footer, "MS Maple Systems Group")
        assert not names_issuer("Bright Systems Group", "MS Maple Systems Group")


class TestEuVatMisreads:
    """An EU VAT number's letters and digits OCR read for each other, and letters it glued on."""

    def test_the_s_of_es_read_as_five(self) -> None:
        assert normalize_tax_id("E5G79556936") == "ESG79556936"
        assert ids_in("CIF E5G79556936 means Nº documento:") == ["E5G79556936"]
        assert normalize_tax_id("E5G795569361") == "E5G795569361"  # not a Spanish number's shape

    def test_lower_case_letters_glued_after_the_number(self) -> None:
        assert ids_in("N° TVA: FR12241219088eaa2i0es 115 rue de la Paix") == ["FR12241219088"]
        assert ids_in("USt-IdNr. DE801614792 Datum 12.03.2025") == ["DE801614792"]  # a word, not glued

    def test_a_repair_no_check_digit_confirms_is_a_guess(self) -> None:
        assert repaired_unchecked("DEB01614792", "DE801614792")
        assert not repaired_unchecked("DE 801 614 792", "DE801614792")  # only spaces dropped
        assert not repaired_unchecked("DE13669597G", "DE136695976")  # its check digit holds
        assert not repaired_unchecked('"DE 523603736', "523603736")  # an Israeli id, not EU

    def test_a_repaired_vat_number_is_said_at_most_0_8(self) -> None:
        page = "Rhein Technik e.K.\nRECHNUNG\nUSt-IdNr.: DEB01614792\nGesamtbetrag 100,00 EUR"
        result = extract_with_rules([(1, page)])
        assert result.vendor_tax_id == "DE801614792"
        assert result.confidence["vendor_tax_id"] <= 0.8


class TestIdStartingWithZero:
    """An Israeli id starting with 0 (a person's, as a licensed dealer's) printed in an id's grouping
    is an id; 0 and eight digits grouped as a phone number are not."""

    def test_id_grouping_counts_as_an_id(self) -> None:
        assert shape_score("092274422", "09-227442-2") == 2.0
        assert shape_score("092274422", "09227442-2") == 2.0

    def test_phone_grouping_or_bare_does_not(self) -> None:
        assert shape_score("097284585", "09-7284585") == 0.0
        assert shape_score("092274422", "092274422") == 0.0

    def test_bare_beside_an_id_label_counts(self) -> None:
        assert shape_score("013427703", "013427703", beside_id_label=True) == 2.0

    def test_a_persons_id_under_its_label_beside_another_column(self) -> None:
        page = "\n".join(
            [
                'שם "niga / שקד סחר (1998)',  # the customer's label garbled by OCR
                "שקדימערכות (1998)",
                "רחוב ז'בוטינסקי 83, ראשון לציון",
                "רחוב הברזל 137, תל אביב טלפון 08-9308444",
                "ת.ז.: 539531962",
                "ת.ז. 013427703",
                "חשבון עסקה 7847665",
                'סה"כ לתשלום 88,518.89',
            ]
        )
        assert extract_with_rules([(1, page)]).vendor_tax_id == "013427703"

    def test_the_vendors_id_beside_the_customers(self) -> None:
        page = "\n".join(
            [
                "גל מזון (1998)",
                "רימון הנדסה ושות' דרך בגין 92, ירושלים | טלפון 04-7519812",
                "רחוב הברזל 96, הרצליה ע.מ. 09-227442-2",
                "ע.מ. 519466577",
                "חשבונית מס 2025-3201",
                'סה"כ לתשלום 27,347.90',
            ]
        )
        assert extract_with_rules([(1, page)]).vendor_tax_id == "092274422"


class TestOcrUnsureOfTheId:
    """An id whose word OCR read (or repaired from its second choice) with little confidence is a
    guess: said at most 0.8, however strong its label."""

    PAGE = (
        ('כרמל סחר בע"מ', 1500, 100),
        ("עוסק מורשה 531200517", 1500, 160),
        ('סה"כ לתשלום 100.00', 1500, 400),
    )

    def _read(self, id_confidence: float) -> tuple[str | None, float]:
        laid_out = page(*self.PAGE)
        words = [
            w.model_copy(update={"confidence": id_confidence}) if w.text == "531200517" else w
            for w in laid_out.words
        ]
        result = extract_with_rules([laid_out.model_copy(update={"words": words})])
        return result.vendor_tax_id, result.confidence["vendor_tax_id"]

    def test_an_id_read_surely_keeps_its_confidence(self) -> None:
        assert self._read(0.93) == ("531200517", self._read(1.0)[1])
        assert self._read(0.93)[1] >= 0.9

    def test_an_id_repaired_from_a_second_choice_is_a_guess(self) -> None:
        value, confidence = self._read(0.695)
        assert value == "531200517" and confidence <= 0.8


class TestBesideBankDetails:
    """The block telling where to pay is the issuer's: its id wins over a customer's the page does
    not label as the customer's (a letter's recipient block, a header whose label OCR garbled)."""

    PAGE = (
        ("Ocean Supplies Ltd", 100, 100),
        ("INVOICE No. 4471", 1600, 100),
        ("Harbor Labs", 100, 400),
        ("33 King Street, Springfield", 100, 450),
        ("VAT No. 514326784", 100, 500),
        ("Description Qty Amount", 100, 800),
        ("Services 1 60.00", 100, 850),
        ("Support 1 40.00", 100, 900),
        ("Total 117.00", 1500, 1000),
        ("Bank transfer: IBAN IL62 0108 0000 0009 9999 999", 100, 3000),
        ("12 Harbour Road, Haifa", 100, 3050),
        ("VAT No. 516499563", 100, 3100),
    )

    def test_the_id_beside_the_account_to_pay_into(self) -> None:
        assert extract_with_rules([page(*self.PAGE)]).vendor_tax_id == "516499563"

    def test_an_account_three_lines_away_is_another_block(self) -> None:
        lines = document_lines([(1, "IBAN DE89 3704 0044 0532 0130 00\na\nb\nc\nVAT No. DE158547641")])
        assert not beside_bank_details(lines, lines[-1])
        assert beside_bank_details(lines, lines[-2])


class TestIdGroupsReadOtherwise:
    """An id printed in three groups whose separators OCR read as a point or a comma, or lost."""

    def test_groups_joined_beside_a_label_as_a_guess(self) -> None:
        for printed in ("511,162 919", "512.765 587", "510 102569"):
            found = read_fields([(1, f"Acme Ltd\nINVOICE 12\nVAT Number: {printed}\nTotal 10.00")])[0]
            assert found["vendor_tax_id"].value == re.sub(r"\D", "", printed)
            assert found["vendor_tax_id"].confidence < 0.9

    def test_not_without_a_label_nor_inside_an_amount(self) -> None:
        assert regrouped_ids("Total 1,512,765 587") == []
        assert (
            read_fields([(1, "Acme Ltd\nINVOICE 12\nQty 511,162 919\nTotal 10.00")])[0].get("vendor_tax_id")
            is None
        )


class TestCustomerLabelGarbled:
    """A customer block whose label OCR damaged by one letter still counts against its id."""

    def test_one_letter_changed_or_added(self) -> None:
        assert GARBLED_CUSTOMER.search("פרטי לקותח:")
        assert GARBLED_CUSTOMER.search("Cliemt")
        assert not GARBLED_CUSTOMER.search("לקוחות")
        assert not GARBLED_CUSTOMER.search("מחלקות")

    def test_the_customers_id_under_it_counts_less(self) -> None:
        def score_under(heading: str) -> float:
            rows = (
                ('ארבל מזון בע"מ', 80, 100),
                ("51-649956-3", 200, 160),
                (heading, 1400, 220),
                ("דקל תקשורת", 1300, 260),
                ("עוסק מורשה: 523737716", 1200, 300),
                ('סה"כ 100.00', 600, 900),
            )
            lines = document_lines([page(*rows, rtl=True)])
            ranked = tax_id_candidates(lines, set(), frozenset(), 'ארבל מזון בע"מ')
            return next(candidate.score for candidate in ranked if candidate.value == "523737716")

        assert score_under("פרטי לקותח:") <= score_under("פרטי משלוח:") - 2.0


class TestTaxIdLabelGarbled:
    """A tax-id label OCR damaged by one letter still names the id under it, as a guess."""

    def test_long_labels_one_letter_off(self) -> None:
        assert GARBLED_TAX_ID.search("Tan Registration")
        assert GARBLED_TAX_ID.search("ax Registration")
        assert GARBLED_TAX_ID.search("עוסק מורשח")
        assert not GARBLED_TAX_ID.search("Registration")
        assert not GARBLED_TAX_ID.search("Bank Registration")

    def test_the_id_under_it_is_read_below_0_9(self) -> None:
        text = "Blue Logistics Co.\nTAX INVOICE 881\nTan Registration\n64-4610042\nTotal 117.00"
        found = read_fields([(1, text)])[0]["vendor_tax_id"]
        assert found.value == "644610042"
        assert found.confidence < 0.9

    def test_only_an_id_shape_under_it(self) -> None:
        text = "Blue Logistics Co.\nTAX INVOICE 881\nTan Registration\n1234.56\nTotal 117.00"
        assert read_fields([(1, text)])[0].get("vendor_tax_id") is None
