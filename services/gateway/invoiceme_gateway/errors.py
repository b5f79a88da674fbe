"""One JSON error shape for every failure: {"error": {"code", "message", "details"?}}; the one place
where domain errors become HTTP statuses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from invoiceme_common.logging import get_logger
from invoiceme_common.storage import StorageUnavailable
from invoiceme_gateway.domain_errors import (
    BadRequest,
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    TooLarge,
    TooManyAttempts,
    Unavailable,
    UnsupportedMedia,
)

log = get_logger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_requests",
    503: "unavailable",
}


_STATUS: dict[type[DomainError], int] = {
    BadRequest: 400,
    NotAuthenticated: 401,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    TooLarge: 413,
    UnsupportedMedia: 415,
    InvalidInput: 422,
    TooManyAttempts: 429,
    Unavailable: 503,
}


@dataclass(frozen=True)
class HttpError:
    """A domain error as the API answers it."""

    status: int
    code: str
    message: str
    details: Any = None
    headers: dict[str, str] | None = None


def to_http(exc: DomainError) -> HttpError:
    """The one translation from domain errors to HTTP (status, error code, headers)."""
    status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
    headers = None
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    code = exc.code or _CODES.get(status, "error")
    return HttpError(status, code, exc.message, exc.details, headers)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def install_error_handlers(app: FastAPI) -> None:
    install_fallback_handler(app)
    install_openapi_error_shape(app)

    @app.exception_handler(DomainError)
    async def _domain_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        error = to_http(exc)
        return JSONResponse(
            error_body(error.code, error.message, error.details),
            status_code=error.status,
            headers=error.headers,
        )

    @app.exception_handler(StorageUnavailable)
    async def _storage_unavailable(_: Request, exc: StorageUnavailable) -> JSONResponse:
        # Downloads, previews, exports: the reason goes to the log and /health, not to users.
        message = "the file store is unavailable; try again in a few minutes"
        return JSONResponse(error_body("storage_unavailable", message), status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in err["loc"] if p != "body"), "message": err["msg"]}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems) or "invalid input"
        return JSONResponse(error_body("invalid_input", summary, problems), status_code=422)


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no such invoice"])
    details: Any = None


class ErrorOut(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the given statuses, all with the one error shape."""
    wanted = set(statuses) | {401, 422}
    return {
        status: {"model": ErrorOut, "description": _CODES.get(status, "error").replace("_", " ")}
        for status in sorted(wanted)
    }


def install_fallback_handler(app: FastAPI) -> None:
    @app.exception_handler(asyncpg.DataError)
    async def _unstorable_value(_: Request, exc: Exception) -> JSONResponse:
        # Postgres refused a value the request carried (a NUL character in text, a number out of range):
        # the request's fault, whatever route it took; the database's wording stays in the logs.
        log.info("value_refused_by_database", error=str(exc)[:200])
        message = (
            "a value in the request cannot be stored: text with NUL characters, or a number out of range"
        )
        return JSONResponse(error_body("bad_request", message), status_code=400)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(
            error_body("internal_error", "something went wrong on our side; try again"), status_code=500
        )


_PUBLIC = ("/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/config")


def install_openapi_error_shape(app: FastAPI) -> None:
    """Document the one error shape on every route: FastAPI's own 422 schema is replaced (our
    handler never returns it), and every authenticated route lists 401 and 500."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (ErrorDetail, ErrorOut):
            components[model.__name__] = model.model_json_schema(ref_template="#/components/schemas/{model}")
        error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                if "422" in responses:
                    responses["422"] = {"description": "invalid input", "content": error_ref}
                if path.startswith("/api/") and path not in _PUBLIC:
                    responses.setdefault("401", {"description": "unauthorized", "content": error_ref})
                responses.setdefault("500", {"description": "internal error", "content": error_ref})
                for status, response in responses.items():
                    if status[0] in "45":
                        response["content"] = error_ref
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI documents this override
