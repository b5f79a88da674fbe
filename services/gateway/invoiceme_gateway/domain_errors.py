"""Why a use case refused, in words a person understands; no HTTP here.

Services and repositories raise these; `errors.py` is the one place that turns them into HTTP
statuses and the API's error shape, so a use case reads the same from a route, a test or a script.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every refusal. `code` overrides the status's default error code (e.g. duplicate_file)."""

    def __init__(self, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details


class BadRequest(DomainError):
    """The request cannot be served as sent (empty file, too many files)."""


class NotAuthenticated(DomainError):
    """No valid session: sign in (again)."""


class Forbidden(DomainError):
    """Signed in, but not allowed to do this."""


class NotFound(DomainError):
    """No such thing for this tenant (other tenants' things do not exist either)."""


class Conflict(DomainError):
    """The current state forbids it (a duplicate, a name taken, still being processed)."""


class TooLarge(DomainError):
    """The upload is larger than allowed."""


class UnsupportedMedia(DomainError):
    """Not a file type we read or draw."""


class InvalidInput(DomainError):
    """A value is wrong; the message says which and why."""


class TooManyAttempts(DomainError):
    """Slow down: try again after `retry_after_seconds`."""

    def __init__(self, message: str, retry_after_seconds: int) -> None:
        super().__init__(message, details={"retry_after_seconds": retry_after_seconds})
        self.retry_after_seconds = retry_after_seconds


class Unavailable(DomainError):
    """A dependency (the message bus, storage) is down; try again later."""
