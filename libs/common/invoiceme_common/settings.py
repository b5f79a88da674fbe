"""Settings read once from the environment at each process's edge and passed down.

Every variable is documented in `.env.example`; service settings subclass `CommonSettings`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    nats_url: str = "nats://127.0.0.1:4222"
    database_url: str = "postgresql://postgres@127.0.0.1:5432/invoiceme"
    # Prefix of every stream, subject, consumer and bucket, so several installs (or test runs)
    # can share one NATS server without seeing each other's messages.
    invoiceme_namespace: str = Field(default="invoiceme", pattern=r"^[a-z][a-z0-9_]{0,30}$")
    log_level: str = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"
    db_pool_min: int = Field(default=1, ge=0)
    db_pool_max: int = Field(default=5, ge=1)
    # "nats": JetStream Object Store (no shared disk needed); "s3": an S3-compatible bucket (AWS S3,
    # Cloudflare R2, Supabase Storage, MinIO); "local": a folder (single-host only).
    storage_backend: Literal["nats", "s3", "local"] = "nats"
    storage_dir: str = ".data/files"
    s3_endpoint_url: str = ""  # empty: AWS S3 itself
    s3_bucket: str = ""
    s3_region: str = "us-east-1"
    # Keys are stored under this prefix, so several deployments can share one bucket.
    s3_key_prefix: str = Field(default="", pattern=r"^[A-Za-z0-9._/-]{0,100}$")
    s3_addressing_style: Literal["path", "virtual"] = "path"
    s3_max_attempts: int = Field(default=4, ge=1, le=10)
    # The standard AWS variable names; empty: the standard AWS credential chain (e.g. an instance role).
    aws_access_key_id: str = ""
    aws_secret_access_key: SecretStr = SecretStr("")
    max_deliver: int = Field(default=5, ge=2, le=50)
    ack_wait_seconds: float = Field(default=60.0, gt=1)

    @model_validator(mode="after")
    def _s3_needs_a_bucket(self) -> CommonSettings:
        if self.storage_backend == "s3" and not self.s3_bucket:
            raise ValueError("S3_BUCKET must be set when STORAGE_BACKEND=s3")
        return self

    @field_validator("log_level")
    @classmethod
    def _upper_level(cls, value: str) -> str:
        return value.upper()
