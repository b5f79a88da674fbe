"""The port every extraction engine implements (the transport and its errors live in
invoiceme_common.llm)."""

from __future__ import annotations

from typing import Any, Protocol

from invoiceme_common.llm.errors import InvalidModelOutput, ProviderError, RetryableError

__all__ = ["InvalidModelOutput", "LlmProvider", "ProviderError", "RetryableError"]


class LlmProvider(Protocol):
    """Turns invoice text into a dict of contract fields (raw, not yet normalized)."""

    name: str

    async def extract(self, text: str) -> dict[str, Any]: ...
