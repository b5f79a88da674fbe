from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, EmailStr, Field, field_validator

from invoiceme_common.bus import publish_event
from invoiceme_common.events import TenantSettingsChanged
from invoiceme_gateway.accounts import repository as accounts
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses
from invoiceme_gateway.validation import check_currency, check_own_tax_id

router = APIRouter(prefix="/api/me", tags=["account"], responses=error_responses())


class Me(BaseModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    email: EmailStr
    full_name: str
    business_id: str | None = Field(description="Your own ע.מ./ח.פ.")
    base_currency: str
    created_at: datetime

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": "8c1f2b7e-0d7a-4a8e-9c55-3f7b1d2e4a10",
                    "tenant_id": "b2d5e3c1-6f4a-4d2b-8e1f-9a0c7b6d5e43",
                    "email": "dana@example.co.il",
                    "full_name": "דנה כהן",
                    "business_id": "516179157",
                    "base_currency": "ILS",
                    "created_at": "2026-01-05T09:30:00Z",
                }
            ]
        }
    }


class MePatch(BaseModel):
    full_name: str | None = Field(default=None, max_length=200)
    business_id: str | None = Field(default=None, description="Your ע.מ./ח.פ.; empty string clears it")
    base_currency: str | None = None

    model_config = {"json_schema_extra": {"examples": [{"full_name": "דנה כהן", "base_currency": "USD"}]}}

    @field_validator("business_id")
    @classmethod
    def _tax_id(cls, value: str | None) -> str | None:
        return "" if value == "" else check_own_tax_id(value)

    @field_validator("base_currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        return None if value is None else check_currency(value)


async def _me(state: State, user: User) -> Me:
    row = await accounts.get_profile(state.pool, user.user_id, user.tenant_id)
    if row is None:
        raise ApiError(401, "this account no longer exists")
    return Me(
        id=row["id"],
        tenant_id=row["tenant_id"],
        email=row["email"],
        full_name=row["full_name"],
        business_id=row["business_tax_id"],
        base_currency=row["base_currency"],
        created_at=row["created_at"],
    )


@router.get("", response_model=Me, summary="Your profile and tenant settings")
async def get_me(user: User, state: State) -> Me:
    return await _me(state, user)


@router.patch(
    "",
    response_model=Me,
    summary="Change name, business id or base currency",
    description="Changing the base currency publishes `TenantSettingsChanged`, so analytics "
    "recompute every figure in the new currency.",
)
async def patch_me(body: MePatch, user: User, state: State) -> Me:
    before = await _me(state, user)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    if "business_id" in changes:
        changes["business_id"] = changes["business_id"] or None
    if "full_name" in changes:
        changes["full_name"] = changes["full_name"].strip()
    async with state.pool.acquire() as conn, conn.transaction():
        await accounts.update_profile(conn, user.user_id, user.tenant_id, changes)
    new_currency = changes.get("base_currency")
    if new_currency and new_currency != before.base_currency:
        event = TenantSettingsChanged(
            tenant_id=user.tenant_id, base_currency=new_currency, previous_base_currency=before.base_currency
        )
        topology = state.topology
        await publish_event(state.broker, event, topology.tenant_settings_changed, topology.stream)
    return await _me(state, user)
