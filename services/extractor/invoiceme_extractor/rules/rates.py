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
# Standard rates above 21 % other than 25 % (Italy 22, Ireland/Poland/Portugal 23, Greece 24): kept out of
# STANDARD_RATES, where a rule that finds a VAT by one ratio alone would meet them by chance ('TOTAL INCL.
# GST 8.11' is 24 % of the 41.90 change); used where two printed amounts must also add up to a third,
# or agree to the cent (exact_rates, which adds Finland's 25.5 % and Hungary's 27 %).
HIGH_RATES = (0.22, 0.23, 0.24)
