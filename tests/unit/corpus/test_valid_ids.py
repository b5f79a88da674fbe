"""Development pages print European and UK VAT numbers that pass their check (valid_ids.py), so a
reader's check-digit repair can be measured; held-out pages keep what they drew."""

from __future__ import annotations

import pytest
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from tests.corpus import compose as compose_module
from tests.corpus.compose import compose
from tests.corpus.families import HELD_OUT
from tests.corpus.page import Text
from tests.corpus.valid_ids import other_valid_id, valid_vat_id


def _valid(value: str) -> bool:
    return (gb_vat if value.startswith("GB") else eu_vat).is_valid(value)


class TestValidIds:
    """Drawn digits made a valid number of their country by their check characters only."""

    @pytest.mark.parametrize(
        "drawn", ["DE012345678", "DE987654321", "FR12345678901", "ESB12345678", "GB123456789", "IE12345678"]
    )
    def test_made_valid(self, drawn: str) -> None:
        made = valid_vat_id(drawn)
        assert made is not None and _valid(made) and made[:2] == drawn[:2]

    def test_other_ids_kept(self) -> None:
        assert valid_vat_id("514327869") == "514327869"
        assert valid_vat_id("12-3456789") == "12-3456789"
        assert valid_vat_id(None) is None

    def test_a_customer_id_is_valid_and_not_the_vendors(self) -> None:
        vendor = valid_vat_id("GB123456789")
        assert vendor is not None
        # differs from the vendor's in its check digits only: made valid, it would be the vendor's
        other = other_valid_id("GB123456700", vendor)
        assert other != vendor and _valid(other)


@pytest.mark.parametrize("language", ["de", "fr", "es", "en"])
def test_development_pages_carry_valid_vat_ids(language: str) -> None:
    checked = 0
    for seed in range(12):
        truth = compose("classic", language, seed)[1]
        value = truth.get("vendor_tax_id")
        if value and value[:2] in ("DE", "FR", "ES", "GB", "IE"):
            assert _valid(value), value
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize("family", sorted(HELD_OUT))
def test_held_out_pages_are_not_changed(family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose_module, "valid_vat_id", lambda value: pytest.fail("made valid"))
    compose(family, "de", 3)


def test_an_id_at_the_foot_stands_above_the_issuers_footer() -> None:
    """The id moved to the page's foot (label over value) with an issuer's footer row there: the two
    never share a row (seed 10's payment_receipt_en_00 printed 'Federal EIN' over an e-mail)."""
    page, truth = compose("payment_receipt", "en", 10000)
    texts = [item for item in page.items if isinstance(item, Text) and item.y > 270]
    label = next(item for item in texts if item.text == "Federal EIN")
    others = [item for item in texts if item is not label and abs(item.y - label.y) < 0.35 * item.size]
    assert label.align == "c" and truth["vendor_tax_id"] == "454075194"
    assert not any(item.align == "c" for item in others)
