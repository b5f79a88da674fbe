"""Run as a process by test_deployment_nats.py: connects to a NATS server as each deployed user and
prints, as JSON, what each one could do. (A process of its own: nats-py clients refused by a server
keep retrying in the background, which must not hang the test session's event loop.)"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import nats

from invoiceme_common.topology import Topology, ensure_stream

PASSWORDS = {name: f"{name}-pw-123" for name in ("gateway", "ocr", "extractor", "analytics", "operator")}


async def _connect(port: int, user: str | None) -> Any:
    credentials = f"{user}:{PASSWORDS[user]}@" if user else ""
    url = f"nats://{credentials}127.0.0.1:{port}"
    return await asyncio.wait_for(nats.connect(url, allow_reconnect=False, connect_timeout=2), 10)


async def _can(action: Any) -> bool:
    try:
        await asyncio.wait_for(action, 5)
    except Exception:
        return False
    return True


async def probe(port: int) -> dict[str, bool]:
    topology = Topology("invoiceme")
    found = {"anonymous_connects": await _can(_connect(port, None))}
    gateway, ocr, analytics = [await _connect(port, user) for user in ("gateway", "ocr", "analytics")]
    js = gateway.jetstream()
    found["gateway_declares_stream"] = await _can(ensure_stream(js, topology))
    store = await js.create_object_store(topology.originals_bucket)
    found["gateway_stores_file"] = await _can(store.put("originals/t/x", b"%PDF-1.4"))
    found["gateway_publishes"] = await _can(js.publish(topology.invoice_uploaded, b"{}"))
    ocr_js = ocr.jetstream()
    ocr_store = await ocr_js.object_store(topology.originals_bucket)
    found["ocr_reads_file"] = (await ocr_store.get("originals/t/x")).data == b"%PDF-1.4"
    found["ocr_publishes"] = await _can(ocr_js.publish(topology.text_extracted, b"{}"))
    found["ocr_deletes_stream"] = await _can(ocr_js.delete_stream(topology.stream))
    analytics_js = analytics.jetstream()
    found["analytics_publishes"] = await _can(analytics_js.publish(topology.invoice_saved, b"{}"))
    found["analytics_reaches_files"] = await _can(analytics_js.object_store(topology.originals_bucket))
    found["stream_kept"] = (await js.stream_info(topology.stream)).state.messages == 3
    for client in (gateway, ocr, analytics):
        await client.close()
    return found


if __name__ == "__main__":
    print(json.dumps(asyncio.run(probe(int(sys.argv[1])))))
