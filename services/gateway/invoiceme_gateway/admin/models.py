"""Response models of the operator routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class DeadLetterOut(BaseModel):
    id: int
    consumer: str
    subject: str
    tenant_id: uuid.UUID | None
    invoice_id: uuid.UUID | None
    error: str
    attempts: int
    created_at: datetime
    replayed_at: datetime | None


class Replayed(BaseModel):
    id: int
    subject: str


class StalledOut(BaseModel):
    """An invoice still in the pipeline that has not moved for longer than RECONCILE_AFTER_SECONDS."""

    id: uuid.UUID
    tenant_id: uuid.UUID
    status: str
    pipeline_run: int
    status_changed_at: datetime
    stalled_seconds: float
    redriven_count: int = Field(description="How often the reconciler re-drove it from its last durable step")
    last_redriven_at: datetime | None


class Reconciled(BaseModel):
    redriven: list[uuid.UUID]


class ReplayRequest(BaseModel):
    """Run a stage again for a selection. ocr/extract start a new pipeline run (the results are new
    versions; earlier extractions stay in the history); analytics re-apply each invoice's current row."""

    stage: Literal["ocr", "extract", "analytics"]
    tenant_id: uuid.UUID | None = None
    invoice_id: uuid.UUID | None = None
    since: datetime | None = Field(default=None, description="Only invoices uploaded at or after this time")
    provider: str | None = Field(default=None, description="Extraction provider for the extract stage")


class ReplayQueued(BaseModel):
    stage: str
    invoices: int
