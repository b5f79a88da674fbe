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
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 2**20)
