"""`invoiceme status` rows from /health answers and consumer lag (pure functions)."""

from __future__ import annotations

from invoiceme_cli.status_cmd import owner_of, service_status

LAG = {"ns-ocr": {"pending": 3, "ack_pending": 1}}


def test_healthy_worker_shows_lag_and_last_error() -> None:
    health = {
        "ok": True,
        "checks": {"nats": "ok", "postgres": "ok"},
        "last_error": {"subject": "ns.invoice.uploaded", "error": "RuntimeError: boom", "at": 0},
    }
    row = service_status("ocr", health, LAG)
    assert row.healthy
    assert row.lag == "ns-ocr: 3 waiting, 1 in progress"
    assert row.last_error.endswith("ns.invoice.uploaded: RuntimeError: boom")


def test_failed_check_or_unreachable_service_is_not_healthy() -> None:
    row = service_status("ocr", {"ok": False, "checks": {"nats": "ok", "postgres": "timeout"}}, LAG)
    assert not row.healthy and row.state == "degraded: postgres timeout"
    down = service_status("extractor", "ConnectError", {})
    assert not down.healthy and down.state == "unreachable: ConnectError"


def test_gateway_health_shape_is_understood() -> None:
    assert service_status("gateway", {"status": "ok", "checks": {"nats": "ok"}}, {}).healthy
    assert not service_status("gateway", {"status": "degraded", "checks": {"nats": "down"}}, {}).healthy


def test_consumers_belong_to_the_service_their_durable_names() -> None:
    assert owner_of("e2eab12-analytics-deleted", "e2eab12") == "analytics"
    assert owner_of("invoiceme-ocr", "invoiceme") == "ocr"
