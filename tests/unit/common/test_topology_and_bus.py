"""Names, delivery limits, outage detection and retry spacing shared by every service."""

from __future__ import annotations

import asyncpg
from nats.js.api import DiscardPolicy

from invoiceme_common.bus import is_outage, retry_delay
from invoiceme_common.settings import CommonSettings
from invoiceme_common.topology import JETSTREAM_MAX_DELIVER, Topology


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
        assert (config.ack_wait, config.filter_subject) == (30, "invoiceme.invoice.text_extracted")

    def test_jetstream_never_stops_redelivering(self):
        # Changed with issue 11: max_deliver used to be JetStream's limit (4 here), and a NAK on the
        # last delivery lost the message when its dead letter could not be stored. The application
        # now gives up (after storing the dead letter); JetStream's own limit is out of reach.
        spec = Topology().extractor_consumer(30, 4)
        assert spec.config().max_deliver == JETSTREAM_MAX_DELIVER >= 100_000 and spec.max_deliver == 4

    def test_crashed_work_is_redelivered_with_growing_waits(self):
        spec = Topology().ocr_consumer(60, 5)
        assert spec.redelivery_backoff() == [60, 120, 240, 480, 600]
        assert spec.config().backoff == spec.redelivery_backoff()
        assert Topology().ocr_consumer(900, 5).redelivery_backoff() == [900]


class TestStorageLimits:
    """What JetStream keeps comes from settings: bounded events, unbounded originals by default."""

    def test_defaults_bound_the_stream_and_keep_every_original(self):
        settings = CommonSettings(_env_file=None, stream_max_mb=1024)
        topology = settings.topology()
        stream, bucket = topology.stream_config(), topology.object_store_config()
        assert (stream.max_age, stream.max_bytes, stream.num_replicas) == (30 * 86400, 2**30, 1)
        assert stream.discard == DiscardPolicy.OLD
        assert (bucket.bucket, bucket.max_bytes, bucket.replicas) == ("invoiceme-originals", -1, 1)

    def test_a_cluster_keeps_three_copies_and_zero_means_no_limit(self):
        settings = CommonSettings(
            _env_file=None, stream_max_age_days=0, stream_max_mb=0, jetstream_replicas=3
        )
        stream = settings.topology().stream_config()
        assert (stream.max_age, stream.max_bytes, stream.num_replicas) == (0, -1, 3)
        assert settings.topology().object_store_config().replicas == 3


class TestOutages:
    """An unreachable dependency is an outage to wait out, not a failure of the message."""

    def test_connection_errors_and_timeouts_are_outages(self):
        assert is_outage(ConnectionRefusedError("connect call failed"))
        assert is_outage(TimeoutError())
        assert is_outage(asyncpg.exceptions.CannotConnectNowError("the database system is starting up"))

    def test_an_error_raised_from_an_outage_is_one(self):
        try:
            try:
                raise ConnectionResetError("reset by peer")
            except ConnectionResetError as reset:
                raise RuntimeError("could not save") from reset
        except RuntimeError as error:
            assert is_outage(error)

    def test_a_bug_or_a_bad_document_is_not(self):
        assert not is_outage(ValueError("bad total"))
        assert not is_outage(asyncpg.exceptions.CheckViolationError("invoice cannot go from a to b"))


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


class TestNatsConnection:
    """NATS_URL may list a cluster's servers; an empty credentials setting means none."""

    def test_servers_and_credentials(self):
        from invoiceme_common.bus import nats_servers

        assert nats_servers("nats://a:4222, nats://b:4222,") == ["nats://a:4222", "nats://b:4222"]
        assert CommonSettings(_env_file=None, nats_credentials_file="").nats_credentials_file is None
        assert (
            CommonSettings(_env_file=None, nats_credentials_file="/x.creds").nats_credentials_file
            == "/x.creds"
        )


class TestOcrResultKeys:
    """One OCR result per pipeline run; deleting an invoice finds every one of them."""

    def test_keys_per_run(self):
        import uuid

        from invoiceme_common.storage import invoice_prefix, ocr_result_key, ocr_result_keys

        t, i = uuid.uuid4(), uuid.uuid4()
        p = invoice_prefix(t, i)
        assert ocr_result_key(t, i, None) == ocr_result_key(t, i, 1) == f"{p}ocr.json"
        assert ocr_result_key(t, i, 3) == f"{p}ocr.run3.json"
        assert ocr_result_keys(t, i, 3) == [f"{p}ocr.json", f"{p}ocr.run2.json", f"{p}ocr.run3.json"]
