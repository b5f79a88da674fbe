"""VAT and total derived from the subtotal and the rate its VAT line prints, when OCR lost both."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import Found, document_lines
from invoiceme_extractor.rules.rate_only_vat import vat_from_printed_rate


def _derive(text: str) -> tuple[float, float] | None:
    lines = document_lines([(1, text)])
    net = next(line for line in lines if "43,500.30" in line.text)
    derived = vat_from_printed_rate(lines, Found(43500.3, "43,500.30", net, 0.65))
    return (derived[0].value, derived[1].value) if derived else None


class TestDerivation:
    def test_rate_on_the_vat_line_after_the_net(self) -> None:
        assert _derive('סך הכל חייב במע"מ 43,500.30\nמס ערך מוסף 18%\n2° ae') == (7830.05, 51330.35)

    def test_a_vat_line_with_its_amount_derives_nothing(self) -> None:
        assert _derive('חייב במע"מ 43,500.30\nמע"מ 18% 7,830.05') is None

    def test_vat_included_in_the_net_derives_nothing(self) -> None:
        assert _derive("Net 43,500.30\nincl. VAT 18%") is None

    def test_a_rate_no_country_uses_derives_nothing(self) -> None:
        assert _derive("Subtotal 43,500.30\nVAT 37%") is None
        assert _derive("Subtotal 43,500.30\nVAT 11%") is None  # 17 % or 18 % with a digit misread

    def test_a_rate_printed_with_its_quarter_percent_decimals(self) -> None:
        # 'Tax (6.25%)' under the net, its amount lost on a photo (a fresh draw, seed 41)
        assert _derive("Amount excl. VAT 43,500.30\nTax (6.25%)") == (2718.77, 46219.07)
        assert _derive("Amount excl. VAT 43,500.30\nTax (6.3%)") is None  # no quarter-percent step


def test_in_the_extraction_the_derived_total_is_doubted() -> None:
    text = 'חשבונית עסקה\nשולחן משרדי 2.5 219.72 549.30\nסך הכל חייב במע"מ 43,500.30\nמס ערך מוסף 18%\n2° ae'
    result = extract_with_rules([(1, text)])
    assert (result.subtotal, result.vat_amount, result.total) == (43500.3, 7830.05, 51330.35)
    assert result.confidence["total"] <= 0.5 and result.vat_rate == 0.18
