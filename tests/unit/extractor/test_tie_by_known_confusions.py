"""Two rebuilt (net, VAT, total) triples scored alike: the one whose misread digits are confusions
OCR makes is taken ('322.60' read for 322.66), not the one that needs a confusion OCR does not make."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_repair import Hypothesis, by_known_confusions, repaired_by_rate


def _line(text: str, index: int) -> Line:
    return Line(text, 1, index)


class TestTieByKnownConfusions:
    def test_the_vat_misread_beats_the_total_misread(self) -> None:
        vat = (322.6, "322.60", _line('מע"מ 17% 322.60', 1))
        total = (2220.66, "2,220.66", _line("סך הכל לתשלום ILS 2,220.66", 2))
        found = {"vat": [vat], "total_strong": [total]}
        result: dict[str, Found | None] = {
            "subtotal": Found(1898.06, "", total[2], 0.6),
            "vat_amount": Found(322.6, "322.60", vat[2], 0.8),
            "total": Found(2220.66, "2,220.66", total[2], 0.8),
        }
        repaired = repaired_by_rate(result, found)
        assert [item.value if item else None for item in repaired.values()] == [1898.0, 322.66, 2220.66]

    def test_no_choice_when_both_or_neither_are_known_confusions(self) -> None:
        vat = (322.6, "322.60", _line("VAT 322.60", 1))
        first = Hypothesis((189800, 32266, 222066), 0.17, 4, (None, vat, None))
        second = Hypothesis((189800, 32268, 222068), 0.17, 4, (None, vat, None))
        assert by_known_confusions([first, second]) is None  # 0 may be a 6 or an 8
        far = Hypothesis((189800, 32262, 222062), 0.17, 4, (None, vat, None))
        assert by_known_confusions([first, far]) is first

    def test_the_rounding_slack_around_one_exact_amount_is_no_choice(self) -> None:
        # 'dont TVA 20% 499,79' pins its net to within a cent: totals 2,998.72-.76 all tie with the
        # read 2,998.71, and a 1 read for a 4 decides nothing
        vat = (499.79, "499,79", _line("dont TVA 20% 499,79", 1))
        total = (2998.71, "2 998,71", _line("Montant TTC 2 998,71", 0))
        tied = [Hypothesis((net, 49979, net + 49979), 0.2, 4, (None, vat, total)) for net in (249893, 249895)]
        assert by_known_confusions(tied) is None
