from __future__ import annotations

import ipaddress
import secrets

from pydantic import Field, SecretStr, field_validator, model_validator

from invoiceme_common.settings import CommonSettings

_PLACEHOLDERS = {"", "changeme", "change-me", "secret", "dev", "please-change-me", "jwt-secret"}


class GatewaySettings(CommonSettings):
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    # uvicorn worker processes of `python -m invoiceme_gateway` (each with its own pool, LISTEN
    # connections and outbox relay).
    gateway_workers: int = Field(default=1, ge=1, le=32)
    # Database connections the gateway holds at most, in all: shared out among its workers (an
    # upload holds one for a few round trips; 5 per process made 50 concurrent uploads queue).
    gateway_db_connections: int = Field(default=20, ge=2)
    jwt_secret: SecretStr = SecretStr("")
    # Access tokens are short-lived (the web app refreshes them); sessions last REFRESH_TTL_DAYS.
    jwt_ttl_minutes: int = Field(default=15, ge=1, le=60)
    max_upload_mb: float = Field(default=25.0, gt=0)
    max_batch_files: int = Field(default=20, ge=1)
    # Largest body of any request other than an upload (JSON edits, log-in...), in KB.
    max_request_kb: int = Field(default=256, ge=1)
    refresh_ttl_days: int = Field(default=30, ge=1)
    # Rate limits (leaky buckets): a burst of attempts, then one more per refill interval; burst 0 = off.
    # Log-ins of one account from anywhere (a success empties it): the owner waits one interval at most.
    login_account_burst: int = Field(default=10, ge=0)
    login_account_refill_seconds: float = Field(default=30.0, gt=0)
    # Log-ins (right or wrong, any account) from one client address.
    login_address_burst: int = Field(default=30, ge=0)
    login_address_refill_seconds: float = Field(default=2.0, gt=0)
    # Sign-ups from one client address.
    signup_address_burst: int = Field(default=20, ge=0)
    signup_address_refill_seconds: float = Field(default=30.0, gt=0)
    # Actions of one tenant that may call a remote LLM (re-extract, insights refresh); burst 0 = off.
    tenant_llm_burst: int = Field(default=20, ge=0)
    tenant_llm_refill_seconds: float = Field(default=180.0, gt=0)
    # Proxies (comma-separated addresses or CIDR ranges) whose X-Forwarded-For names the client.
    trusted_proxies: str = ""
    # Optional Supabase-issued JWTs: a JWKS URL (RS256/ES256) or the project's HS256 secret.
    supabase_jwks_url: str = ""
    supabase_jwt_secret: SecretStr = SecretStr("")
    supabase_jwt_audience: str = "authenticated"
    supabase_jwt_issuer: str = ""
    # Browser origins (comma-separated) of a web app hosted elsewhere that may call the API; also
    # allowed in the Content-Security-Policy's connect-src. Empty: same origin only.
    cors_origins: str = ""
    llm_provider: str = "rules"
    # Page previews drawn at once (each may hold an image of up to OCR_MAX_MEGAPIXELS in memory).
    preview_concurrency: int = Field(default=2, ge=1)
    sse_poll_seconds: float = Field(default=5.0, gt=0)
    # Folder of the built web app served at /; empty: services/gateway/webapp/dist of this source tree.
    web_dist_dir: str = ""

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        for part in value.split(","):
            if part.strip():
                ipaddress.ip_network(part.strip(), strict=False)  # ValueError names the bad entry
        return value

    @model_validator(mode="after")
    def _refuse_weak_secret(self) -> GatewaySettings:
        # HS256 is as strong as its key: RFC 7518 asks for at least the hash size, 32 bytes.
        secret = self.jwt_secret.get_secret_value()
        weak = secret.strip().lower() in _PLACEHOLDERS or len(secret.encode()) < 32
        if weak and self.environment != "development":
            raise ValueError("JWT_SECRET must be a random value of 32+ bytes outside development")
        if weak:
            # Development only: tokens stop working when the gateway restarts (`make run` persists one).
            self.jwt_secret = SecretStr(secrets.token_urlsafe(32))
        return self

    @property
    def pool_max_per_worker(self) -> int:
        """Each worker's share of GATEWAY_DB_CONNECTIONS (never below 2: a request may hold one
        connection while its log-out or live stream needs another)."""
        return max(2, self.gateway_db_connections // self.gateway_workers)

    @property
    def supabase_enabled(self) -> bool:
        return bool(self.supabase_jwks_url or self.supabase_jwt_secret.get_secret_value())

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
