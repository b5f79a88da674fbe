"""An '@' OCR made of a legal form's last letter ('GMBH & CO. K@==') is no e-mail: the header's name
is still a name; an address with an '@' between words is still contact details."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.contact_words import NOT_A_NAME

from .wordbox import ocr_page, ocr_words

_SLIP = [
    *ocr_words("ALPEN SOFTWARE GMBH & CO. K@==", 68, 46, 0, height=26),
    *ocr_words("Amtsgericht HRB 97747", 199, 110, 1),
    *ocr_words("Industriestrake 79", 200, 200, 2),
    *ocr_words("41282 Stuttgart", 200, 230, 3),
    *ocr_words("Kassenbon", 250, 300, 4),
    *ocr_words("Gesamt brutto 172,12 EUR", 100, 600, 5),
]


class TestAtSignDebris:
    def test_an_at_sign_before_no_word_is_no_email(self) -> None:
        assert not NOT_A_NAME.search("ALPEN SOFTWARE GMBH & CO. K@==")
        assert NOT_A_NAME.search("info@alpen-software.de")

    def test_the_header_name_is_read(self) -> None:
        name = extract_with_rules([ocr_page(_SLIP)]).vendor_name or ""
        assert name.upper().startswith("ALPEN SOFTWARE GMBH")
