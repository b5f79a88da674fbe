"""Evidence that decides a vendor's tax id on scans and photos: whose block an id sits in, and
one-character misreads the id's own check rule settles."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.id_context import name_words, names_issuer

from .wordbox import page


class TestIssuerNamed:
    """A line names the issuer by the words that tell it from another company, not its legal form."""

    def test_legal_form_is_not_a_distinctive_word(self) -> None:
        assert name_words("Rhein Technik e.K.") == {"rhein", "technik"}
        assert name_words("Acme Trading Ltd") == {"acme", "trading"}

    def test_damaged_hebrew_legal_form_is_dropped(self) -> None:
        assert name_words("Maple Systems בעי'ימ") == {"maple", "systems"}
        assert name_words('אור סחר בעיימ') == {"אור", "סחר"}

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
