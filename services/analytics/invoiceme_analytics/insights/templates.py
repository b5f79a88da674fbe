"""Narrative templates per insight kind, in English and Hebrew (pieces joined with spaces).

Placeholders are the keys of each detector's `data`; every number comes from the detector.
"""

from __future__ import annotations

_EN: dict[str, tuple[str, ...]] = {
    "month_over_month": (
        "Spending in {month} was {spend} {currency}, {change_percent}% against {previous_month}",
        "({previous_spend} {currency}). The biggest change came from {top_mover}",
        "({top_mover_change} {currency}).",
    ),
    "recurring_charge": (
        "{name} charges about {amount} {currency} every {every_days} days ({count} times so far);",
        "the next charge is expected around {next_expected}.",
    ),
    "spike": (
        "An invoice from {name} on {date} is {amount} {currency},",
        "{times}× the usual {usual} {currency}.",
    ),
    "possible_duplicate": (
        "{count} invoices from {name} look like the same one",
        "({amount} {currency} {invoice_number} {date}). Check before paying twice.",
    ),
    "budget_overrun": (
        "{name} is over its monthly budget:",
        "{spent} of {limit} {currency} ({percent}%) in {month}.",
    ),
    "budget_forecast": (
        "{name} is on pace to exceed its budget: {spent} of {limit} {currency} spent so far in {month},",
        "forecast {forecast} {currency}.",
    ),
    "missing_allocation_number": (
        "Invoice {invoice_number} from {name} ({before_vat} ILS before VAT) needs an allocation number",
        "above {threshold} ILS; without it the VAT of {vat} {currency} cannot be deducted.",
    ),
    "vat_mismatch": (
        "Invoice from {name}: subtotal {subtotal} + VAT {vat} does not equal the total {total} {currency}",
        "(off by {difference}).",
    ),
    "vat_rate_mismatch": (
        "Invoice from {name} on {date}: VAT {vat} {currency} on {subtotal} is not the {rate}% in force",
        "(expected {expected_vat}).",
    ),
}

_HE: dict[str, tuple[str, ...]] = {
    "month_over_month": (
        "ההוצאות ב-{month} הסתכמו ב-{spend} {currency}, שינוי של {change_percent}%",
        "לעומת {previous_month} ({previous_spend} {currency}).",
        "השינוי הגדול ביותר: {top_mover} ({top_mover_change} {currency}).",
    ),
    "recurring_charge": (
        "{name} מחייב כ-{amount} {currency} כל {every_days} ימים ({count} פעמים עד כה);",
        "החיוב הבא צפוי בסביבות {next_expected}.",
    ),
    "spike": (
        "חשבונית מ-{name} מתאריך {date} על סך {amount} {currency},",
        "פי {times} מהרגיל ({usual} {currency}).",
    ),
    "possible_duplicate": (
        "{count} חשבוניות מ-{name} נראות כפולות ({amount} {currency} {invoice_number} {date}).",
        "כדאי לבדוק לפני תשלום כפול.",
    ),
    "budget_overrun": (
        "{name} חרג מהתקציב החודשי:",
        "{spent} מתוך {limit} {currency} ({percent}%) ב-{month}.",
    ),
    "budget_forecast": (
        "{name} בדרך לחרוג מהתקציב: {spent} מתוך {limit} {currency} עד כה ב-{month},",
        "תחזית {forecast} {currency}.",
    ),
    "missing_allocation_number": (
        'לחשבונית {invoice_number} מ-{name} ({before_vat} ₪ לפני מע"מ) נדרש מספר הקצאה מעל {threshold} ₪;',
        'בלעדיו לא ניתן לקזז מע"מ של {vat} {currency}.',
    ),
    "vat_mismatch": (
        'חשבונית מ-{name}: סכום לפני מע"מ {subtotal} + מע"מ {vat} אינו שווה לסה"כ {total} {currency}',
        "(הפרש {difference}).",
    ),
    "vat_rate_mismatch": (
        'חשבונית מ-{name} מתאריך {date}: מע"מ {vat} {currency} על {subtotal} אינו {rate}% התקף',
        "(צפוי {expected_vat}).",
    ),
}

TEMPLATES: dict[str, dict[str, str]] = {
    language: {kind: " ".join(pieces) for kind, pieces in table.items()}
    for language, table in (("en", _EN), ("he", _HE))
}
