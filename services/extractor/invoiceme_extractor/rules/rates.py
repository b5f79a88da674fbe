"""VAT/GST/sales-tax rates in use somewhere (standard and reduced), for arithmetic between amounts."""

from __future__ import annotations

STANDARD_RATES = (
    0.0,
    0.05,
    0.06,
    0.07,
    0.08,
    0.09,
    0.1,
    0.13,
    0.15,
    0.16,
    0.17,
    0.18,
    0.19,
    0.2,
    0.21,
    0.25,
)
