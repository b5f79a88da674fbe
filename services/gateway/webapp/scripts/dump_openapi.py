"""Writes the gateway's OpenAPI document for openapi-typescript: the web app's API types come from the
contract itself, so a renamed field breaks `tsc` instead of the page. Needs no NATS or Postgres."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from invoiceme_gateway.app import create_app
from invoiceme_gateway.settings import GatewaySettings

target = Path(sys.argv[1])
target.parent.mkdir(parents=True, exist_ok=True)
document = create_app(GatewaySettings(environment="development")).openapi()
target.write_text(json.dumps(document, ensure_ascii=False, indent=1))
