"""How S3 failures are sorted: transient (retry) or not, and the words an operator reads for them."""

from __future__ import annotations

from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    EndpointConnectionError,
    NoCredentialsError,
)
from botocore.exceptions import ConnectTimeoutError as BotoConnectTimeout
from botocore.exceptions import ReadTimeoutError as BotoReadTimeout

_TRANSIENT_CODES = {
    "SlowDown",
    "RequestTimeout",
    "RequestTimeTooSkewed",
    "InternalError",
    "ServiceUnavailable",
}
_CONNECTION_ERRORS = (EndpointConnectionError, ConnectionClosedError, BotoConnectTimeout, BotoReadTimeout)
_DENIED_CODES = {"403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken"}


def _code_and_status(exc: ClientError) -> tuple[str, int]:
    code = str(exc.response.get("Error", {}).get("Code", ""))
    return code, int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))


def is_transient(exc: BaseException) -> bool:
    """Worth another try: the connection failed, or the server said 5xx / slow down."""
    if isinstance(exc, _CONNECTION_ERRORS):
        return True
    if isinstance(exc, ClientError):
        code, status = _code_and_status(exc)
        return status >= 500 or code in _TRANSIENT_CODES
    return False


def is_missing_object(exc: ClientError) -> bool:
    return _code_and_status(exc)[0] in ("NoSuchKey", "404")


def unavailable_reason(exc: BaseException, where: str, endpoint: str) -> str:
    """Which of missing bucket, refused credentials or unreachable endpoint, for /health and logs."""
    if isinstance(exc, ClientError):
        code, status = _code_and_status(exc)
        if code in ("NoSuchBucket", "404"):
            return f"{where} does not exist (create it, or fix S3_BUCKET)"
        if code in _DENIED_CODES or status == 403:
            return (
                f"{where} refused the credentials ({code or status}): check AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY, and that they may use this bucket"
            )
        return f"{where} answered {code or 'an error'} (HTTP {status})"
    if isinstance(exc, NoCredentialsError):
        return f"no credentials for {where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    if isinstance(exc, _CONNECTION_ERRORS):
        return f"cannot reach {endpoint} ({type(exc).__name__}); check S3_ENDPOINT_URL"
    return f"{where}: {exc}"
