"""The issuer's name spelled by its own e-mail or web address outranks a customer block above it."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.name_domains import address_names, spelled_by_address
from invoiceme_extractor.rules.parties import find_vendor_name


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestAddressNames:
    def test_the_business_label_of_mail_and_web_addresses(self) -> None:
        lines = _lines("info@cronus.com", "visit www.dominos.com.my/terms", "https://acme-tools.co.uk")
        assert address_names(lines) == {"cronus", "dominos", "acmetools"}

    def test_mailbox_providers_and_short_labels_name_nobody(self) -> None:
        assert (
            address_names(_lines("dana.levi@gmail.com", "x@walla.co.il", "a@ab.de", "www.mail.yahoo.com"))
            == set()
        )

    def test_a_name_holding_the_address_name(self) -> None:
        assert spelled_by_address("DOMINO'S PIZZA", {"dominos"})
        assert not spelled_by_address("Adatum Corporation", {"cronus"})


def test_the_name_the_page_address_spells_beats_a_customer_block_above() -> None:
    lines = _lines(
        "Adatum Trading",  # the customer, in the letter's address window at the top
        "Station Road, 21",
        "20097 Hamburg",
        "Northwind Traders",
        "Hofstraße 12",
        "48436 Düsseldorf",
        "Email info@northwind.com",
        "Total 681.87",
    )
    found = find_vendor_name(lines, None)
    assert found is not None and found.value == "Northwind Traders"
