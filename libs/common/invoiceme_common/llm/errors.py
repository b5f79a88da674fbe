"""Why an LLM call gave no usable answer; RetryableError is worth another attempt."""

from __future__ import annotations


class ProviderError(Exception):
    """This provider could not give an answer (after its own retries): try the next one."""


class RetryableError(ProviderError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class InvalidModelOutput(RetryableError):
    """The model answered, but not with a JSON object we can use."""
