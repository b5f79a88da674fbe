"""Where original files and derived files (OCR JSON) live: one `ObjectStorage` contract, three backends.

`nats` (default): a JetStream Object Store bucket, so every service reads files with no shared disk.
`s3`: any S3-compatible bucket (AWS S3, Cloudflare R2, Supabase Storage, MinIO).
`local`: a folder, for single-host setups and the CLI.
"""

from __future__ import annotations

from .base import (
    DEFAULT_CONTENT_TYPE,
    ObjectStorage,
    StorageIntegrityError,
    StorageUnavailable,
    StoredObject,
    StoredObjectMissing,
    check_key,
    sha256_hex,
)
from .factory import open_storage, s3_config
from .keys import delete_invoice_files, invoice_prefix, ocr_result_key, ocr_result_keys, original_key
from .local import LocalFileStorage
from .nats_store import NatsObjectStorage

__all__ = [
    "DEFAULT_CONTENT_TYPE",
    "LocalFileStorage",
    "NatsObjectStorage",
    "ObjectStorage",
    "StorageIntegrityError",
    "StorageUnavailable",
    "StoredObject",
    "StoredObjectMissing",
    "check_key",
    "delete_invoice_files",
    "invoice_prefix",
    "ocr_result_key",
    "ocr_result_keys",
    "open_storage",
    "original_key",
    "s3_config",
    "sha256_hex",
]
