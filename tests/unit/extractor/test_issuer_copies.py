"""The issuer named twice on a page (header and footer, the payee of the bank details): the payee is
the issuer, and of two readings of one name the one OCR read more surely is kept."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.name_copies import hebrew_copy_of_debris, payee_over_header
from invoiceme_extractor.rules.name_signs import payee_name
from invoiceme_extractor.rules.name_text import suffix_joined

from .wordbox import ocr_page, ocr_word, ocr_words, page


def rtl_words(
    text: str, right: int, top: int, line: int, confidence: float = 0.9, height: int = 20
) -> list[OcrWord]:
    """`text`'s words as OCR gives a Hebrew line: in reading order, laid out leftwards from `right`."""
    words, x = [], right
    for part in text.split():
        x -= 12 * len(part)
        words.append(ocr_word(part, x, top, line, height=height, confidence=confidence))
        x -= 12
    return words


class TestPayee:
    """'Payable to' / 'לפקודת' / 'Kontoinhaber' names whoever is paid: the issuer."""

    def test_payee_label_is_read_off(self) -> None:
        assert payee_name("Payable to: Rimon Trading Ltd") == "Rimon Trading Ltd"
        assert payee_name("לפקודת: אור סחר בעמ") == "אור סחר בעמ"
        assert payee_name("Rimon Trading Ltd") is None

    def test_the_payee_in_the_footer_is_the_issuer(self) -> None:
        layer = page(
            ("INVOICE", 100, 100),
            ("Date: 04/04/2025", 100, 160),
            ("Bill to:", 100, 220),
            ("Vista Partners Ltd", 100, 260),
            ("Item Qty Price Amount", 100, 400),
            ("Consulting 1 100.00 100.00", 100, 450),
            ("Payable to: Rimon Trading Ltd · IBAN GB12 3456 7890", 100, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Rimon Trading Ltd"

    def test_a_payee_label_in_a_cell_of_its_own(self) -> None:
        layer = page(
            ("INVOICE", 100, 100),
            ("Bill to:", 100, 220),
            ("Vista Partners Ltd", 100, 260),
            ("Item Qty Price Amount", 100, 400),
            ("Account holder:", 100, 2000),
            ("Rimon Trading", 400, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Rimon Trading"


class TestPayeeNamedByItsTrade:
    """A payee whose name has no legal form but a word for a line of business ('North Systems') is a
    firm, and so the issuer over a header name that is the customer's; a person's name is not."""

    def test_a_trade_word_makes_the_payee_a_firm(self) -> None:
        paid = Found("North Systems", "North Systems", Line("Payable to: North Systems", 1, 9), 0.8)
        header = Found("Bright Trading", "Bright Trading", Line("Bright Trading", 1, 1), 0.83)
        taken = payee_over_header(header, paid)
        assert taken is not None and taken.value == "North Systems" and taken.confidence <= 0.6
        person = Found("John Smith", "John Smith", paid.line, 0.8)
        assert payee_over_header(header, person) is header


class TestSurerCopy:
    """A name read twice, one copy with a letter OCR confused: the surer reading wins."""

    def test_footer_copy_read_surely_repairs_the_header(self) -> None:
        words = [
            *ocr_words("Rhein Softwarc e.K.", 100, 100, 0, 0.55, height=40),
            *ocr_words("Gartenweg 12, 60291 München", 100, 170, 1, 0.9),
            *ocr_words("Rechnung Nr. 4471", 100, 300, 2, 0.9),
            *ocr_words("Rhein Software e.K.", 100, 2000, 3, 0.9),
            *ocr_words("IBAN DE89 3704 0044 0532 0130 00", 900, 2000, 3, 0.9),
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_name == "Rhein Software e.K"

    def test_a_copy_cut_short_does_not_replace_the_name(self) -> None:
        words = [
            *ocr_words("Rhein Softwarc e.K.", 100, 100, 0, 0.55, height=40),
            *ocr_words("Gartenweg 12, 60291 München", 100, 170, 1, 0.9),
            *ocr_words("Rhein Software", 100, 2000, 2, 0.9),
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_name == "Rhein Softwarc e.K"

    def test_another_name_is_no_copy(self) -> None:
        words = [
            *ocr_words("Rhein Softwarc e.K.", 100, 100, 0, 0.55, height=40),
            *ocr_words("Gartenweg 12, 60291 München", 100, 170, 1, 0.9),
            *ocr_words("Alpen Bau e.K.", 100, 2000, 2, 0.9),
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_name == "Rhein Softwarc e.K"


class TestHebrewCopyOfDebris:
    """A Hebrew header name with words read as Latin look-alikes ('AAI הנדסה Nya'): a copy elsewhere
    read wholly in Hebrew, its other words the same, is the name."""

    @staticmethod
    def _page(header: str, footer: str) -> list[OcrWord]:
        return [
            *rtl_words(header, 1600, 100, 0, 0.6, height=40),
            *rtl_words("חשבונית מס / קבלה", 600, 110, 1),
            *rtl_words("אל", 1600, 300, 2),
            *rtl_words('כרמל ייעוץ בע"מ', 1600, 340, 3),
            *rtl_words("רחוב הרצל 139, חיפה", 1600, 380, 4),
            *rtl_words('סה"כ לתשלום 13181.91', 1600, 900, 5),
            *rtl_words(footer, 1600, 2000, 6, 0.8),
            *rtl_words("טל 04-7519446", 1200, 2000, 7, 0.8),
        ]

    def test_footer_copy_in_hebrew_repairs_debris(self) -> None:
        words = self._page("AAI הנדסה Nya", "נגה הנדסה בעמ")
        assert extract_with_rules([ocr_page(words)]).vendor_name == "נגה הנדסה בעמ"

    def test_a_latin_word_of_the_name_is_no_debris(self) -> None:
        assert not hebrew_copy_of_debris('Granite בע"מ', 'גרניט בע"מ')
        assert hebrew_copy_of_debris("pan תקשורת ושות'", "רימון תקשורת ושות'")

    def test_another_hebrew_word_is_another_name(self) -> None:
        assert not hebrew_copy_of_debris("AAI הנדסה Nya", "נגה מערכות בעמ")
        assert not hebrew_copy_of_debris("AAI הנדסה", "נגה הנדסה בעמ")

    def test_a_run_of_debris_words_stands_for_one_word(self) -> None:
        # a large-print word read as two Latin tokens, the second after a stroke read as a quote
        assert hebrew_copy_of_debris('ATA "yn טכנולוגיות בע"מ', 'הדר טכנולוגיות בע"מ')
        assert not hebrew_copy_of_debris('ATA "yn טכנולוגיות בע"מ', 'הדר מערכות בע"מ')

    def test_a_look_alike_letter_is_the_same_word(self) -> None:
        # the header's large print read כ as ב and בע"מ as Latin; the footer's copy reads both right
        assert hebrew_copy_of_debris('ברמל הנדסה "yo', 'כרמל הנדסה בע"מ')
        assert not hebrew_copy_of_debris('ברמל הנדסה "yo', 'גרמל הנדסה בע"מ')  # ג is no look-alike of ב

    def test_a_logos_debris_before_the_name(self) -> None:
        assert hebrew_copy_of_debris('"pe ארבל לוגיסטיקה MW)', "ארבל לוגיסטיקה ושותת")
        assert not hebrew_copy_of_debris("AAI הנדסה", "הנדסה")  # a copy of one word: too little to tell

    def test_footer_copy_repairs_a_run_of_debris(self) -> None:
        words = self._page('ATA "yn טכנולוגיות בע"מ', 'הדר טכנולוגיות בע"מ')
        assert extract_with_rules([ocr_page(words)]).vendor_name == 'הדר טכנולוגיות בע"מ'


class TestFooterOnlyIssuer:
    """A page whose header carries only a logo: the issuer is named in the footer, beside its tax id,
    or as the payee; OCR debris there is no name."""

    def test_name_before_the_tax_id_label_in_the_footer(self) -> None:
        layer = page(
            ("חשבונית מס", 1500, 100),
            ("לכבוד", 1700, 300),
            ('הדר ייעוץ בע"מ', 1574, 350),
            *[(f"שירותי ייעוץ {n} 100.00 {n}00.00", 1300, 500 + 60 * n) for n in range(1, 9)],
            ("רימון ייעוץ מס חברה 527178230", 1300, 2000),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_name == "רימון ייעוץ"

    def test_latin_debris_after_a_hebrew_payee_label_is_no_name(self) -> None:
        layer = page(
            ("אלון מזון", 1500, 100),
            ("דרך הים 4, חיפה", 1500, 150),
            ("לפקודת: MD Pox - בנק 11 סניף 187 חשבון 808479", 900, 2000),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_name == "אלון מזון"

    def test_payable_to_is_no_customer_label(self) -> None:
        layer = page(
            ("INVOICE", 100, 100),
            ("Bill to:", 100, 220),
            ("Vista Partners Ltd", 100, 260),
            ("Item Qty Price Amount", 100, 400),
            ("Consulting 1 100.00 100.00", 100, 450),
            ("Payable to: Summit Limited", 100, 2000),
            ("IBAN US73 7099 7224", 1300, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Summit Limited"

    def test_a_badge_of_initials_read_unsurely_is_no_name(self) -> None:
        words = [
            *ocr_words("CRN", 100, 100, 0, 0.47, height=60),
            *ocr_words("Commercial Invoice", 900, 100, 0, 0.96),
            *ocr_words("Date Issued: 2025-02-05", 900, 200, 1, 0.96),
            *[
                w
                for n in range(8)
                for w in ocr_words(f"Delivery {n} 345.63 345.63", 100, 400 + 40 * n, 2 + n, 0.95)
            ],
            *ocr_words("Atlas @ Vista Inc. | VAT Reg. No. GB 884 6194 63", 100, 2000, 10, 0.92),
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_name == "Atlas @ Vista Inc"

    def test_an_account_holder_never_outranks_a_named_header(self) -> None:
        """'Kontoinhaber: Max Mustermann': the account may be a person's; the header names the firm."""
        layer = page(
            ("Bei Spiel GmbH ● Ecke 12 ● 12345 Stadthausen", 100, 100),
            ("Rechnung 4471", 100, 300),
            ("Kontoinhaber: Max Mustermann", 100, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Bei Spiel GmbH"

    def test_a_footer_name_beside_its_tax_id_beats_a_label_cut_to_one_word(self) -> None:
        """'Balance Due' cut at 'Due' leaves 'Balance'; the footer's name has its VAT number beside it."""
        rows = [("Commercial Invoice", 100, 100), ("Customer:", 100, 200), ("Bright Logistics LLC", 100, 240)]
        rows += [(f"Item {n} 1618.39 2427.59", 100, 400 + 60 * n) for n in range(6)]
        rows += [("4969.37 GBP", 100, 900), ("Balance Due", 1300, 900), ("Page 1 of 1", 100, 960)]
        rows += [("Granite Logistics Group", 100, 2000), ("VAT Reg. No. GB960513308", 1300, 2000)]
        assert extract_with_rules([page(*rows)]).vendor_name == "Granite Logistics Group"

    def test_a_date_label_is_not_cut_into_a_name(self) -> None:
        """'Ship Date' cut at its 'Date' would leave 'Ship'; the issuer signs only the footer."""
        rows = [("BW Invoice", 100, 100), ("Reference No.: 2025-7877", 1300, 200)]
        rows += [("Ship Date", 1300, 300), ("24 Dec. 2024", 1300, 340), ("Bill To:", 100, 500)]
        rows += [("Orion Trading Co.", 100, 540), ("24 Main St., Leeds", 100, 580)]
        rows += [(f"Item {n} 1 NIS 100.00 NIS 100.00", 100, 700 + 60 * n) for n in range(3)]
        rows += [("Total Due NIS 300.00", 1300, 1000), ("Bright Works GST No. 523 312 072", 100, 3100)]
        assert extract_with_rules([page(*rows)]).vendor_name == "Bright Works"

    def test_a_speck_after_the_customer_label_leaves_it_bare(self) -> None:
        """'Customer: -' is a bare label: the name after it is the customer's, not the issuer's."""
        layer = page(
            ("VAT Reg. No.: 52-375346-5", 100, 200),
            ("Customer: -", 900, 200),
            ("Atlas Foods Co.", 1300, 200),
            ("Blue Works LLC", 100, 300),
            ("57 Main St., Leeds", 100, 350),
        )
        assert extract_with_rules([layer]).vendor_name == "Blue Works LLC"


class TestSuffixCellJoined:
    """A company suffix OCR set apart in a cell of its own closes the name just before it."""

    def test_a_suffix_a_letter_apart_joins_the_name(self) -> None:
        layer = page(
            ("חשבונית מס", 1000, 80),
            ("גל מערכות", 900, 150),
            ('בע"מ', 820, 150),
            ("רחוב הרצל 64, הרצליה", 880, 190),
            ('סה"כ לתשלום 4,566.00', 500, 900),
        )
        assert extract_with_rules([layer]).vendor_name == 'גל מערכות בע"מ'

    def test_a_suffix_far_off_closes_another_columns_name(self) -> None:
        cells = [
            Cell("Calidad garantizada", Box(184, 108, 480, 140), 32),
            Cell("S.A", Box(874, 106, 920, 121), 15),
        ]
        assert [cell.text for cell in suffix_joined(cells)] == ["Calidad garantizada", "S.A"]
