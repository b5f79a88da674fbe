"""What an id-shaped token on the page looks like: the tokens (as printed, or as OCR damaged them)
and how much their shape alone says they are a VAT registration number."""

from __future__ import annotations

import re

from invoiceme_common.tax_id_formats import vat_number_valid

from .. import israel
from .dates import dates_in
from .id_context import without_bank_accounts
from .id_repair import lookalike_ids, regrouped_ids, split_ids
from .vat_numbers import EU_VAT, eu_vat_ids

# 9 digits, bare or grouped as Israeli ids are (51-432167-8, 514-321-678, 51432167-8) or as a US EIN
# (51-4321678), the shape English invoices of Israeli businesses often borrow (not 0x-xxxxxxx: a phone)
ISRAELI_ID = re.compile(
    r"(?<![A-Za-z\d-])(\d{9}|\d{2}-\d{6}-\d|\d{3}[- ]\d{3}[- ]\d{3}|\d{8}-\d|[1-9]\d-\d{7})(?![\d-])"
)
GENERIC_ID = re.compile(r"(?<![\w-])([A-Z]{0,3}\d[\d./-]{4,16}\d[A-Z]?)(?![\w])")


def ids_in(text: str, generic: bool = True) -> list[str]:
    text = without_bank_accounts(text)
    # digit groups of a VAT number ('FR 79 110 502 697') are no Israeli id of their own
    vat_spans = [match.span() for match in EU_VAT.finditer(text) if match.group(1) != "IL"]
    israeli = [
        match.group(1)
        for match in ISRAELI_ID.finditer(text)
        if not any(start <= match.start() and match.end() <= end for start, end in vat_spans)
    ]
    found = eu_vat_ids(text) + israeli
    if not found and generic:
        found = [match.group(1) for match in GENERIC_ID.finditer(text) if not dates_in(match.group(1))]
    return found


def id_tokens(text: str, generic: bool = True) -> list[str]:
    """`ids_in`, plus tokens an id became when OCR read one digit as a look-alike ('$12261827'):
    candidates only where the check digit accepts the id they stand for (`tax_id_candidates`)."""
    text = without_bank_accounts(text)
    lookalikes = lookalike_ids(text)
    # a look-alike's digits after its letter are no id of their own ('122361' of '79-$122361')
    found = [raw for raw in ids_in(text, generic) if not any(raw in whole for whole in lookalikes)]
    # an id's groups first: the generic pattern would take its first group alone ('512.765 587')
    return regrouped_ids(text) + found + lookalikes + split_ids(text)


# An Israeli id grouped as ids are printed, its check digit set apart (09-227442-2, 09227442-2) or
# in threes (007-981-228): never a phone number's grouping (09-7284585, 052-123-4567), though both
# may start with 0
_GROUPED_AS_ID = re.compile(r"\d{2}-\d{6}-\d|\d{8}-\d|\d{3}-\d{3}-\d{3}")


def shape_score(value: str, raw: str = "", beside_id_label: bool = False) -> float:
    """How much the token itself looks like a VAT registration number."""
    if re.fullmatch(r"[A-Z]{2,3}[0-9A-Z]{8,12}", value):
        return 2.5 if vat_number_valid(value) else 1.5
    if not israel.is_israeli_id_shape(value):
        return 0.0
    if value.startswith("0") and not (beside_id_label or _GROUPED_AS_ID.fullmatch(raw.strip())):
        return 0.0  # 0 and eight digits, bare or grouped otherwise, unlabelled: as likely a phone
    return 2.0 if israel.israeli_id_is_valid(value) else 0.5
