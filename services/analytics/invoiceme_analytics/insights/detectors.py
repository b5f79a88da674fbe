"""Deterministic insight detectors over the projection's facts — pure functions, one per finding kind.

Every number an insight shows is computed here (as strings with two decimals), so a narrative,
whether templated or written by an LLM, never computes anything itself.
"""

from __future__ import annotations

import uuid
from datetime import date

from invoiceme_common.analytics_read.read_model import BusinessRow, FactRow

from .checks import budget_alerts, missing_allocation_numbers, vat_mismatches, vat_rate_mismatches
from .model import Insight
from .spending import month_over_month, possible_duplicates, recurring_charges, spikes

__all__ = [
    "Insight",
    "budget_alerts",
    "detect_all",
    "missing_allocation_numbers",
    "month_over_month",
    "possible_duplicates",
    "recurring_charges",
    "spikes",
    "vat_mismatches",
    "vat_rate_mismatches",
]


def detect_all(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], as_of: date, currency: str
) -> list[Insight]:
    return [
        *month_over_month(rows, businesses, as_of, currency),
        *budget_alerts(rows, businesses, as_of, currency),
        *missing_allocation_numbers(rows, businesses),
        *possible_duplicates(rows, businesses),
        *spikes(rows, businesses, as_of, currency),
        *vat_mismatches(rows, businesses),
        *vat_rate_mismatches(rows, businesses),
        *recurring_charges(rows, businesses, currency),
    ]
