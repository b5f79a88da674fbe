"""A total read alone under a net row and a VAT row whose labels (and the VAT's rate) OCR read and
whose amounts it garbled: the net and VAT are the total split at that rate, as a derivation."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import Found, document_lines
from invoiceme_extractor.rules.rate_split_total import parts_by_total_and_rate, split_by_rate

_GARBLED_PARTS = (
    "Maple Trading Tax Invoice\nInvoice No. 94/1773\nNetwork cable 1,154.00\n"
    "Sub-total 3797/0 38\nTax (20%) 194 OF\nGrand Total 4,764.40 GBP"
)


def _total_on(text: str, row: int, value: float) -> tuple[Found, list]:
    lines = document_lines([(1, text)])
    return Found(value, str(value), lines[row], 0.8), lines


class TestSplitByRate:
    def test_the_split_invoices_print(self) -> None:
        assert split_by_rate(4764.40, 0.2) == (3970.33, 794.07)
        assert split_by_rate(-118.0, 0.18) == (-100.0, -18.0)

    def test_a_total_no_net_splits_into_at_that_rate(self) -> None:
        # 10.01 at 17 %: net 8.56 has VAT 1.46 (10.02), net 8.55 has 1.45 (10.00)
        assert split_by_rate(10.01, 0.17) is None


class TestPartsByTotalAndRate:
    def test_net_and_vat_rows_with_garbled_amounts(self) -> None:
        total, lines = _total_on(_GARBLED_PARTS, 5, 4764.40)
        parts = parts_by_total_and_rate(total, lines)
        assert parts is not None
        assert (parts[0].value, parts[1].value) == (3970.33, 794.07)
        assert parts[0].confidence == parts[1].confidence == 0.5

    def test_no_rate_printed_no_split(self) -> None:
        text = _GARBLED_PARTS.replace("Tax (20%)", "Tax")
        total, lines = _total_on(text, 5, 4764.40)
        assert parts_by_total_and_rate(total, lines) is None

    def test_no_net_row_no_split(self) -> None:
        text = _GARBLED_PARTS.replace("Sub-total 3797/0 38\n", "Shipping free\n")
        total, lines = _total_on(text, 5, 4764.40)
        assert parts_by_total_and_rate(total, lines) is None

    def test_a_vat_row_read_whole_is_not_overridden(self) -> None:
        # the VAT's own amount was read: a total that does not fit it is the doubtful reading
        text = _GARBLED_PARTS.replace("Tax (20%) 194 OF", 'מע"מ )17%( 720.21')
        total, lines = _total_on(text, 5, 94.0)
        assert parts_by_total_and_rate(total, lines) is None

    def test_the_page_reads_its_parts(self) -> None:
        read = extract_with_rules([(1, _GARBLED_PARTS)])
        assert (read.subtotal, read.vat_amount, read.vat_rate, read.total) == (3970.33, 794.07, 0.2, 4764.40)
