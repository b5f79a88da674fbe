from __future__ import annotations

import uuid
from datetime import timedelta

import asyncpg
from fastapi import APIRouter
from pydantic import BaseModel, EmailStr, Field

from ..deps import State, User
from ..errors import ApiError
from ..security import hash_password, issue_access_token, verify_password

router = APIRouter(prefix="/api/auth", tags=["auth"])


class Credentials(BaseModel):
    email: EmailStr
    password: str = Field(min_length=8, max_length=256, examples=["correct horse battery"])

    model_config = {"json_schema_extra": {"examples": [{"email": "dana@example.co.il", "password": "s3cret-pass"}]}}


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


def _token(state: State, user_id: uuid.UUID, tenant_id: uuid.UUID) -> TokenOut:
    ttl = timedelta(minutes=state.settings.jwt_ttl_minutes)
    return TokenOut(
        access_token=issue_access_token(state.settings.jwt_secret, user_id, tenant_id, ttl),
        expires_in=int(ttl.total_seconds()),
    )


@router.post("/signup", status_code=201, response_model=TokenOut)
async def signup(body: Credentials, state: State) -> TokenOut:
    email = body.email.lower()
    user_id, tenant_id = uuid.uuid4(), uuid.uuid4()
    try:
        async with state.pool.acquire() as conn, conn.transaction():
            await conn.execute("INSERT INTO tenants (id, name) VALUES ($1, $2)", tenant_id, email)
            await conn.execute(
                "INSERT INTO users (id, tenant_id, email, password_hash) VALUES ($1, $2, $3, $4)",
                user_id, tenant_id, email, hash_password(body.password),
            )
    except asyncpg.UniqueViolationError as exc:
        raise ApiError(409, "an account with this email already exists; log in instead") from exc
    return _token(state, user_id, tenant_id)


@router.post("/login", response_model=TokenOut)
async def login(body: Credentials, state: State) -> TokenOut:
    row = await state.pool.fetchrow(
        "SELECT id, tenant_id, password_hash FROM users WHERE email = $1", body.email.lower()
    )
    if row is None or not verify_password(row["password_hash"], body.password):
        raise ApiError(401, "wrong email or password")
    return _token(state, row["id"], row["tenant_id"])


@router.post("/logout", status_code=204)
async def logout(user: User, state: State) -> None:
    await state.pool.execute(
        "INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        user.claims.token_id, user.claims.expires_at,
    )
