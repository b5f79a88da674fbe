"""The Indian rupee as Indian invoices print it ('Rs 1939', 'Rs.1939', '₹', 'INR'): the page's currency,
and the mark that makes a whole amount after a total label money; 'Rs' elsewhere is no rupee."""

from __future__ import annotations

from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.references import find_currency


def _currency(text: str) -> str | None:
    found = find_currency(document_lines([(1, text)]), "en")
    return found.value if found else None


def _fields(text: str) -> dict[str, object]:
    found, _ = read_fields([(1, text)])
    return {name: item.value for name, item in found.items()}


class TestRupeeMarks:
    """Every way the rupee is printed names INR."""

    def test_rs_before_an_amount(self) -> None:
        assert _currency("Price is inclusive of Promotional Discount of Rs -40.00,") == "INR"

    def test_rupee_sign_and_code(self) -> None:
        assert _currency("Total ₹ 1,250.00") == "INR"
        assert _currency("All amounts in INR") == "INR"

    def test_rs_as_a_word_is_no_rupee(self) -> None:
        assert _currency("Porto Alegre - RS 90050-170\nMrs 12 Baker Street") is None


class TestWholeRupeeTotal:
    """A total printed without cents after the rupee mark is read."""

    def test_grand_total_in_whole_rupees(self) -> None:
        fields = _fields("PAYMENT RECEIPT\nRoom Charges Rs 1939 x 1 Night Rs 1939\nGrand Total Rs 1939\n")
        assert fields["total"] == 1939.0 and fields["currency"] == "INR"

    def test_mark_glued_to_the_amount(self) -> None:
        assert _fields("RECEIPT\nItem 5.00\nGrand Total Rs.1939\n")["total"] == 1939.0
