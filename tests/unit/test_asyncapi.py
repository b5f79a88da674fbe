"""The committed AsyncAPI documents are what the code generates now (`invoiceme asyncapi` rewrites them)."""

from __future__ import annotations

import json

import pytest

from invoiceme_cli.asyncapi_cmd import OUTPUTS, asyncapi_document


@pytest.fixture(scope="module")
def document() -> str:
    return asyncapi_document()


@pytest.mark.parametrize("path", OUTPUTS, ids=lambda path: path.name + ":" + path.parent.name)
def test_committed_document_is_current(document: str, path) -> None:
    assert path.exists() and path.read_text() == document, f"{path} is stale: run `invoiceme asyncapi`"


def test_every_consumed_subject_has_its_event_schema(document: str) -> None:
    spec = json.loads(document)
    subjects = {channel["address"] for channel in spec["channels"].values()}
    assert {
        "invoiceme.invoice.uploaded",
        "invoiceme.invoice.text_extracted",
        "invoiceme.invoice.saved",
    } <= subjects
    for message in spec["components"]["messages"].values():
        name = message["payload"]["$ref"].rsplit("/", 1)[-1]
        assert "tenant_id" in spec["components"]["schemas"][name]["properties"], name
