"""Totals read by arithmetic and order when their labels are words no lexicon knows."""

from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.amount_runs import (
    included_at_printed_rate,
    ordered_triple,
    several_rates_triple,
    vat_just_before,
)
from invoiceme_extractor.rules.amounts import percents_in
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestOrderedTriple:
    """Three lone amounts in the order net, VAT, total that add up at a rate are the totals."""

    def test_unknown_labels_each_on_own_line(self) -> None:
        lines = _lines("Widget 2 50.00 100.00", "Kouveza 10,833.34", "Duza 677.08", "Mikoglai $11,510.42")
        found = ordered_triple(lines)
        assert found is not None
        assert [item.value for item in found] == [10833.34, 677.08, 11510.42]
        assert all(item.confidence < 0.9 for item in found)

    def test_amounts_under_their_labels(self) -> None:
        lines = _lines("Laine", "64,312.16", "Moubrou 7%", "4,501.85", "Semouvi", "68,814.01")
        found = ordered_triple(lines)
        assert found is not None and [item.value for item in found] == [64312.16, 4501.85, 68814.01]

    def test_no_rate_no_triple(self) -> None:
        # 100 + 33.33 = 133.33, but 33.33 % is no VAT rate
        assert ordered_triple(_lines("Foo 100.00", "Bar 33.33", "Baz 133.33")) is None

    def test_unlabelled_block_read_by_find_totals(self) -> None:
        totals = find_totals(_lines("Rofate 1,000.00", "Pramiso 19% 190.00", "Nustai 1,190.00"))
        assert totals.total is not None and totals.total.value == 1190.0
        assert totals.vat_amount is not None and totals.vat_amount.value == 190.0
        assert totals.total.confidence < 0.9


class TestSeveralRates:
    """A VAT line per rate: the VAT is their sum and no single rate is reported."""

    def test_two_vat_lines_sum(self) -> None:
        lines = _lines(
            "Subtotal 10,833.34", "Sales Tax 3.125% 101.56", "Sales Tax 6.25% 575.52", "Total $11,510.42"
        )
        assert several_rates_triple(candidates(lines)) is not None
        totals = find_totals(lines)
        assert totals.vat_amount is not None and totals.vat_amount.value == 677.08
        assert totals.vat_rate is None
        assert totals.total is not None and totals.total.value == 11510.42

    def test_same_rate_twice_is_not_split(self) -> None:
        lines = _lines("Subtotal 100.00", "VAT 17% 17.00", "VAT 17% 17.00", "Total 134.00")
        assert several_rates_triple(candidates(lines)) is None

    def test_one_rate_per_item_vat_lines_sum(self) -> None:
        # a VAT line per item at one rate: distinct amounts that sum to the net's VAT at that rate
        lines = _lines(
            "Base imponible 30.637,44 €", "IVA 10% 43,63 €", "IVA 10% 3.020,12 €", "Importe total 33.701,19 €"
        )
        totals = find_totals(lines)
        assert totals.subtotal is not None and totals.subtotal.value == 30637.44
        assert totals.vat_amount is not None and totals.vat_amount.value == 3063.75

    def test_a_five_read_as_s_is_still_a_rate(self) -> None:
        # 'VAT @ 5%' with its 5 read as S: two rates, not one VAT line and a stray amount
        lines = _lines(
            "Amount excl. VAT 12,515.87-", "VAT @ 20% 2,446.88-", "VAT @ S% 14.07-", "Grand Total 14,976.82-"
        )
        totals = find_totals(lines)
        assert totals.vat_amount is not None and totals.vat_amount.value == -2460.95
        assert percents_in("VAT @ S% 14.07") == [0.05]
        assert percents_in("VAT 5% of USD%") == [0.05]  # an S inside a word is no rate

    def test_one_rate_lines_not_summing_to_its_vat_are_not_split(self) -> None:
        # 100 + 5 + 12 = 117 adds up, but 17 is not 10 % of 100
        lines = _lines("Subtotal 100.00", "VAT 10% 5.00", "VAT 10% 12.00", "Total 117.00")
        assert several_rates_triple(candidates(lines)) is None


class TestIncludedAtPrintedRate:
    """A VAT printed with its rate that is exactly that rate's share of a tax-inclusive total."""

    def test_included_vat(self) -> None:
        lines = _lines("Rofate 104,271.77", "Pramiso Mubri 23% 19,497.97")
        total = Found(104271.77, "104,271.77", lines[0], 0.7)
        vat = included_at_printed_rate(total, lines)
        assert vat is not None and vat.value == 19497.97

    def test_nothing_labelled_reads_included_vat(self) -> None:
        totals = find_totals(_lines("Desk 1 3,648.43", "Rofate 104,271.77", "Pramiso Mubri 23% 19,497.97"))
        assert totals.total is not None and totals.total.value == 104271.77
        assert totals.vat_amount is not None and totals.vat_amount.value == 19497.97


class TestLastLargest:
    """With nothing labelled, the largest amount printed last is the total, said as a guess."""

    def test_largest_last(self) -> None:
        totals = find_totals(_lines("Lunch 308.53", "Cleaning 695.40", "2,458.63 ITZ", "Thank you"))
        assert totals.total is not None and totals.total.value == 2458.63
        assert totals.total.confidence < 0.9

    def test_change_after_largest(self) -> None:
        totals = find_totals(_lines("Lunch 8.53", "Foo 50.00", "Bar 6.80"))
        assert totals.total is None or totals.total.value != 50.0


class TestLabelsThatSayAnotherRole:
    """Labelled amounts that add up only under other roles than their (garbled) labels say."""

    def test_tax_exclusive_total_read_as_the_total(self) -> None:
        # 'Total (excl. GST)' garbled: the labelled subtotal is the gross, the 'total' the net
        lines = _lines("SUBTOTAL: 43.90", "Total ee ine GST) 41.42", "6%GST 2.48", "CASH 100.00")
        totals = find_totals(lines)
        assert totals.total is not None and totals.total.value == 43.90
        assert totals.subtotal is not None and totals.subtotal.value == 41.42
        assert totals.total.confidence < 0.9

    def test_a_vat_over_the_net_on_an_inclusive_line_is_the_total(self) -> None:
        totals = find_totals(_lines("SUBTOTAL 6.37", "Tor GST INCL) 38.37", "CASH 40.35"))
        assert totals.total is not None and totals.total.value == 38.37
        assert totals.total.confidence < 0.9
        assert totals.vat_amount is None


class TestTotalAroundARepairedVat:
    """A VAT read alone, with the net and total labels garbled and the amounts damaged."""

    def test_sign_read_as_digit_and_point_lost(self) -> None:
        # '₪5,606.15' read as 15,606.15; '₪36,751.42' read with its point lost
        lines = _lines('₪1,145.27 se סכום "pera', 'מע"מ 18% 15,606.15', 'סה"ב בולל מע"מ - | ₪36,75142')
        totals = find_totals(lines)
        assert totals.total is not None and totals.total.value == 36751.42
        assert totals.vat_amount is not None and totals.vat_amount.value == 5606.15
        assert totals.subtotal is not None and totals.subtotal.value == 31145.27
        assert max(totals.total.confidence, totals.vat_amount.confidence) < 0.9


class TestSeveralRatesUnderAGarbledTotal:
    """Two VAT lines whose total label OCR garbled: the amount after them that makes the sum."""

    def test_total_after_the_vat_lines(self) -> None:
        lines = _lines(
            'סך הכל חייב במע"מ 43,500.30',
            "מס ערך מוסף 5% 652.50",
            "מס ערך מוסף 18% 7,177.55",
            '51,330.35 a"no',
        )
        totals = find_totals(lines)
        assert totals.vat_amount is not None and totals.vat_amount.value == 7830.05
        assert totals.total is not None and totals.total.value == 51330.35
        assert totals.vat_rate is None and totals.total.confidence < 0.9


class TestVatJustBeforeAnUnlabelledTotal:
    """The labels of a dark band lost, with the net's row: the last two lone amounts, VAT and total."""

    def test_vat_at_a_standard_rate_of_the_difference(self) -> None:
        lines = _lines("Cleaning 4 16.70 66.80", "Repair 2 5.00 10.00", "11,164.57", "73,189.96")
        totals = find_totals(lines)
        assert totals.total is not None and totals.total.value == 73189.96
        assert totals.vat_amount is not None and totals.vat_amount.value == 11164.57
        assert totals.subtotal is not None and totals.subtotal.value == 62025.39
        assert totals.total.confidence < 0.9

    def test_no_rate_fits_the_guess_stays_alone(self) -> None:
        lines = _lines("Repair 2 5.00 10.00", "1,164.57", "73,189.96")
        total = Found(73189.96, "73,189.96", lines[2], 0.7)
        assert vat_just_before(total, lines) is None
        totals = find_totals(lines)
        assert totals.vat_amount is None and totals.total is not None and totals.total.confidence <= 0.5


class TestRateOnTheLabelOverItsAmount:
    """'VAT (17%)' over its amount alone on the next line: the rate is read from the label's line."""

    def test_rate_printed_with_the_label(self) -> None:
        totals = find_totals(_lines("Widget 1 10.00", "Amount before VAT 953.98", "VAT (17%)", "2,202.18"))
        assert totals.vat_rate is not None and totals.vat_rate.value == 0.17
