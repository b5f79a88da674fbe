"""What the gateway builds at start-up and every request uses (held on app.state)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import asyncpg
from faststream.nats import NatsBroker

from invoiceme_common.storage import ObjectStorage
from invoiceme_common.topology import Topology
from invoiceme_gateway.invoices.previews import PreviewRenderer
from invoiceme_gateway.settings import GatewaySettings

if TYPE_CHECKING:
    from invoiceme_gateway.accounts.revocations import RevocationList
    from invoiceme_gateway.accounts.supabase import SupabaseVerifier
    from invoiceme_gateway.live.listener import LiveStatus


@dataclass
class GatewayState:
    settings: GatewaySettings
    topology: Topology
    pool: asyncpg.Pool
    broker: NatsBroker
    storage: ObjectStorage
    supabase: SupabaseVerifier | None = None
    live: LiveStatus | None = None
    previews: PreviewRenderer = field(default_factory=PreviewRenderer)
    # Signed-out tokens and ended sessions in memory (None: every check asks the database).
    revocations: RevocationList | None = None
