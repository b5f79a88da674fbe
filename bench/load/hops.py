"""Where an invoice's time goes between its upload and `extracted`, from the database's own clock:
the upload's transaction, each outbox event's creation and publication, each status change.

    upload → relay   InvoiceUploaded published (commit, NOTIFY, a relay wakes, JetStream acks)
    relay → ocr_done the OCR service fetched it, read the text layer, stored the result, recorded it
    ocr → relay      TextExtracted published
    relay → extracted the extractor fetched it, extracted the fields, saved them
"""

from __future__ import annotations

import asyncio
import itertools
import statistics

import asyncpg

HOPS = ("upload → relay", "relay → ocr_done", "ocr_done → relay", "relay → extracted")

_TIMELINES = """
SELECT i.id,
       (SELECT published_at FROM outbox o WHERE o.invoice_id = i.id AND o.subject LIKE '%.invoice.uploaded'
        ORDER BY seq LIMIT 1) AS uploaded_published,
       (SELECT created_at FROM outbox o WHERE o.invoice_id = i.id AND o.subject LIKE '%.invoice.uploaded'
        ORDER BY seq LIMIT 1) AS uploaded_created,
       (SELECT at FROM invoice_status_history h WHERE h.invoice_id = i.id AND h.status = 'ocr_done'
        ORDER BY id LIMIT 1) AS ocr_done,
       (SELECT published_at FROM outbox o WHERE o.invoice_id = i.id
        AND o.subject LIKE '%.invoice.text_extracted' ORDER BY seq LIMIT 1) AS text_published,
       (SELECT at FROM invoice_status_history h WHERE h.invoice_id = i.id
        AND h.status IN ('extracted', 'needs_review') ORDER BY id LIMIT 1) AS extracted
FROM invoices i WHERE i.id = ANY($1::uuid[])
"""


async def _timelines(database_url: str, invoice_ids: list[str]) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(database_url)
    try:
        return await conn.fetch(_TIMELINES, invoice_ids)
    finally:
        await conn.close()


def hop_medians(database_url: str, invoice_ids: list[str]) -> dict[str, float]:
    """Median milliseconds of each hop over the invoices that went all the way."""
    rows = asyncio.run(_timelines(database_url, invoice_ids))
    points = ("uploaded_created", "uploaded_published", "ocr_done", "text_published", "extracted")
    hops: dict[str, list[float]] = {name: [] for name in HOPS}
    for row in rows:
        if any(row[point] is None for point in points):
            continue
        for name, (start, end) in zip(HOPS, itertools.pairwise(points), strict=True):
            hops[name].append((row[end] - row[start]).total_seconds() * 1000)
    return {name: statistics.median(values) for name, values in hops.items() if values}
