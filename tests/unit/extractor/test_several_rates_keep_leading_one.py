"""A VAT summed over one line per rate is no single rate of the net, so a net and a total that start
with a 1 are not taken for amounts whose currency sign OCR read as a 1: '17.638,07' + 262,08 (21 %) +
1.639,01 (10 %) = '19.539,16' stays as printed (a dev scan gave 7,638.07 and 9,539.16, whose VAT is
24.9 %, near enough 25 % to pass for a rate)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

SEVERAL_RATES = (
    "Servicios de consultoria 1 1.248,01 1.248,01\nHoras de desarrollo 1 8.124,21 8.124,21\n"
    "Productos de limpieza 1 2.607,48 2.607,48\nInstalacion 1 5.658,37 5.658,37\n"
    "Base imponible 17.638,07\nIVA 21% 262,08\nIVA 10% 1.639,01\nTotal factura EUR 19.539,16"
)


def test_net_and_total_are_kept_as_printed() -> None:
    result = extract_with_rules([(1, SEVERAL_RATES)])
    assert (result.subtotal, result.vat_amount, result.total) == (17638.07, 1901.09, 19539.16)


def test_one_rate_with_both_signs_read_as_1_is_still_undone() -> None:
    # '₪16,889.53' and '₪19,760.75' read with the sign as a 1; 2,871.22 is 17 % of 16,889.53
    result = extract_with_rules([(1, "Subtotal 116,889.53\nVAT 17% 2,871.22\nTotal 119,760.75")])
    assert (result.subtotal, result.total) == (16889.53, 19760.75)
