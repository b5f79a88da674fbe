"""Invoice list filters -> a parameterized SQL WHERE clause and ORDER BY (pure, no I/O).

User input only ever travels as `$n` parameters; sort columns come from a whitelist.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from invoiceme_common.vendor_matching import normalize_text

SortKey = Literal["created_at", "invoice_date", "total", "vendor_name", "status", "updated_at"]
# list_* are generated columns (migration 0060) holding what `fields` says, indexed per tenant:
# list_date = fields->>'invoice_date', list_total = the total when it is a number, list_vendor =
# lower(vendor_name), list_currency = upper(currency), list_month = YYYY-MM or 'unknown'.
SORT_EXPRESSIONS: dict[str, str] = {
    "created_at": "i.created_at",
    "updated_at": "i.updated_at",
    "invoice_date": "i.list_date",
    "total": "i.list_total",
    "vendor_name": "i.list_vendor",
    "status": "i.status",
}
# Never NULL: ordered without NULLS LAST, so a plain index (and its backward scan) gives the order.
NEVER_NULL_SORTS = frozenset({"created_at", "updated_at", "status"})


@dataclass(frozen=True)
class InvoiceFilters:
    status: list[str] = field(default_factory=list)
    business_id: uuid.UUID | None = None
    unassigned: bool | None = None
    needs_review: bool | None = None
    possible_duplicate: bool | None = None
    date_from: date | None = None
    date_to: date | None = None
    amount_min: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    q: str | None = None


class SqlBuilder:
    def __init__(self, *initial: Any) -> None:
        self.params: list[Any] = list(initial)

    def add(self, value: Any) -> str:
        self.params.append(value)
        return f"${len(self.params)}"


def where_clause(tenant_id: uuid.UUID, filters: InvoiceFilters) -> tuple[str, list[Any]]:
    """`i` is the invoices alias. Returns (sql, params); the tenant condition is always first."""
    sql = SqlBuilder(tenant_id)
    conditions = ["i.tenant_id = $1"]
    if filters.status:
        conditions.append(f"i.status = ANY({sql.add(list(filters.status))}::text[])")
    if filters.business_id is not None:
        conditions.append(f"i.business_id = {sql.add(filters.business_id)}")
    if filters.unassigned is not None:
        conditions.append("i.business_id IS NULL" if filters.unassigned else "i.business_id IS NOT NULL")
    if filters.needs_review is not None:
        conditions.append(
            "i.status = 'needs_review'" if filters.needs_review else "i.status <> 'needs_review'"
        )
    if filters.possible_duplicate is not None:
        conditions.append(
            "i.possible_duplicate_of IS " + ("NOT NULL" if filters.possible_duplicate else "NULL")
        )
    # Each date bound also bounds the month (implied, never changes the result): the month groups'
    # index (tenant, month, currency; date included) then reads only those months.
    if filters.date_from is not None:
        conditions.append(f"i.list_date >= {sql.add(filters.date_from.isoformat())}")
        conditions.append(f"i.list_month >= {sql.add(filters.date_from.isoformat()[:7])}")
    if filters.date_to is not None:
        conditions.append(f"i.list_date <= {sql.add(filters.date_to.isoformat())}")
        conditions.append(f"i.list_month <= {sql.add(filters.date_to.isoformat()[:7])}")
    if filters.amount_min is not None:
        conditions.append(f"i.list_total >= {sql.add(filters.amount_min)}::numeric")
    if filters.amount_max is not None:
        conditions.append(f"i.list_total <= {sql.add(filters.amount_max)}::numeric")
    if filters.currency:
        conditions.append(f"i.list_currency = {sql.add(filters.currency.upper())}")
    needle = normalize_text(filters.q or "")
    if needle:
        # normalize_text leaves no LIKE wildcards (% and _ are punctuation to it).
        conditions.append(f"i.search_text LIKE '%' || {sql.add(needle)} || '%'")
    return " AND ".join(conditions), sql.params


def sort_keys(sort: str, descending: bool) -> list[tuple[str, str]]:
    """(expression over `i`, direction) for each ORDER BY key of `sort`; the last is always i.id."""
    expression = SORT_EXPRESSIONS.get(sort)
    if expression is None:
        raise ValueError(f"cannot sort by '{sort}'; use one of {', '.join(SORT_EXPRESSIONS)}")
    direction = "DESC" if descending else "ASC"
    if sort == "status":  # within a status, newest first (index tenant, status, created_at, id)
        return [("i.status", direction), ("i.created_at", direction), ("i.id", direction)]
    nulls = "" if sort in NEVER_NULL_SORTS else " NULLS LAST"
    return [(expression, direction + nulls), ("i.id", direction)]


def order_clause(sort: str, descending: bool) -> str:
    return ", ".join(f"{expression} {direction}" for expression, direction in sort_keys(sort, descending))


def encode_cursor(created_at: datetime, invoice_id: uuid.UUID) -> str:
    raw = json.dumps([created_at.isoformat(), str(invoice_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    """Raises ValueError for anything that is not a cursor we issued."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created, invoice_id = json.loads(raw)
        return datetime.fromisoformat(created), uuid.UUID(invoice_id)
    except Exception as exc:
        raise ValueError("this cursor is not valid; start again without it") from exc


def cursor_condition(sql_params: list[Any], cursor: str, descending: bool) -> str:
    """Keyset condition for the created_at order (appends its parameters)."""
    created_at, invoice_id = decode_cursor(cursor)
    sql_params.extend([created_at, invoice_id])
    op = "<" if descending else ">"
    return f"(i.created_at, i.id) {op} (${len(sql_params) - 1}, ${len(sql_params)})"
