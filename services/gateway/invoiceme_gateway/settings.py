from __future__ import annotations

import secrets

from pydantic import Field, model_validator

from invoiceme_common.settings import CommonSettings

_PLACEHOLDERS = {"", "changeme", "change-me", "secret", "dev", "please-change-me", "jwt-secret"}


class GatewaySettings(CommonSettings):
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    jwt_secret: str = ""
    jwt_ttl_minutes: int = Field(default=60 * 12, ge=1)
    max_upload_mb: float = Field(default=25.0, gt=0)
    max_batch_files: int = Field(default=20, ge=1)
    # Largest body of any request other than an upload (JSON edits, log-in...), in KB.
    max_request_kb: int = Field(default=256, ge=1)
    refresh_ttl_days: int = Field(default=30, ge=1)
    # Brute-force protection: failures of one email (from one address) before a lock-out.
    login_max_failures: int = Field(default=5, ge=1)
    login_lockout_seconds: int = Field(default=60, ge=1)
    # Optional Supabase-issued JWTs: a JWKS URL (RS256/ES256) or the project's HS256 secret.
    supabase_jwks_url: str = ""
    supabase_jwt_secret: str = ""
    supabase_jwt_audience: str = "authenticated"
    supabase_jwt_issuer: str = ""
    # Browser origins (comma-separated) of a web app hosted elsewhere that may call the API; also
    # allowed in the Content-Security-Policy's connect-src. Empty: same origin only.
    cors_origins: str = ""
    llm_provider: str = "rules"
    # Page previews drawn at once (each may hold an image of up to OCR_MAX_MEGAPIXELS in memory).
    preview_concurrency: int = Field(default=2, ge=1)
    sse_poll_seconds: float = Field(default=5.0, gt=0)

    @model_validator(mode="after")
    def _refuse_weak_secret(self) -> GatewaySettings:
        weak = self.jwt_secret.strip().lower() in _PLACEHOLDERS or len(self.jwt_secret) < 16
        if weak and self.environment != "development":
            raise ValueError("JWT_SECRET must be set to a random value of 16+ characters outside development")
        if weak:
            # Development only: tokens stop working when the gateway restarts (`make run` persists one).
            self.jwt_secret = secrets.token_urlsafe(32)
        return self

    @property
    def supabase_enabled(self) -> bool:
        return bool(self.supabase_jwks_url or self.supabase_jwt_secret)

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip().rstrip("/") for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 2**20)

    def body_limits(self) -> dict[str, int]:
        """Upload routes' body limits; the multipart envelope around the files gets 1 MB."""
        return {
            "/api/invoices": self.max_upload_bytes + 2**20,
            "/api/invoices/batch": self.max_upload_bytes * self.max_batch_files + 2**20,
        }
