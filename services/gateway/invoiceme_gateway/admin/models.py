"""Response models of the operator routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel


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
