"""A dollar sign opening an item row before a bare digit run and the item's name ('$4624
Softwarelizenz'): the code's 5 misread, all but no currency mark; the euro on the total decides."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.currency_noise import id_mark_share

_ITEMS = (
    "RECHNUNG\nDokument Nr INV-55649\n$4624 Softwarelizenz 15 20,80 31,20\n"
    "54755 Entwicklungsstunden 1 2.913,19 2.913,19\n$5017 Beratung 2 7.100,26 14.200,52\n"
    "Nettobetrag 29.552,75\nUSt. 19% 5.615,02\nGesamtbetrag €35.167,77"
)


class TestSignBeforeItemCode:
    def test_a_code_opening_its_row_weighs_a_tenth(self) -> None:
        assert id_mark_share("$4624 Softwarelizenz 15 20,80", 1) == 0.1

    def test_a_bare_run_elsewhere_weighs_half(self) -> None:
        assert id_mark_share("Ref $242970", 5) == 0.5
        assert id_mark_share("Calle 4, $9030 Valencia", 10) == 0.5

    def test_a_price_weighs_whole(self) -> None:
        assert id_mark_share("$4,624.00 Software", 1) == 1.0

    def test_the_euro_total_decides(self) -> None:
        assert extract_with_rules([(1, _ITEMS)]).currency == "EUR"
