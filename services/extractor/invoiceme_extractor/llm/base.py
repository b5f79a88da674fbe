"""The port every extraction engine implements, and the errors that make the chain fall back."""

from __future__ import annotations

from typing import Any, Protocol


class ProviderError(Exception):
    """This provider could not give an answer (after its own retries): try the next one."""


class RetryableError(ProviderError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class InvalidModelOutput(RetryableError):
    """The model answered, but not with a JSON object we can use."""


class LlmProvider(Protocol):
    """Turns invoice text into a dict of contract fields (raw, not yet normalized)."""

    name: str

    async def extract(self, text: str) -> dict[str, Any]: ...
