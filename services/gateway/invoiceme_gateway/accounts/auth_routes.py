from __future__ import annotations

import uuid
from datetime import timedelta

import asyncpg
from fastapi import APIRouter, Request
from pydantic import BaseModel, EmailStr, Field, field_validator

from invoiceme_gateway.accounts import repository as accounts
from invoiceme_gateway.accounts.security import (
    UNKNOWN_USER_HASH,
    hash_password,
    issue_access_token,
    new_refresh_token,
    refresh_token_hash,
    verify_password,
)
from invoiceme_gateway.deps import State, User, client_address
from invoiceme_gateway.errors import ApiError
from invoiceme_gateway.validation import check_currency, check_own_tax_id

router = APIRouter(prefix="/api/auth", tags=["auth"])


class Credentials(BaseModel):
    email: EmailStr
    password: str = Field(min_length=8, max_length=256)

    model_config = {
        "json_schema_extra": {"examples": [{"email": "dana@example.co.il", "password": "s3cret-pass"}]}
    }


class Signup(Credentials):
    full_name: str = Field(default="", max_length=200)
    business_id: str | None = Field(default=None, description="Your own ע.מ./ח.פ. (9 digits, check digit)")
    base_currency: str = Field(default="ILS", description="ISO 4217; analytics are shown in it")

    @field_validator("business_id")
    @classmethod
    def _tax_id(cls, value: str | None) -> str | None:
        return check_own_tax_id(value)

    @field_validator("base_currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        return check_currency(value)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "email": "dana@example.co.il",
                    "password": "s3cret-pass",
                    "full_name": "דנה כהן",
                    "business_id": "516179157",
                    "base_currency": "ILS",
                }
            ]
        }
    }


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=16, max_length=200)


class LogoutIn(BaseModel):
    refresh_token: str | None = Field(default=None, description="Also end this refresh token's session")


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "access_token": "eyJhbGciOiJIUzI1NiIs...",
                    "token_type": "bearer",
                    "expires_in": 43200,
                    "refresh_token": "f3V0...opaque",
                }
            ]
        }
    }


async def _tokens(
    state: State,
    user_id: uuid.UUID,
    tenant_id: uuid.UUID,
    family_id: uuid.UUID | None = None,
    conn: asyncpg.Connection | None = None,
) -> TokenOut:
    ttl = timedelta(minutes=state.settings.jwt_ttl_minutes)
    refresh, refresh_hash = new_refresh_token()
    await accounts.store_refresh(
        conn or state.pool,
        refresh_hash,
        family_id or uuid.uuid4(),
        user_id,
        tenant_id,
        timedelta(days=state.settings.refresh_ttl_days),
    )
    return TokenOut(
        access_token=issue_access_token(state.settings.jwt_secret, user_id, tenant_id, ttl),
        expires_in=int(ttl.total_seconds()),
        refresh_token=refresh,
    )


@router.post(
    "/signup",
    status_code=201,
    response_model=TokenOut,
    summary="Create an account (and its tenant)",
    responses={409: {"description": "The email already has an account"}},
)
async def signup(body: Signup, state: State) -> TokenOut:
    try:
        async with state.pool.acquire() as conn:
            user_id, tenant_id = await accounts.create_account(
                conn,
                body.email.lower(),
                hash_password(body.password),
                body.full_name.strip(),
                body.business_id,
                body.base_currency,
            )
    except asyncpg.UniqueViolationError as exc:
        raise ApiError(409, "an account with this email already exists; log in instead") from exc
    return await _tokens(state, user_id, tenant_id)


@router.post(
    "/login",
    response_model=TokenOut,
    summary="Log in with email and password",
    responses={
        401: {"description": "Wrong email or password"},
        429: {"description": "Too many failed attempts; see Retry-After"},
    },
)
async def login(body: Credentials, state: State, request: Request) -> TokenOut:
    email, address = body.email.lower(), client_address(request)
    wait = await accounts.locked_for(state.pool, email, address)
    if wait:
        raise _too_many(wait)
    row = await accounts.find_login(state.pool, email)
    # Unknown emails cost a hash check too, so timing does not tell which emails have accounts.
    password_hash = row["password_hash"] if row is not None else UNKNOWN_USER_HASH
    if not verify_password(password_hash, body.password) or row is None:
        settings = state.settings
        wait = await accounts.record_failure(
            state.pool, email, address, settings.login_max_failures, settings.login_lockout_seconds
        )
        if wait:
            raise _too_many(wait)
        raise ApiError(401, "wrong email or password")
    await accounts.clear_failures(state.pool, email, address)
    return await _tokens(state, row["id"], row["tenant_id"])


def _too_many(seconds: int) -> ApiError:
    return ApiError(
        429,
        f"too many failed log-ins; try again in {seconds} seconds",
        details={"retry_after_seconds": seconds},
        headers={"Retry-After": str(seconds)},
    )


@router.post(
    "/refresh",
    response_model=TokenOut,
    summary="Swap a refresh token for new tokens (rotated)",
    responses={401: {"description": "Unknown, expired, revoked or already used refresh token"}},
)
async def refresh(body: RefreshIn, state: State) -> TokenOut:
    async with state.pool.acquire() as conn:
        async with conn.transaction():
            outcome, row = await accounts.consume_refresh(conn, refresh_token_hash(body.refresh_token))
            if outcome == "ok" and row is not None:
                return await _tokens(state, row["user_id"], row["tenant_id"], row["family_id"], conn)
    if outcome == "reused":
        raise ApiError(
            401,
            "this refresh token was already used, so every session it started has been ended; log in again",
            code="refresh_token_reused",
        )
    raise ApiError(401, "your session has expired or was ended; log in again")


@router.post(
    "/logout", status_code=204, summary="Revoke the access token (and the given refresh token's session)"
)
async def logout(user: User, state: State, body: LogoutIn | None = None) -> None:
    await accounts.revoke_access_token(state.pool, user.claims.token_id, user.claims.expires_at)
    if body and body.refresh_token:
        row = await state.pool.fetchrow(
            "SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1",
            refresh_token_hash(body.refresh_token),
        )
        if row is not None and row["user_id"] == user.user_id:
            await accounts.revoke_family(state.pool, row["family_id"])
