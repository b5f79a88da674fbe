"""Uploads and request bodies against the real stack: who may send a body, how big, and what a hostile
file or form gets back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from invoiceme_gateway.app import create_app
from tests.support.gateway import gateway_settings, signup

MB = 2**20


class BodyMeter:
    """ASGI wrapper around the whole gateway counting the request-body bytes the app pulled in."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.bytes_read = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def counting_receive() -> Any:
            message = await receive()
            if message["type"] == "http.request":
                self.bytes_read += len(message.get("body", b""))
            return message

        await self.app(scope, counting_receive, send)


@asynccontextmanager
async def metered_client(settings: Any) -> AsyncIterator[tuple[httpx.AsyncClient, BodyMeter]]:
    async with LifespanManager(create_app(settings)) as manager:
        meter = BodyMeter(manager.app)
        transport = httpx.ASGITransport(app=meter)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            yield client, meter


@pytest.fixture
async def metered(database_url: str, nats_url: str, namespace: str):
    async with metered_client(gateway_settings(database_url, nats_url, namespace)) as pair:
        yield pair


def _multipart_stream(total_bytes: int, field: str = "files") -> tuple[AsyncIterator[bytes], str]:
    """A multipart body streamed in 64 KiB chunks with no Content-Length (as a chunked upload)."""
    boundary = "sec-boundary"

    async def chunks() -> AsyncIterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        sent = 0
        while sent < total_bytes:
            yield b"%" * 65536
            sent += 65536
        yield f"\r\n--{boundary}--\r\n".encode()

    return chunks(), f"multipart/form-data; boundary={boundary}"


class TestBodiesAfterAuthentication:
    """No anonymous body is read; every body has a limit fit for its route; past it, 413."""

    async def test_anonymous_40_mb_batch_is_refused_unread(self, metered):
        client, meter = metered
        body, content_type = _multipart_stream(40 * MB)
        response = await client.post(
            "/api/invoices/batch", content=body, headers={"content-type": content_type}
        )
        assert response.status_code == 401
        assert meter.bytes_read < MB, f"read {meter.bytes_read} bytes of an anonymous body"

    async def test_bad_token_upload_is_refused_unread(self, metered):
        client, meter = metered
        body, content_type = _multipart_stream(5 * MB, field="file")
        response = await client.post(
            "/api/invoices",
            content=body,
            headers={"content-type": content_type, "authorization": "Bearer not-a-token"},
        )
        assert response.status_code == 401
        assert meter.bytes_read < MB

    async def test_oversized_chunked_upload_is_413(self, metered):
        client, _ = metered
        headers = await signup(client)
        body, content_type = _multipart_stream(27 * MB, field="file")
        response = await client.post(
            "/api/invoices", content=body, headers={**headers, "content-type": content_type}
        )
        assert response.status_code == 413, response.text
        assert response.json()["error"]["code"] == "payload_too_large"

    async def test_json_routes_take_small_bodies_only(self, metered):
        client, meter = metered
        headers = await signup(client)
        before = meter.bytes_read
        huge_name = '{"full_name": "' + "a" * (2 * MB) + '"}'
        response = await client.patch(
            "/api/me", content=huge_name, headers={**headers, "content-type": "application/json"}
        )
        assert response.status_code == 413, response.text
        assert meter.bytes_read - before < 2 * MB

    async def test_anonymous_json_to_a_protected_route_is_refused_unread(self, metered):
        client, meter = metered

        async def body() -> AsyncIterator[bytes]:
            for _ in range(16):
                yield b" " * 65536

        response = await client.patch("/api/me", content=body(), headers={"content-type": "application/json"})
        assert response.status_code == 401
        assert meter.bytes_read < 65536 * 2


def png_bomb(width: int = 13000, height: int = 13000) -> bytes:
    """A valid 1-bit grey PNG of width x height white pixels, built row by row: ~20 KB on disk,
    hundreds of MB once decoded."""
    import struct
    import zlib

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload)
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


class TestHostileImages:
    """An image whose header promises more pixels than the OCR limit is never decoded for a preview."""

    async def test_preview_of_a_13000_square_png_is_refused_from_its_header(self, metered):
        client, _ = metered
        headers = await signup(client)
        bomb = png_bomb()
        assert len(bomb) < 100_000
        upload = await client.post("/api/invoices", files={"file": ("bomb.png", bomb)}, headers=headers)
        assert upload.status_code == 202, upload.text
        preview = await client.get(f"/api/invoices/{upload.json()['id']}/pages/1.png", headers=headers)
        assert preview.status_code == 422, preview.status_code
        assert "169 megapixels" in preview.json()["error"]["message"]


class TestHostileForms:
    """A file name Postgres cannot store, or a second file, is refused with a reason and stores nothing."""

    async def test_nul_in_the_file_name_is_a_400_and_stores_nothing(
        self, database_url, nats_url, namespace, tmp_path
    ):
        settings = gateway_settings(
            database_url, nats_url, namespace, storage_backend="local", storage_dir=str(tmp_path)
        )
        async with metered_client(settings) as (client, _):
            headers = await signup(client)
            pdf = b"%PDF-1.4\n% nul-name\n%%EOF\n"
            # Built by hand: httpx would percent-encode the NUL, a hostile client does not.
            body = (
                b'--b\r\nContent-Disposition: form-data; name="file"; filename="evil\x00.pdf"\r\n'
                b"Content-Type: application/pdf\r\n\r\n" + pdf + b"\r\n--b--\r\n"
            )
            multipart = {**headers, "content-type": "multipart/form-data; boundary=b"}
            response = await client.post("/api/invoices", content=body, headers=multipart)
            assert response.status_code == 400, response.text
            assert "file name" in response.json()["error"]["message"]
            assert not [path for path in tmp_path.rglob("*") if path.is_file()]  # no orphan original
            # The same bytes under a clean name are accepted: nothing half-done was left behind.
            again = await client.post(
                "/api/invoices", files={"file": ("clean.pdf", pdf, "application/pdf")}, headers=headers
            )
            assert again.status_code == 202, again.text

    async def test_two_file_fields_are_a_400_not_one_dropped(self, metered):
        client, _ = metered
        headers = await signup(client)
        files = [
            ("file", ("a.pdf", b"%PDF-1.4\n% a\n%%EOF\n", "application/pdf")),
            ("file", ("b.pdf", b"%PDF-1.4\n% b\n%%EOF\n", "application/pdf")),
        ]
        response = await client.post("/api/invoices", files=files, headers=headers)
        assert response.status_code == 400, response.text
        assert "batch" in response.json()["error"]["message"]
        listed = (await client.get("/api/invoices", headers=headers)).json()
        assert listed["total"] == 0


class TestBlankDocuments:
    """A document with no readable text on any page ends `failed` with that reason, not needs_review."""

    async def test_blank_pages_fail_with_a_reason(self, database_url, nats_url, namespace, tmp_path, db):
        import io
        import uuid

        import pypdfium2 as pdfium
        from PIL import Image

        from invoiceme_ocr.settings import OcrSettings
        from tests.integration.ocr.test_ocr_service import _service, _upload, _wait_settled

        settings = OcrSettings(
            database_url=database_url,
            nats_url=nats_url,
            invoiceme_namespace=namespace,
            storage_backend="local",
            storage_dir=str(tmp_path / "files"),
            max_deliver=2,
            ocr_workers=1,
            log_format="console",
        )
        white = io.BytesIO()
        Image.new("L", (850, 1100), 255).save(white, format="PNG")
        document = pdfium.PdfDocument.new()
        document.new_page(595, 842)
        empty_pdf = io.BytesIO()
        document.save(empty_pdf)

        tenant_id = uuid.uuid4()
        await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'blank-test')", tenant_id)
        runtime, reader = _service(settings, [], 0)
        await runtime.start()
        await runtime.broker.start()
        try:
            events = [
                await _upload(runtime, db, white.getvalue(), tenant_id),
                await _upload(runtime, db, empty_pdf.getvalue(), tenant_id),
            ]
            rows = await _wait_settled(db, [event.invoice_id for event in events])
        finally:
            await runtime.broker.stop()
            await runtime.stop()
            reader.close()
        for event in events:
            assert rows[event.invoice_id]["status"] == "failed"
            assert rows[event.invoice_id]["error"] == "no readable text on any page"
