"""Net, VAT and total rebuilt from one amount read right and a rate, the other two matched digit by
digit against what OCR read; never on a text layer, never where the amounts already agree."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_repair import agrees, match_strength, repaired_by_rate

from .wordbox import page


def extract(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestMatchStrength:
    """The same amount or a long tail of it is strong; one digit changed, dropped or added is weak;
    a short amount is one digit away from too many others to count."""

    def test_same_and_tail(self) -> None:
        assert match_strength(12648460, 12648460) == 2
        assert match_strength(12648460, 2648460) == 2  # '126484.60' read as 26484.60
        assert match_strength(1295398, 95398) == 2  # '12,953.98' read as 953.98

    def test_one_digit(self) -> None:
        assert match_strength(677068, 677008) == 1  # changed
        assert match_strength(4438557, 44338557) == 1  # doubled
        assert match_strength(4438557, 443857) == 1  # dropped

    def test_unrelated_or_short(self) -> None:
        assert match_strength(677068, 612345) == 0
        assert match_strength(26961, 2661) == 0  # a short tail
        assert match_strength(891, 811) == 0  # 8.91 and 8.11: too short to say


class TestRebuiltInTheDecision:
    def test_head_of_the_total_lost(self) -> None:
        result = extract("Summit Ltd\nVAT @ 18% 19294.26\nTOTAL 26484.60")
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            107190.34,
            19294.26,
            126484.6,
            0.18,
        )
        assert result.confidence["total"] < 0.9

    def test_vat_digit_changed_and_total_digit_doubled(self) -> None:
        text = 'אור בע"מ\nסך הכל חייב במע"מ 37614.89\nמס ערך מוסף 18% 6770.08\nסה"כ לתשלום 443385.57'
        result = extract(text)
        assert (result.subtotal, result.vat_amount, result.total) == (37614.89, 6770.68, 44385.57)

    def test_head_of_the_net_lost_beside_its_vat(self) -> None:
        result = extract('אור בע"מ\nסך הכל חייב במע"מ 953.98\nמע"מ\n2,202.18 ש"ח')
        assert (result.subtotal, result.vat_amount, result.total) == (12953.98, 2202.18, 15156.16)

    def test_a_labelled_total_that_matches_nothing_is_kept(self) -> None:
        result = extract("Summit Ltd\nNet 37614.89\nVAT 18% 6770.08\nTotal 51234.00")
        assert result.total == 51234.0

    def test_text_layer_digits_are_as_printed(self) -> None:
        pdf = page(("Summit Ltd", 100, 100), ("VAT @ 18% 19294.26", 100, 200), ("TOTAL 26484.60", 100, 300))
        result = extract_with_rules([pdf])
        assert result.total == 26484.6


class TestPrintedRateMisread:
    """A printed rate the amounts contradict while they agree to the cent at a standard rate was
    misread by OCR ('11%' for 17 %); on a text layer the printed rate stands."""

    def test_ocr_rate_against_exact_amounts(self) -> None:
        result = extract('סך הכל לתשלום 176.28 ILS\nמע"מ 11% 150.67 25.61')
        assert result.vat_rate == 0.17

    def test_rate_that_fits_stays(self) -> None:
        assert extract("Subtotal 150.67\nVAT 17% 25.61\nTotal 176.28").vat_rate == 0.17

    def test_text_layer_rate_stands(self) -> None:
        pdf = page(("Subtotal 100.00", 100, 100), ("VAT 17% 18.00", 100, 200), ("Total 118.00", 100, 300))
        assert extract_with_rules([pdf]).vat_rate == 0.17


class TestNetFromItems:
    """A subtotal one digit off and the VAT lost: the items' sum is the net when the total holds it
    at a standard rate to the cent."""

    TEXT = (
        "Harbor Ltd\nDescription Qty Price Amount\nCloud hosting 1 947.71 947.71\n"
        "A4 paper 1 1,885.91 1,885.91\n"
        "Subscription fee 1 84.01 84.01\nEquipment installation 2 2,186.41 4,372.82\n"
        "Network cable 12 22.44 269.28\n{net}\n9,071.68 Total"
    )

    def test_net_misread_by_one_digit(self) -> None:
        result = extract(self.TEXT.format(net="7,959.73 Net Amount"))
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            7559.73,
            1511.95,
            9071.68,
            0.2,
        )

    def test_a_net_far_from_the_sum_stays(self) -> None:
        result = extract(self.TEXT.format(net="7,000.00 Net Amount"))
        assert result.subtotal == 7000.0


class TestVatLabelCutShort:
    """'מע"מ' with its final mem lost at a cell's edge still labels the VAT; a word that goes on is
    no VAT label."""

    def test_truncated_label(self) -> None:
        from invoiceme_extractor.rules.amount_candidates import classify

        assert classify('71915.32 | מע"') == "vat"
        assert classify('מע"ר 1,000.00') is None

    def test_balance_after_an_advance(self) -> None:
        text = 'חשבונית מס\n71915.32 | מע"\nסה"כ לתשלום 13181.91\nמקדמה (1318.00)\nיתרה לתשלום 1911863.91'
        result = extract(text)
        assert (result.vat_amount, result.total) == (1915.32, 13181.91)


class TestCreditNoteWithItsTotalsLabelsLost:
    """A credit note's net and VAT read with their minus, its total without: the total at a standard
    rate fixes both to the cent. A VAT of 0 derived from a net equal to the total does not count as
    agreement (a lost minus), and the rebuilt amounts keep the minus read on any of them."""

    def test_side_panel(self) -> None:
        total_line, net_line, vat_line = Line('31.86 ש"ח', 1, 3), Line("-27.00", 1, 1), Line("-4.86", 1, 2)
        found = {
            "subtotal": [
                (-27.0, "-27.00", net_line),
                (-4.86, "-4.86", vat_line),
                (31.86, "31.86", total_line),
            ],
            "total_strong": [(31.86, "31.86", total_line)],
        }
        chosen = {
            "subtotal": Found(31.86, "31.86", total_line, 0.8),
            "vat_amount": Found(0.0, "", total_line, 0.6),
            "total": Found(31.86, "31.86", total_line, 0.8),
        }
        result = repaired_by_rate(chosen, found)  # type: ignore[arg-type]
        values = tuple(item.value if item else None for item in result.values())
        assert values == (-27.0, -4.86, -31.86)

    def test_a_printed_zero_vat_agrees(self) -> None:
        line = Line("Total 31.86", 1, 3)
        chosen = {
            "subtotal": Found(31.86, "31.86", line, 0.8),
            "vat_amount": Found(0.0, "0.00", line, 0.8),
            "total": Found(31.86, "31.86", line, 0.8),
        }
        assert agrees(chosen)  # type: ignore[arg-type]


class TestCashRoundedSumAgrees:
    """Net and VAT at a local rate no list holds (8.75 %) adding up to a printed total that the
    amount paid cash-rounds: they agree, and the net is not rebuilt at a standard rate one digit
    away (-318.17 at 6 % for -218.17)."""

    _SLIP = (
        "Bright & Granite Limited\nCredit Memo\nNet Amount -218.17\nVAT -19.09\n"
        "Total Sales Incl. GST -237.26\nROUNDING -0.04\nGrand Total -237.30 USD\n"
    )

    def test_the_slip_keeps_its_read_amounts(self) -> None:
        result = extract(self._SLIP)
        assert (result.subtotal, result.vat_amount, result.total) == (-218.17, -19.09, -237.3)

    def test_agrees_only_with_the_sum_printed(self) -> None:
        net, vat = (
            Found(-218.17, "-218.17", Line("Net", 1, 0), 0.9),
            Found(-19.09, "-19.09", Line("VAT", 1, 1), 0.9),
        )
        total_line = Line("Grand Total -237.30", 1, 3)
        chosen = {"subtotal": net, "vat_amount": vat, "total": Found(-237.3, "-237.30", total_line, 0.9)}
        printed = {"total_strong": [(-237.26, "-237.26", Line("Total -237.26", 1, 2))]}
        assert agrees(chosen, printed)  # type: ignore[arg-type]
        assert not agrees(chosen, {"total_strong": []})  # type: ignore[arg-type]
        misread = {**chosen, "total": Found(-237.21, "-237.21", total_line, 0.9)}  # not a cash rounding
        assert not agrees(misread, printed)  # type: ignore[arg-type]
