"""The deployment files and .env.example tell the truth about the code (the Dockerfiles themselves:
test_deploy_files.py)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ["gateway", "ocr", "extractor", "analytics"]
# Variables of third-party images, not of our settings.
FOREIGN_VARS = {"POSTGRES_PASSWORD", "POSTGRES_DB"}


def documented_variables() -> set[str]:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", text, flags=re.M))


def settings_classes():
    from invoiceme_common.settings import CommonSettings

    classes = [CommonSettings]
    for module_name, class_name in [
        ("invoiceme_gateway.settings", "GatewaySettings"),
        ("invoiceme_ocr.settings", "OcrSettings"),
        ("invoiceme_extractor.settings", "ExtractorSettings"),
    ]:
        classes.append(getattr(importlib.import_module(module_name), class_name))
    return classes


def test_every_setting_is_documented_in_env_example():
    documented = documented_variables()
    missing = {
        f"{cls.__name__}.{name}"
        for cls in settings_classes()
        for name in cls.model_fields
        if name.upper() not in documented
    }
    assert not missing, f"document these in .env.example: {sorted(missing)}"


def test_compose_runs_every_service_with_documented_settings():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    documented = documented_variables()
    for service in SERVICES:
        spec = compose["services"][service]
        assert spec["build"]["dockerfile"] == f"services/{service}/Dockerfile"
        unknown = set(spec["environment"]) - documented - FOREIGN_VARS
        assert not unknown, f"{service}: undocumented variables {unknown}"
    assert {"nats", "postgres"} <= set(compose["services"])
    assert (
        "./deploy/nats/nats-server.conf:/etc/nats/nats-server.conf:ro"
        in compose["services"]["nats"]["volumes"]
    )


NATS_CONFIG = ROOT / "deploy" / "nats" / "nats-server.conf"


def test_nats_config_requires_a_user_per_service():
    config = NATS_CONFIG.read_text()
    assert "sync_interval: always" in config
    for service in SERVICES:
        assert f"{{user: {service}, password: $NATS_{service.upper()}_PASSWORD," in config
    assert "no_auth_user" not in config and "allow_anonymous" not in config


def test_compose_has_no_default_credentials():
    text = (ROOT / "docker-compose.yml").read_text()
    assert not re.search(r"PASSWORD:-|SECRET:-", text), "a credential with a default value"
    compose = yaml.safe_load(text)
    assert compose["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"].startswith(
        "${POSTGRES_PASSWORD:?"
    )
    for service in SERVICES:
        url = compose["services"][service]["environment"]["NATS_URL"]
        assert url.startswith(f"nats://{service}:${{NATS_{service.upper()}_PASSWORD:?}}@"), service
        assert compose["services"]["nats"]["environment"][f"NATS_{service.upper()}_PASSWORD"].startswith("${")


def test_render_blueprint_matches_the_services():
    blueprint = yaml.safe_load((ROOT / "render.yaml").read_text())
    by_name = {s["name"]: s for s in blueprint["services"]}
    documented = documented_variables()
    for service in SERVICES:
        spec = by_name[f"invoiceme-{service}"]
        assert spec["dockerfilePath"] == f"./services/{service}/Dockerfile"
        keys = {v["key"] for v in spec["envVars"] if "key" in v}
        assert {"DATABASE_URL", "NATS_URL"} <= keys
        nats_url = next(v for v in spec["envVars"] if v.get("key") == "NATS_URL")
        assert nats_url.get("sync") is False, "each service's NATS_URL carries its own user: a secret"
        assert not keys - documented, f"{service}: undocumented variables {keys - documented}"
    assert by_name["invoiceme-gateway"]["type"] == "web"
    nats_server = by_name["invoiceme-nats"]
    assert nats_server["dockerfilePath"] == "./deploy/nats/Dockerfile"
    secrets = {v["key"] for v in nats_server["envVars"] if v.get("sync") is False}
    assert {f"NATS_{service.upper()}_PASSWORD" for service in SERVICES} <= secrets
    assert "COPY deploy/nats/nats-server.conf" in (ROOT / "deploy/nats/Dockerfile").read_text()
