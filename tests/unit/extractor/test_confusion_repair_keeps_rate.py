"""A digit OCR confused is undone only where the VAT stays its net's rate to the cent; a till slip's
printed total rounded for cash stays the total when the parts or the items give the exact one."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_agreement import repaired_triple, vat_to_the_cent
from invoiceme_extractor.rules.cash_rounding import rounded_total
from invoiceme_extractor.rules.items_totals import amounts_from_items
from invoiceme_extractor.rules.lines import Found, Line


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestConfusedDigitKeepsTheRate:
    def test_the_vat_is_repaired_not_the_total(self) -> None:
        # 1,898.00 + 17 % = 322.66; '322.06' is the VAT misread, not a total of 2,220.06
        net, vat, total = _lines("סכום ביניים 1898.00", 'מע"מ 17% 322.060', 'סה"כ לתשלום 2,220.66')
        found = {
            "subtotal": [(1898.0, "1898.00", net)],
            "vat": [(322.06, "322.060", vat)],
            "total_strong": [(2220.66, "2,220.66", total)],
        }
        repaired = repaired_triple(found)
        assert repaired is not None
        (_, vat_read, total_read), _ = repaired
        assert vat_read is not None and vat_read[0] == 322.66
        assert total_read is not None and total_read[0] == 2220.66

    def test_a_repair_leaving_the_vat_off_its_rate_is_refused(self) -> None:
        # 102.78 + 19.52 = 122.30, but 19.52 is 19 % of 102.76, not of 102.78: the total is rounded
        net, vat, total = _lines("S 19% 102,76", "inkl. MwSt. 19% 19,52", "Zu zahlen 122,30")
        found = {
            "subtotal": [(102.76, "102,76", net)],
            "vat": [(19.52, "19,52", vat)],
            "total_strong": [(122.3, "122,30", total)],
        }
        assert repaired_triple(found) is None

    def test_vat_to_the_cent_at_the_printed_rate(self) -> None:
        (vat_line,) = _lines("VAT 17% 322.66")
        assert vat_to_the_cent((322.66, "322.66", vat_line), 1898.0)
        assert not vat_to_the_cent((322.06, "322.06", vat_line), 1898.0)
        (other_rate,) = _lines("VAT 18% 322.66")
        assert not vat_to_the_cent((322.66, "322.66", other_rate), 1898.0)


class TestTotalRoundedForCash:
    def test_a_derived_total_meets_the_total_under_a_garbled_rounding_line(self) -> None:
        lines = _lines("Rundung OFO0,02", "Zu zahlen 122,30", "inkl. MwSt. 19% 19,52", "S 19% 102,76 19,52")
        found = {"total_strong": [(122.3, "122,30", lines[1])]}
        derived = Found(122.28, "", lines[3], 0.6)
        rounded = rounded_total(found, derived, lines)
        assert rounded is not None and rounded.value == 122.3

    def test_the_items_keep_the_printed_rounded_total(self) -> None:
        lines = _lines("Zu zahlen 122,30", "inkl. MwSt. 19% 19,52")
        found: dict[str, Found | None] = {
            "subtotal": Found(102.76, "102,76", lines[1], 0.7),
            "vat_amount": Found(19.52, "19,52", lines[1], 0.7),
            "total": Found(122.3, "122,30", lines[0], 0.7),
        }
        amounts_from_items(found, [56.28, 66.0], [(19.52, "19,52", lines[1])])
        total = found["total"]
        assert total is not None and total.value == 122.3
        subtotal = found["subtotal"]
        assert subtotal is not None and subtotal.value == 102.76

    def test_a_total_further_than_a_coin_is_replaced_by_the_items(self) -> None:
        lines = _lines("Zu zahlen 128,30", "inkl. MwSt. 19% 19,52")
        found: dict[str, Found | None] = {"total": Found(128.3, "128,30", lines[0], 0.7)}
        amounts_from_items(found, [56.28, 66.0], [(19.52, "19,52", lines[1])])
        total = found["total"]
        assert total is not None and total.value == 122.28
