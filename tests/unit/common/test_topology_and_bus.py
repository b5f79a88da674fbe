"""Names, derived ids and retry spacing shared by every service."""

from __future__ import annotations

import uuid

from invoiceme_common.bus import derived_event_id, retry_delay
from invoiceme_common.topology import Topology


class TestTopology:
    """Every stream, subject, consumer and bucket name derives from one namespace."""

    def test_default_names(self):
        topology = Topology()
        assert topology.stream == "INVOICEME_INVOICES"
        assert topology.invoice_uploaded == "invoiceme.invoice.uploaded"
        assert topology.ocr_consumer(60, 5).durable == "invoiceme-ocr"
        assert topology.originals_bucket == "invoiceme-originals"

    def test_namespaces_never_overlap(self):
        a, b = Topology("alpha"), Topology("beta")
        names_a = {a.stream, a.invoice_uploaded, a.text_extracted, a.invoice_saved, a.originals_bucket}
        names_b = {b.stream, b.invoice_uploaded, b.text_extracted, b.invoice_saved, b.originals_bucket}
        assert not names_a & names_b

    def test_every_subject_is_inside_the_stream(self):
        topology = Topology("x")
        prefix = topology.subjects_wildcard.removesuffix(">")
        for subject in (
            topology.invoice_uploaded,
            topology.text_extracted,
            topology.invoice_saved,
            topology.invoice_deleted,
            topology.tenant_settings_changed,
        ):
            assert subject.startswith(prefix)

    def test_consumer_config_is_explicit(self):
        config = Topology().extractor_consumer(30, 4).config()
        assert (config.ack_wait, config.max_deliver, config.filter_subject) == (
            30,
            4,
            "invoiceme.invoice.text_extracted",
        )


class TestDerivedIds:
    """A retried hop publishes the same event id, so JetStream and consumers can drop the duplicate."""

    def test_same_input_same_output(self):
        source = uuid.uuid4()
        assert derived_event_id(source, "ocr") == derived_event_id(source, "ocr")

    def test_stage_and_source_matter(self):
        source = uuid.uuid4()
        assert derived_event_id(source, "ocr") != derived_event_id(source, "extract:1")
        assert derived_event_id(source, "ocr") != derived_event_id(uuid.uuid4(), "ocr")


class TestRetryDelay:
    """Backoff grows exponentially, is jittered, and is capped."""

    def test_grows_and_caps(self):
        firsts = [retry_delay(1) for _ in range(50)]
        thirds = [retry_delay(3) for _ in range(50)]
        assert all(1.0 <= d <= 2.0 for d in firsts)
        assert all(4.0 <= d <= 8.0 for d in thirds)
        assert all(30.0 <= retry_delay(20) <= 60.0 for _ in range(50))

    def test_is_jittered(self):
        assert len({round(retry_delay(4), 6) for _ in range(20)}) > 1
