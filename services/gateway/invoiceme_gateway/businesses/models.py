"""Request and response models of the business routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator

from invoiceme_gateway.validation import check_own_tax_id

_EXAMPLE: dict[str, Any] = {
    "name": 'שופרסל בע"מ',
    "tax_id": "520022732",
    "aliases": ["Shufersal", "שופרסל דיל"],
    "monthly_limit": 2500.0,
}


class BusinessIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    tax_id: str | None = Field(default=None, description="Israeli ע.מ./ח.פ. (validated)")
    aliases: list[str] = Field(default_factory=list, max_length=100)
    monthly_limit: float | None = Field(
        default=None, ge=0, le=999_999_999, description="Budget per month in your base currency"
    )
    display_order: int | None = Field(default=None, ge=0, le=1_000_000)

    model_config = {"json_schema_extra": {"examples": [_EXAMPLE]}}

    @field_validator("tax_id")
    @classmethod
    def _tax_id(cls, value: str | None) -> str | None:
        return check_own_tax_id(value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        if value is None:  # a patch that leaves the name alone
            return None
        if not value.strip():
            raise ValueError("a business needs a name")
        return value.strip()

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: list[str]) -> list[str]:
        return [alias.strip()[:200] for alias in value if alias.strip()]


class BusinessPatch(BusinessIn):
    name: str | None = Field(default=None, min_length=1, max_length=200)  # type: ignore[assignment]  # optional in a patch

    model_config = {
        "json_schema_extra": {"examples": [{"monthly_limit": 3000.0, "aliases": ["Shufersal Deal"]}]}
    }


class BusinessOut(BaseModel):
    id: uuid.UUID
    name: str
    tax_id: str | None
    aliases: list[str]
    monthly_limit: float | None
    display_order: int
    invoice_count: int
    created_at: datetime
    updated_at: datetime

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": "5d7c9a2e-3f0b-4a51-9f3e-0f7d2b8a1c44",
                    "name": 'שופרסל בע"מ',
                    "tax_id": "520022732",
                    "aliases": ["Shufersal"],
                    "monthly_limit": 2500.0,
                    "display_order": 0,
                    "invoice_count": 12,
                    "created_at": "2026-01-05T09:30:00Z",
                    "updated_at": "2026-02-01T08:00:00Z",
                }
            ]
        }
    }


class Reorder(BaseModel):
    ids: list[uuid.UUID] = Field(min_length=1, description="Business ids in the order to show them")


class MergeIn(BaseModel):
    source_id: uuid.UUID = Field(description="This business is merged into the one in the path, then deleted")


class DeleteResult(BaseModel):
    deleted_invoices: int
    unassigned_invoices: int
