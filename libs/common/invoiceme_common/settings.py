"""Settings read once from the environment at each process's edge and passed down.

Every variable is documented in `.env.example`; service settings subclass `CommonSettings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from .topology import Topology


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    nats_url: str = "nats://127.0.0.1:4222"
    # A NATS credentials (.creds) file, e.g. for Synadia Cloud (NATS_URL=tls://connect.ngs.global).
    nats_credentials_file: str | None = None
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
    # Failed handlings of one message (outages and crashes excluded) before a consumer gives up on it.
    max_deliver: int = Field(default=5, ge=2, le=50)
    ack_wait_seconds: float = Field(default=60.0, gt=1)
    # Longest wait between two redeliveries (retries back off exponentially up to it).
    retry_backoff_cap_seconds: float = Field(default=300.0, ge=1)
    # A query still running after this long fails (a hung or paused Postgres must not hang a worker).
    db_command_timeout_seconds: float = Field(default=60.0, gt=0)
    # How often the outbox relay looks for unpublished events when no notification woke it.
    outbox_poll_seconds: float = Field(default=1.0, gt=0)
    # Published outbox rows are deleted after this many days (0 = keep them); unpublished ones never are.
    outbox_retention_days: float = Field(default=7.0, ge=0)

    # Reconciler: an invoice still received/ocr_done after this long is re-driven from its last durable
    # step (every service checks every `reconcile_every_seconds`; 0 turns the check off).
    reconcile_after_seconds: float = Field(default=1800.0, gt=0)
    reconcile_every_seconds: float = Field(default=60.0, ge=0)
    # Bounded storage (see topology.StorageLimits): events older or beyond these go first; 0 = no limit.
    stream_max_age_days: float = Field(default=30.0, ge=0)
    stream_max_mb: int = Field(default=1024, ge=0)
    # Originals bucket; 0 = no limit (documents are never dropped; when full, uploads are refused).
    object_store_max_mb: int = Field(default=0, ge=0)
    # Servers holding a copy of the stream and the bucket: 1 on one machine, 3 on a JetStream cluster.
    jetstream_replicas: int = Field(default=1, ge=1, le=5)
    # Largest image page, read from its header before any decoding (decompression bombs): the OCR
    # service refuses bigger pages and the gateway draws no preview of them.
    ocr_max_megapixels: float = Field(default=60.0, gt=0)
    # Workers (ocr, extractor, analytics): port of GET /metrics and GET /health; 0 = off. The gateway
    # serves both on its own HTTP port instead.
    metrics_port: int = Field(default=0, ge=0, le=65535)
    # How often a worker samples its consumers' lag (num_pending, num_ack_pending) from JetStream.
    lag_sample_seconds: float = Field(default=10.0, gt=0)

    def topology(self) -> Topology:
        """Every name under this install's namespace, and the storage limits and replicas to declare."""
        # Imported here: it loads the NATS client (~0.3 s), which commands like `invoiceme ocr` never use.
        from .topology import StorageLimits, Topology

        return Topology(
            self.invoiceme_namespace,
            StorageLimits(
                stream_max_age_seconds=self.stream_max_age_days * 86400,
                stream_max_bytes=self.stream_max_mb * 2**20 or -1,
                object_store_max_bytes=self.object_store_max_mb * 2**20 or -1,
                replicas=self.jetstream_replicas,
            ),
        )

    @model_validator(mode="after")
    def _s3_needs_a_bucket(self) -> CommonSettings:
        if self.storage_backend == "s3" and not self.s3_bucket:
            raise ValueError("S3_BUCKET must be set when STORAGE_BACKEND=s3")
        return self

    @field_validator("nats_credentials_file")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None  # `NATS_CREDENTIALS_FILE=` in .env means none

    @field_validator("log_level")
    @classmethod
    def _upper_level(cls, value: str) -> str:
        return value.upper()
