"""Every Prometheus metric of InvoiceMe, defined once (prometheus_client's default registry).

Workers record messages where they are settled (`bus.settle`), OCR in its handler, LLM calls in the one
LLM transport (`llm/http.post_json`); consumer lag is sampled from JetStream's consumer info. The
gateway serves them at /metrics, each worker on its own METRICS_PORT (see `ops_server`).
"""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import Counter, Gauge, Histogram

# Handler times range from milliseconds (analytics) to minutes (OCR of a long scan).
_HANDLER_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)

MESSAGES = Counter(
    "invoiceme_messages_total",
    "Messages settled by a worker, by subject and outcome (processed, failed, retried, waiting)",
    ["subject", "outcome"],
)
REDELIVERED = Counter(
    "invoiceme_messages_redelivered_total", "Messages received again after an earlier delivery", ["subject"]
)
HANDLER_SECONDS = Histogram(
    "invoiceme_handler_seconds",
    "Time a worker spent handling one message, by stage (consumer)",
    ["stage"],
    buckets=_HANDLER_BUCKETS,
)
OCR_PAGES = Counter("invoiceme_ocr_pages_total", "Pages read by OCR")
OCR_SECONDS = Histogram("invoiceme_ocr_seconds", "Seconds to read one document", buckets=_HANDLER_BUCKETS)
LLM_CALLS = Counter("invoiceme_llm_calls_total", "HTTP calls to an LLM provider", ["provider"])
LLM_ERRORS = Counter("invoiceme_llm_errors_total", "LLM calls that failed", ["provider"])
LLM_TOKENS = Counter("invoiceme_llm_tokens_total", "Tokens reported by the provider", ["provider", "kind"])
LLM_SECONDS = Histogram("invoiceme_llm_seconds", "LLM call latency", ["provider"], buckets=_HANDLER_BUCKETS)
CONSUMER_PENDING = Gauge(
    "invoiceme_consumer_pending", "Messages in the stream not yet delivered to the consumer", ["consumer"]
)
CONSUMER_ACK_PENDING = Gauge(
    "invoiceme_consumer_ack_pending", "Messages delivered to the consumer and not yet settled", ["consumer"]
)
HTTP_REQUESTS = Counter(
    "invoiceme_http_requests_total",
    "Gateway HTTP requests by method, route template and status",
    ["method", "route", "status"],
)
HTTP_SECONDS = Histogram(
    "invoiceme_http_request_seconds",
    "Gateway HTTP request latency by method and route template",
    ["method", "route"],
)


def llm_tokens_of(reply: dict[str, Any]) -> tuple[int, int]:
    """(prompt, completion) tokens a reply reports: OpenAI-style `usage` or Ollama's eval counts."""
    usage = reply.get("usage")
    if isinstance(usage, dict):
        return int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    return int(reply.get("prompt_eval_count") or 0), int(reply.get("eval_count") or 0)


def record_llm_reply(provider: str, reply: dict[str, Any], seconds: float) -> None:
    LLM_CALLS.labels(provider).inc()
    LLM_SECONDS.labels(provider).observe(seconds)
    prompt, completion = llm_tokens_of(reply)
    LLM_TOKENS.labels(provider, "prompt").inc(prompt)
    LLM_TOKENS.labels(provider, "completion").inc(completion)


def record_llm_error(provider: str, seconds: float) -> None:
    LLM_CALLS.labels(provider).inc()
    LLM_ERRORS.labels(provider).inc()
    LLM_SECONDS.labels(provider).observe(seconds)


# The last error a worker's handler raised (not a metric: text for /health and `invoiceme status`).
last_error: dict[str, Any] | None = None


def record_error(subject: str, error: str) -> None:
    global last_error
    last_error = {"subject": subject, "error": error[:500], "at": time.time()}
