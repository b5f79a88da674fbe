"""Pure aggregation rules of the analytics projection."""

from __future__ import annotations

from decimal import Decimal

from invoiceme_analytics.domain import UNKNOWN_MONTH, UNKNOWN_VENDOR, Delta, deltas, is_newer, make_fact


class TestMakeFact:
    """An invoice contributes by vendor, month and currency; without a total it contributes nothing."""

    def test_normalises_vendor_month_currency(self):
        fact = make_fact("  Acme   Ltd ", "2025-03-14", "usd", 10.5)
        assert fact is not None
        assert (fact.vendor, fact.month, fact.currency) == ("Acme Ltd", "2025-03", "USD")
        assert fact.total == Decimal("10.50")

    def test_missing_parts_get_explicit_unknowns(self):
        fact = make_fact(None, None, None, 5)
        assert fact is not None
        assert (fact.vendor, fact.month, fact.currency) == (UNKNOWN_VENDOR, UNKNOWN_MONTH, "XXX")

    def test_no_total_no_contribution(self):
        assert make_fact("Acme", "2025-01-01", "ILS", None) is None


class TestDeltas:
    """Replacing a contribution moves exactly the difference; nothing is counted twice."""

    def test_first_save_adds_one_everywhere(self):
        new = make_fact("Acme", "2025-01-02", "ILS", 100)
        moves = deltas(None, new)
        assert {(d.dimension, d.key, d.count, d.total) for d in moves} == {
            ("vendor", "Acme", 1, Decimal("100.00")),
            ("month", "2025-01", 1, Decimal("100.00")),
            ("currency", "ILS", 1, Decimal("100.00")),
        }

    def test_same_fact_again_moves_nothing(self):
        fact = make_fact("Acme", "2025-01-02", "ILS", 100)
        assert deltas(fact, fact) == []

    def test_corrected_total_moves_only_the_difference(self):
        old = make_fact("Acme", "2025-01-02", "ILS", 100)
        new = make_fact("Acme", "2025-01-20", "ILS", 130)
        assert set(deltas(old, new)) == {
            Delta("vendor", "Acme", "ILS", 0, Decimal("30.00")),
            Delta("month", "2025-01", "ILS", 0, Decimal("30.00")),
            Delta("currency", "ILS", "ILS", 0, Decimal("30.00")),
        }

    def test_vendor_change_moves_count_between_vendors(self):
        old = make_fact("Acme", "2025-01-02", "ILS", 100)
        new = make_fact("Globex", "2025-01-02", "ILS", 100)
        by_key = {(d.dimension, d.key): d.count for d in deltas(old, new)}
        assert by_key == {("vendor", "Acme"): -1, ("vendor", "Globex"): 1}

    def test_removal_subtracts_everything(self):
        old = make_fact("Acme", "2025-01-02", "EUR", 40)
        assert all(d.count == -1 and d.total == Decimal("-40.00") for d in deltas(old, None))
        assert len(deltas(old, None)) == 3

    def test_replaying_random_histories_matches_the_last_state(self):
        import random

        rng = random.Random(7)
        totals: dict[tuple[str, str, str], list] = {}
        current = None
        for _ in range(200):
            new = rng.choice(
                [
                    None,
                    make_fact(rng.choice("AB"), f"2025-0{rng.randint(1, 3)}-01", "ILS", rng.randint(1, 500)),
                ]
            )
            for d in deltas(current, new):
                cell = totals.setdefault((d.dimension, d.key, d.currency), [0, Decimal(0)])
                cell[0] += d.count
                cell[1] += d.total
            current = new
        non_zero = {k: v for k, v in totals.items() if v != [0, Decimal(0)]}
        expected = (
            {}
            if current is None
            else {
                ("vendor", current.vendor, "ILS"): [1, current.total],
                ("month", current.month, "ILS"): [1, current.total],
                ("currency", "ILS", "ILS"): [1, current.total],
            }
        )
        assert non_zero == expected


def test_only_strictly_newer_versions_apply():
    assert is_newer(1, None)
    assert is_newer(3, 2)
    assert not is_newer(2, 2)  # a redelivery
    assert not is_newer(1, 2)  # a stale event arriving late
