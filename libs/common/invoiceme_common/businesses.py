"""Steps run when an invoice's fields are saved: match its business, flag near-duplicates.

`enrich_saved_invoice` runs in the transaction that saves fields — the extractor's save (so the
InvoiceSaved it queues carries `business_id`) and a user's edit in the gateway — and never on a read.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from typing import Any

import asyncpg

from .vendor_matching import BusinessProfile, MatchDecision, match_business, normalize_text

DUPLICATE_WARNING = "possible_duplicate"


async def load_profiles(
    conn: asyncpg.Connection | asyncpg.Pool, tenant_id: uuid.UUID
) -> list[BusinessProfile]:
    rows = await conn.fetch(
        "SELECT id, name, tax_id, aliases FROM businesses WHERE tenant_id = $1", tenant_id
    )
    return [BusinessProfile(r["id"], r["name"], r["tax_id"], tuple(r["aliases"])) for r in rows]


def candidates_json(decision: MatchDecision) -> list[dict[str, Any]]:
    return [{**asdict(c), "business_id": str(c.business_id)} for c in decision.candidates]


async def assign_business_for_invoice(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID, fields: dict[str, Any]
) -> MatchDecision:
    """Record the matching decision on the invoice (and assign when confident). A user's manual
    assignment is never overridden. Does not bump extraction_version."""
    decision = match_business(
        fields.get("vendor_name"), fields.get("vendor_tax_id"), await load_profiles(conn, tenant_id)
    )
    effective = await conn.fetchrow(
        """UPDATE invoices SET
               business_id = CASE WHEN match_method = 'manual' THEN business_id ELSE $3 END,
               match_method = CASE WHEN match_method = 'manual' THEN match_method ELSE $4 END,
               match_score = CASE WHEN match_method = 'manual' THEN match_score ELSE $5 END,
               match_candidates = $6, matched_version = extraction_version
           WHERE id = $2 AND tenant_id = $1 RETURNING business_id, match_method, match_score""",
        tenant_id,
        invoice_id,
        decision.business_id,
        decision.method,
        decision.score,
        candidates_json(decision),
    )
    if effective is None or effective["match_method"] != "manual":
        return decision
    return replace(
        decision, business_id=effective["business_id"], method="manual", score=effective["match_score"] or 1.0
    )


def duplicate_reason(fields: dict[str, Any], other: dict[str, Any]) -> str | None:
    """Why two invoices of the same business look like the same document, or None."""
    number, other_number = fields.get("invoice_number"), other.get("invoice_number")
    if number and other_number and normalize_text(str(number)) == normalize_text(str(other_number)):
        return "same invoice number"
    total, date = fields.get("total"), fields.get("invoice_date")
    if total is not None and date and other.get("total") is not None and other.get("invoice_date") == date:
        if abs(float(total) - float(other["total"])) < 0.005:
            return "same total and date"
    return None


async def flag_possible_duplicate(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID
) -> uuid.UUID | None:
    """Mark the invoice `possible_duplicate` (warning + link) when another invoice of the same
    business has the same number, or the same total and date. Returns the other invoice's id."""
    row = await conn.fetchrow(
        "SELECT business_id, fields, warnings FROM invoices WHERE id = $1 AND tenant_id = $2",
        invoice_id,
        tenant_id,
    )
    if row is None:
        return None
    warnings = [w for w in row["warnings"] if w.get("code") != DUPLICATE_WARNING]
    duplicate_of: uuid.UUID | None = None
    if row["business_id"] is not None:
        others = await conn.fetch(
            """SELECT id, fields FROM invoices WHERE tenant_id = $1 AND business_id = $2 AND id <> $3
               ORDER BY created_at""",
            tenant_id,
            row["business_id"],
            invoice_id,
        )
        for other in others:
            reason = duplicate_reason(row["fields"], other["fields"])
            if reason:
                duplicate_of = other["id"]
                warnings.append(
                    {
                        "code": DUPLICATE_WARNING,
                        "serious": False,
                        "duplicate_of": str(other["id"]),
                        "link": f"/api/invoices/{other['id']}",
                        "message": f"this may be a duplicate of invoice {other['id']} ({reason})",
                    }
                )
                break
    await conn.execute(
        "UPDATE invoices SET warnings = $3, possible_duplicate_of = $4 WHERE id = $1 AND tenant_id = $2",
        invoice_id,
        tenant_id,
        warnings,
        duplicate_of,
    )
    return duplicate_of


async def enrich_saved_invoice(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID, fields: dict[str, Any]
) -> MatchDecision:
    """Match the business, then flag near-duplicates. Call inside the transaction that saved `fields`."""
    decision = await assign_business_for_invoice(conn, tenant_id, invoice_id, fields)
    await flag_possible_duplicate(conn, tenant_id, invoice_id)
    return decision
