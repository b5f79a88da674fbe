"""'SDN BHD' (Sendirian Berhad, a Malaysian company's legal form) as OCR misreads its letters on a till
slip: 'SON BHD', 'SUN. BHD', 'SDN BHE', 'SDN BID'. The chosen name is given with its legal form as
printed."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.name_text import mended_legal_form


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("STATIONERY SON. BHD", "STATIONERY SDN. BHD"),
        ("ALAM ) SUN BHD", "ALAM ) SDN BHD"),
        ("ALAM) SDN BHE", "ALAM) SDN BHD"),
        ("ALAM) SUN BH (22737-X)", "ALAM) SDN BHD (22737-X)"),
        ("ACME S0N BHD", "ACME SDN BHD"),
        ("ENTERPRISE (SETIA ALAM) SDN BID", "ENTERPRISE (SETIA ALAM) SDN BHD"),
        ("ENTERPRISE (SETIA ALAM) SDN BHL.", "ENTERPRISE (SETIA ALAM) SDN BHD."),
        ("Sunrise Bakery Son Bhd", "Sunrise Bakery Sdn Bhd"),
    ],
)
def test_a_misread_legal_form_is_given_as_printed(read: str, printed: str) -> None:
    assert mended_legal_form(read) == printed


@pytest.mark.parametrize(
    "name",
    ["ACME SDN BHD", "ACME SDN. BHD.", "JOHNSON & SON LTD", "SUN BHAVAN RESTAURANT", "ACME SDN BIG MART"],
)
def test_names_without_the_misread_form_are_left_alone(name: str) -> None:
    assert mended_legal_form(name) == name


def test_the_issuers_name_is_given_with_its_legal_form_as_printed() -> None:
    text = (
        "TRI SHAAS SON BHD (728515-M)\n4-20, Jalan Ria 25/62 Taman Sri Muda\nGST ID: 000429166592\nTOTAL 9.90"
    )
    assert extract_with_rules([(1, text)]).vendor_name == "TRI SHAAS SDN BHD"
