"""Response models of the insight routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class InsightOut(BaseModel):
    id: uuid.UUID
    kind: str = Field(examples=["budget_overrun"])
    severity: str = Field(examples=["critical"])
    period: str | None
    business_id: uuid.UUID | None
    invoice_ids: list[uuid.UUID]
    data: dict[str, Any] = Field(description="The computed numbers the narrative words (strings, 2 decimals)")
    narrative: str = Field(
        examples=["Bezeq is over its monthly budget: 1200.00 of 1000.00 ILS (120%) in 2026-03."]
    )
    narrative_source: str = Field(examples=["template"])
    created_at: datetime
    updated_at: datetime
    read_at: datetime | None
    dismissed_at: datetime | None


class InsightList(BaseModel):
    items: list[InsightOut] = Field(description="One page, most severe first, then most recently updated")
    total: int = Field(description="How many insights match in all (every page)")
    generated_at: datetime | None = Field(
        default=None,
        description="When the detectors last read this account's invoices (null: not yet). A refresh "
        "is done once this is at or after the refresh's requested_at.",
    )


class RefreshQueued(BaseModel):
    """The analytics service will re-run every detector shortly; list insights again to see them."""

    queued: bool = True
    requested_at: datetime = Field(description="The server's clock when the refresh was queued")
