"""Request and response models of the business routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

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


class BusinessList(BaseModel):
    items: list[BusinessOut] = Field(description="One page in display order")
    total: int = Field(description="How many businesses match in all (every page)")
    limit: int
    offset: int


class Reorder(BaseModel):
    ids: list[uuid.UUID] = Field(
        min_length=1,
        max_length=10_000,
        description="Business ids in the order to show them; they take the places they hold now, so "
        "one page's ids reorder that page and the other businesses keep their places",
    )


class Move(BaseModel):
    """Exactly one of before/after: the business moves right next to that one, on any page."""

    before: uuid.UUID | None = None
    after: uuid.UUID | None = None

    model_config = {"json_schema_extra": {"examples": [{"before": "5d7c9a2e-3f0b-4a51-9f3e-0f7d2b8a1c44"}]}}

    @model_validator(mode="after")
    def _one_anchor(self) -> Move:
        if (self.before is None) == (self.after is None):
            raise ValueError("give exactly one of before or after")
        return self

    def anchor(self) -> tuple[uuid.UUID, bool]:
        """(the other business, whether to go after it)."""
        if self.after is not None:
            return self.after, True
        return self.before, False  # type: ignore[return-value]  # the validator guarantees one


class MergeIn(BaseModel):
    source_id: uuid.UUID = Field(description="This business is merged into the one in the path, then deleted")


class DeleteResult(BaseModel):
    deleted_invoices: int
    unassigned_invoices: int
