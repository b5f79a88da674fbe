from __future__ import annotations

from collections import defaultdict

from fastapi import APIRouter
from pydantic import BaseModel

from ..deps import State, User

router = APIRouter(prefix="/api/analytics", tags=["analytics"])


class AggregateRow(BaseModel):
    key: str
    currency: str
    count: int
    total: float


class Summary(BaseModel):
    by_vendor: list[AggregateRow]
    by_month: list[AggregateRow]
    by_currency: list[AggregateRow]


@router.get("/summary", response_model=Summary, summary="Per-vendor, per-month and per-currency count and sum")
async def summary(user: User, state: State) -> Summary:
    rows = await state.pool.fetch(
        """SELECT dimension, key, currency, invoice_count, total_sum FROM analytics_aggregates
           WHERE tenant_id = $1 ORDER BY dimension, key, currency""",
        user.tenant_id,
    )
    grouped: dict[str, list[AggregateRow]] = defaultdict(list)
    for row in rows:
        grouped[row["dimension"]].append(
            AggregateRow(key=row["key"], currency=row["currency"], count=row["invoice_count"],
                         total=float(row["total_sum"]))
        )
    return Summary(by_vendor=grouped["vendor"], by_month=grouped["month"], by_currency=grouped["currency"])
