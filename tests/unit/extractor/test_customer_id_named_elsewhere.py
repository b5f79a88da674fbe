"""A customer's block whose heading OCR lost ('עבור:' read as ', “ay'), its id line not naming the
customer ('מס' חברה 51-828234-8'), while the document's facts label that same id the customer's ('ע.מ.
הלקוח | 51-828234-8'): the block is the customer's, and its name no issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import page


def invoice(customers_label: str) -> list[tuple[str, int, int]]:
    return [
        ("חשבונית מס", 2000, 200),
        ("מס' חשבונית", 300, 300),
        ("4260", 300, 340),
        (customers_label, 300, 380),
        ("51-828234-8", 300, 420),
        ("מס' חברה", 300, 460),
        ("527178230", 300, 500),
        ('הדר ייעוץ בע"מ', 1900, 640),
        ("דרך בגין 149, נתניה", 1800, 680),
        ("מס' חברה 51-828234-8", 1800, 720),
        ('סה"כ כולל מע"מ 19,760.75', 1600, 1100),
        ("רימון ייעוץ", 1950, 3300),
        ("רחוב הברזל 141, הרצליה", 1500, 3300),
    ]


class TestCustomerIdNamedElsewhere:
    def test_the_blocks_name_is_not_the_issuers(self) -> None:
        found = extract_with_rules([page(*invoice("ע.מ. הלקוח"), rtl=True)])
        assert found.vendor_name == "רימון ייעוץ"
        assert found.vendor_tax_id == "527178230"

    def test_without_that_label_the_block_still_reads_as_the_issuers(self) -> None:
        found = extract_with_rules([page(*invoice("מס' הזמנה"), rtl=True)])
        assert found.vendor_name == 'הדר ייעוץ בע"מ'
