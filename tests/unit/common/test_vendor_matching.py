"""Hebrew-aware vendor normalization and business matching (pure)."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_common.businesses import duplicate_reason
from invoiceme_common.vendor_matching import (
    MATCH_THRESHOLD,
    BusinessProfile,
    match_business,
    name_similarity,
    normalize_name,
    normalize_text,
    rank_candidates,
    valid_tax_id,
)


class TestNormalize:
    """Final letters, quotes/gershayim, suffixes, punctuation and case do not matter."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ('שופרסל בע"מ', "שופרסל"),
            ("שופרסל בע״מ", "שופרסל"),
            ("ACME Ltd.", "acme"),
            ("Acme, Inc", "acme"),
            ("חברת החשמל לישראל", "חברת החשמל לישראל"),
            ("\u200fסופר-פארם (ישראל)\u200e", "סופר פארמ ישראל"),
            ('בע"מ', "בעמ"),
        ],
    )
    def test_normalize_name(self, raw, expected):
        assert normalize_name(raw) == expected

    def test_final_letters(self):
        assert normalize_text("ךםןףץ") == "כמנפצ"
        assert normalize_text("שָׁלוֹם") == "שלומ"


class TestTaxId:
    """Only valid Israeli ids count, in their 9-digit form."""

    def test_valid_and_invalid(self):
        assert valid_tax_id("51-617915-7") == "516179157"
        assert valid_tax_id("520022732") == "520022732"
        assert valid_tax_id("520022733") is None
        assert valid_tax_id("") is None and valid_tax_id(None) is None


class TestMatching:
    """Tax id wins; a confident name or alias match assigns; otherwise ranked suggestions only."""

    shufersal = BusinessProfile(uuid.uuid4(), 'שופרסל בע"מ', "520022732", ("Shufersal",))
    bezeq = BusinessProfile(uuid.uuid4(), "בזק", None, ("Bezeq International",))
    rami = BusinessProfile(uuid.uuid4(), "רמי לוי שיווק השקמה", None, ())

    def test_tax_id_beats_names(self):
        decision = match_business("בזק", "520022732", [self.shufersal, self.bezeq])
        assert (decision.business_id, decision.method) == (self.shufersal.id, "tax_id")

    def test_name_and_alias(self):
        assert match_business("שופרסל בעמ", None, [self.shufersal, self.bezeq]).method == "name"
        by_alias = match_business("BEZEQ INTERNATIONAL LTD", None, [self.shufersal, self.bezeq])
        assert (by_alias.business_id, by_alias.method) == (self.bezeq.id, "alias")

    def test_below_threshold_stays_unassigned_with_candidates(self):
        decision = match_business("רמי לוי", None, [self.shufersal, self.bezeq, self.rami])
        assert decision.business_id is None
        assert decision.candidates[0].business_id == self.rami.id
        assert decision.score < MATCH_THRESHOLD

    def test_at_most_five_suggestions(self):
        many = [BusinessProfile(uuid.uuid4(), f"Cafe {i}") for i in range(9)]
        assert len(rank_candidates("Cafe", None, many)) == 5

    @pytest.mark.parametrize(
        ("vendor", "business"),
        [
            ("כהן מאפית", 'מאפיית כהן בע"מ'),  # word order and a letter missing (OCR, spelling)
            ("Cedar Logistcs", "Logistics Cedar Ltd"),  # word order and a typo
        ],
    )
    def test_word_order_with_a_typo_still_matches(self, vendor, business):
        profile = BusinessProfile(uuid.uuid4(), business)
        decision = match_business(vendor, None, [profile, self.shufersal, self.rami])
        assert (decision.business_id, decision.method) == (profile.id, "name")

    @pytest.mark.parametrize(
        ("vendor", "business"),
        [("Cedar Logistics", "Cedar Networks"), ("מאפיית כהן", "מאפיית לוי"), ("בזק", "בזק בינלאומי")],
    )
    def test_a_shared_word_is_not_a_match(self, vendor, business):
        assert name_similarity(normalize_name(vendor), normalize_name(business)) < MATCH_THRESHOLD

    def test_similarity_bounds(self):
        assert name_similarity("abc", "abc") == 1.0
        assert name_similarity("", "abc") == 0.0
        assert 0 < name_similarity("office depot", "office deposit kiosk") < MATCH_THRESHOLD


class TestDuplicates:
    """Same number, or same total and date, of the same business."""

    def test_reasons(self):
        base = {"invoice_number": "A-17", "total": 10.0, "invoice_date": "2025-01-01"}
        assert duplicate_reason(base, {"invoice_number": "a 17"}) == "same invoice number"
        assert (
            duplicate_reason(base, {"invoice_number": "18", "total": 10.0, "invoice_date": "2025-01-01"})
            == "same total and date"
        )
        assert (
            duplicate_reason(base, {"invoice_number": "18", "total": 10.0, "invoice_date": "2025-01-02"})
            is None
        )
        assert duplicate_reason({}, {}) is None
