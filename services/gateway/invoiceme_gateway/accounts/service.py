"""Account use cases: sign-up, log-in with brute-force lock-out, rotated refresh tokens, sign-out,
the profile, and turning a bearer token into the signed-in user."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from invoiceme_common import outbox
from invoiceme_common.events import TenantSettingsChanged
from invoiceme_gateway.accounts import repository as accounts
from invoiceme_gateway.accounts.emails import normalize_email
from invoiceme_gateway.accounts.models import Me, Signup, TokenOut
from invoiceme_gateway.accounts.rate_limits import (
    Limit,
    login_account_key,
    login_address_key,
    signup_address_key,
)
from invoiceme_gateway.accounts.revocations import RevocationList, token_payload
from invoiceme_gateway.accounts.security import (
    UNKNOWN_USER_HASH,
    InvalidToken,
    TokenClaims,
    check_password,
    decode_access_token,
    issue_access_token,
    new_password_hash,
    new_refresh_token,
    refresh_token_hash,
)
from invoiceme_gateway.domain_errors import Conflict, NotAuthenticated, TooManyAttempts
from invoiceme_gateway.state import GatewayState

_EXTERNAL_TOKEN_NS = uuid.UUID("0b6f5bb2-5f43-4c0a-bf4e-2a3e7c2d9a11")


@dataclass(frozen=True)
class CurrentUser:
    claims: TokenClaims

    @property
    def tenant_id(self) -> uuid.UUID:
        return self.claims.tenant_id

    @property
    def user_id(self) -> uuid.UUID:
        return self.claims.user_id


async def issue_tokens(
    state: GatewayState,
    user_id: uuid.UUID,
    tenant_id: uuid.UUID,
    family_id: uuid.UUID | None = None,
    conn: asyncpg.Connection | None = None,
) -> TokenOut:
    ttl = timedelta(minutes=state.settings.jwt_ttl_minutes)
    refresh, refresh_hash = new_refresh_token()
    family_id = family_id or uuid.uuid4()
    await accounts.store_refresh(
        conn or state.pool,
        refresh_hash,
        family_id,
        user_id,
        tenant_id,
        timedelta(days=state.settings.refresh_ttl_days),
    )
    return TokenOut(
        access_token=issue_access_token(
            state.settings.jwt_secret.get_secret_value(), user_id, tenant_id, ttl, family_id
        ),
        expires_in=int(ttl.total_seconds()),
        refresh_token=refresh,
    )


async def signup(state: GatewayState, body: Signup, address: str) -> TokenOut:
    settings = state.settings
    limit = Limit(settings.signup_address_burst, settings.signup_address_refill_seconds)
    wait = await accounts.take(state.pool, signup_address_key(address), limit)
    if wait:
        raise _too_many("sign-ups from your address", wait)
    password_hash = await new_password_hash(body.password)
    try:
        async with state.pool.acquire() as conn:
            user_id, tenant_id = await accounts.create_account(
                conn,
                normalize_email(body.email),
                password_hash,
                body.full_name.strip(),
                body.business_id,
                body.base_currency,
            )
    except asyncpg.UniqueViolationError as exc:
        raise Conflict("an account with this email already exists; log in instead") from exc
    return await issue_tokens(state, user_id, tenant_id)


def _too_many(what: str, seconds: int) -> TooManyAttempts:
    return TooManyAttempts(f"too many {what}; try again in {seconds} seconds", seconds)


async def login(state: GatewayState, email: str, password: str, address: str) -> TokenOut:
    """Each attempt first takes one from its address's bucket and one from the account's (atomic, so
    parallel guesses cannot pass the limit); a success empties the account's bucket again."""
    email = normalize_email(email)
    settings = state.settings
    address_limit = Limit(settings.login_address_burst, settings.login_address_refill_seconds)
    wait = await accounts.take(state.pool, login_address_key(address), address_limit)
    if wait:
        raise _too_many("log-in attempts from your address", wait)
    account_limit = Limit(settings.login_account_burst, settings.login_account_refill_seconds)
    wait = await accounts.take(state.pool, login_account_key(email), account_limit)
    if wait:
        raise _too_many("failed log-ins for this account", wait)
    row = await accounts.find_login(state.pool, email)
    # Unknown emails cost a hash check too, so timing does not tell which emails have accounts.
    password_hash = row["password_hash"] if row is not None else UNKNOWN_USER_HASH
    if not await check_password(password_hash, password) or row is None:
        raise NotAuthenticated("wrong email or password")
    await accounts.forget(state.pool, login_account_key(email))
    return await issue_tokens(state, row["id"], row["tenant_id"])


async def refresh(state: GatewayState, refresh_token: str) -> TokenOut:
    async with state.pool.acquire() as conn:
        async with conn.transaction():
            outcome, row = await accounts.consume_refresh(conn, refresh_token_hash(refresh_token))
            if outcome == "ok" and row is not None:
                return await issue_tokens(state, row["user_id"], row["tenant_id"], row["family_id"], conn)
    if outcome == "reused":
        if state.revocations is not None and row is not None:
            state.revocations.record_family(row["family_id"])  # others hear its NOTIFY
        raise NotAuthenticated(
            "this refresh token was already used, so every session it started has been ended; log in again",
            code="refresh_token_reused",
        )
    raise NotAuthenticated("your session has expired or was ended; log in again")


async def logout(state: GatewayState, user: CurrentUser, refresh_token: str | None) -> None:
    """Ends the token, its whole session family (every access and refresh token of that sign-in, and
    the live streams they opened), and the given refresh token's family."""
    claims = user.claims
    families = [claims.family_id] if claims.family_id is not None else []
    if refresh_token:
        row = await accounts.find_refresh(state.pool, refresh_token_hash(refresh_token))
        if row is not None and row["user_id"] == user.user_id:
            families.append(row["family_id"])
    revocations = state.revocations or RevocationList(state.settings.database_url)  # never started
    with revocations.announcing(token_payload(claims.token_id, claims.expires_at)) as heard:
        async with state.pool.acquire() as conn, conn.transaction():  # one commit sends every NOTIFY
            await accounts.revoke_access_token(conn, claims.token_id, claims.expires_at)
            for family_id in families:
                await accounts.revoke_family(conn, family_id)
        revocations.record_token(claims.token_id, claims.expires_at)  # refused here at once
        for family_id in families:
            revocations.record_family(family_id)
        # Answer once our own copy of the NOTIFY is back: the other processes' are on their way.
        await revocations.wait_heard(heard, within_seconds=1.0)


async def profile(state: GatewayState, user: CurrentUser) -> Me:
    row = await accounts.get_profile(state.pool, user.user_id, user.tenant_id)
    if row is None:
        raise NotAuthenticated("this account no longer exists")
    return Me(
        id=row["id"],
        tenant_id=row["tenant_id"],
        email=row["email"],
        full_name=row["full_name"],
        business_id=row["business_tax_id"],
        base_currency=row["base_currency"],
        created_at=row["created_at"],
    )


async def update_profile(state: GatewayState, user: CurrentUser, changes: dict[str, Any]) -> Me:
    """A new base currency publishes TenantSettingsChanged so analytics recompute every figure."""
    before = await profile(state, user)
    if "business_id" in changes:
        changes["business_id"] = changes["business_id"] or None
    if "full_name" in changes:
        changes["full_name"] = changes["full_name"].strip()
    async with state.pool.acquire() as conn, conn.transaction():
        await accounts.update_profile(conn, user.user_id, user.tenant_id, changes)
        new_currency = changes.get("base_currency")
        if new_currency and new_currency != before.base_currency:
            event = TenantSettingsChanged(
                tenant_id=user.tenant_id,
                base_currency=new_currency,
                previous_base_currency=before.base_currency,
            )
            topology = state.topology
            await outbox.add(conn, event, topology.tenant_settings_changed, topology.stream)
    return await profile(state, user)


async def _supabase_claims(state: GatewayState, token: str) -> TokenClaims:
    """A valid Supabase token signs its user in; the first time, it links to the local account with
    the same email only when Supabase verified that email, else a local account is created."""
    assert state.supabase is not None
    identity = await state.supabase.verify(token)
    email = normalize_email(identity.email) if identity.email else None
    row = await accounts.find_external(
        state.pool, identity.subject, email if identity.email_verified else None
    )
    if row is None:
        if not email:
            raise InvalidToken("the Supabase token carries no email")
        unusable_password = await new_password_hash(uuid.uuid4().hex)  # signs in through Supabase only
        async with state.pool.acquire() as conn:
            try:
                user_id, tenant_id = await accounts.create_account(
                    conn,
                    email,
                    unusable_password,
                    identity.full_name,
                    None,
                    "ILS",
                    external_subject=identity.subject,
                )
            except asyncpg.UniqueViolationError as exc:  # the email has an account: no proof to link it
                raise InvalidToken(
                    "an account with this email exists; verify the email with Supabase"
                ) from exc
    else:
        user_id, tenant_id = row["id"], row["tenant_id"]
    token_id = uuid.uuid5(_EXTERNAL_TOKEN_NS, identity.token_id or token)
    return TokenClaims(user_id, tenant_id, token_id, datetime.fromtimestamp(identity.expires_at, UTC))


async def authenticate(state: GatewayState, token: str | None) -> CurrentUser:
    if not token:
        raise NotAuthenticated("sign in first: send 'Authorization: Bearer <token>'")
    try:
        try:
            claims = decode_access_token(state.settings.jwt_secret.get_secret_value(), token)
        except InvalidToken:
            if state.supabase is None:
                raise
            claims = await _supabase_claims(state, token)
    except InvalidToken as exc:
        raise NotAuthenticated("your session is invalid or has expired; sign in again") from exc
    if not await session_alive(state, claims):
        raise NotAuthenticated("you have signed out; sign in again")
    return CurrentUser(claims)


async def session_alive(state: GatewayState, claims: TokenClaims) -> bool:
    """False once the token expired, was signed out, or its session family was revoked (a reused
    refresh token, a log-out): long-lived connections ask this again while they stay open."""
    if claims.expires_at <= datetime.now(UTC):
        return False
    known = state.revocations.revoked(claims.token_id, claims.family_id) if state.revocations else None
    if known is not None:  # the in-memory list is current: no database round trip
        return not known
    return not await accounts.is_revoked(state.pool, claims.token_id, claims.family_id)


async def is_admin(state: GatewayState, user: CurrentUser) -> bool:
    """Operators are the accounts granted the role with `invoiceme admin grant EMAIL`."""
    return await accounts.is_admin(state.pool, user.user_id)
