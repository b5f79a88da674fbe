"""The signed-in user's profile and tenant settings."""

from __future__ import annotations

from fastapi import APIRouter

from invoiceme_gateway.accounts import service
from invoiceme_gateway.accounts.models import Me, MePatch
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import error_responses

router = APIRouter(prefix="/api/me", tags=["account"], responses=error_responses())


@router.get("", response_model=Me, summary="Your profile and tenant settings")
async def get_me(user: User, state: State) -> Me:
    return await service.profile(state, user)


@router.patch(
    "",
    response_model=Me,
    summary="Change name, business id or base currency",
    description="Changing the base currency publishes `TenantSettingsChanged`, so analytics "
    "recompute every figure in the new currency.",
)
async def patch_me(body: MePatch, user: User, state: State) -> Me:
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    return await service.update_profile(state, user, changes)
