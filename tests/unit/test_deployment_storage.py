"""The deployment files offer S3-compatible storage with the settings the code reads."""

from __future__ import annotations

from pathlib import Path

import yaml

from invoiceme_common.settings import CommonSettings

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ["gateway", "ocr", "extractor", "analytics"]
S3_VARIABLES = {"S3_ENDPOINT_URL", "S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}


def test_s3_variables_are_settings():
    fields = {name.upper() for name in CommonSettings.model_fields}
    assert S3_VARIABLES | {"STORAGE_BACKEND", "S3_REGION", "S3_KEY_PREFIX"} <= fields


def test_compose_passes_s3_settings_to_every_service_and_offers_minio():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    for service in SERVICES:
        environment = compose["services"][service]["environment"]
        assert S3_VARIABLES | {"STORAGE_BACKEND"} <= set(environment), service
        assert environment["STORAGE_BACKEND"] == "${STORAGE_BACKEND:-nats}"  # nats stays the default
    minio, bucket_job = compose["services"]["minio"], compose["services"]["minio-bucket"]
    assert minio["profiles"] == ["minio"] and bucket_job["profiles"] == ["minio"]
    assert all("minio" not in compose["services"][s].get("depends_on", {}) for s in SERVICES)


def test_render_reads_s3_settings_from_env_vars():
    blueprint = yaml.safe_load((ROOT / "render.yaml").read_text())
    by_name = {s["name"]: s for s in blueprint["services"]}
    for service in SERVICES:
        entries = {v["key"]: v for v in by_name[f"invoiceme-{service}"]["envVars"] if "key" in v}
        assert S3_VARIABLES <= set(entries), service
        assert all(entries[key].get("sync") is False for key in S3_VARIABLES), "secrets are never in the file"
