"""Per-tenant quota on actions that may call a remote LLM (re-extract, insights refresh), so one
tenant cannot spend the install's whole (free-tier) LLM budget. A leaky bucket per tenant, in the
same table and with the same atomic take as the log-in limits."""

from __future__ import annotations

import uuid

from invoiceme_gateway.accounts.rate_limits import Limit
from invoiceme_gateway.accounts.repository import take
from invoiceme_gateway.domain_errors import TooManyAttempts
from invoiceme_gateway.state import GatewayState

OFFLINE_PROVIDERS = frozenset({"rules"})


async def spend_llm_action(state: GatewayState, tenant_id: uuid.UUID) -> None:
    """Take one LLM action from the tenant's quota; TooManyAttempts (429) when it is used up."""
    settings = state.settings
    limit = Limit(settings.tenant_llm_burst, settings.tenant_llm_refill_seconds)
    wait = await take(state.pool, f"llm:tenant:{tenant_id}", limit)
    if wait:
        raise TooManyAttempts(
            f"your account used its share of AI processing for now; try again in {wait} seconds", wait
        )
