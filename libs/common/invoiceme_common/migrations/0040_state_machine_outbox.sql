-- Issue 11: nothing lost, nothing stuck, nothing counted twice.

-- Invoice state machine -----------------------------------------------------------------------
-- `pipeline_run` numbers each pass through the pipeline (upload = 1; each re-extract or re-drive
-- from a later state starts the next). Pipeline events carry it, so a redelivered message of an
-- earlier run is a no-op instead of a step back.
ALTER TABLE invoices ADD COLUMN pipeline_run integer NOT NULL DEFAULT 1;
-- When the invoice last changed state (the reconciler looks for invoices that stopped moving).
ALTER TABLE invoices ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX invoices_in_flight ON invoices (status_changed_at) WHERE status IN ('received', 'ocr_done');

-- The allowed moves. Forward within a run:
--   received -> ocr_done | failed;  ocr_done -> extracted | needs_review | failed;
--   extracted <-> needs_review (a user's confirm, or restoring another result).
-- Back to received / ocr_done only as a new run (re-extract, replay, re-drive of a failed invoice);
-- the trigger numbers that run itself. Anything else is refused: a bug, never silently applied.
CREATE FUNCTION invoiceme_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status, NEW.status) IN (
        ('received', 'ocr_done'), ('received', 'failed'),
        ('ocr_done', 'extracted'), ('ocr_done', 'needs_review'), ('ocr_done', 'failed'),
        ('extracted', 'needs_review'), ('needs_review', 'extracted')
    ) THEN
        NEW.status_changed_at := now();
        RETURN NEW;
    END IF;
    IF NEW.status IN ('received', 'ocr_done') AND OLD.status IN ('ocr_done', 'extracted', 'needs_review', 'failed') THEN
        NEW.pipeline_run := greatest(NEW.pipeline_run, OLD.pipeline_run + 1);
        NEW.status_changed_at := now();
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'invoice % cannot go from % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER invoices_check_transition BEFORE UPDATE OF status ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoiceme_check_transition();

-- Transactional outbox ------------------------------------------------------------------------
-- Every event is written here in the transaction of the change it announces; a relay publishes it
-- to JetStream with Nats-Msg-Id = id, then marks it published. Rows are kept a while (replay, audit).
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,                 -- = the event's event_id = Nats-Msg-Id
    seq           bigserial NOT NULL UNIQUE,        -- publishing order
    stream        text NOT NULL,                    -- only the relay of this namespace publishes it
    subject       text NOT NULL,
    payload       text NOT NULL,                    -- the event's JSON, published verbatim
    headers       jsonb NOT NULL,
    tenant_id     uuid,
    invoice_id    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text
);
CREATE INDEX outbox_pending ON outbox (stream, seq) WHERE published_at IS NULL;
CREATE INDEX outbox_invoice ON outbox (invoice_id, seq);

CREATE FUNCTION invoiceme_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('invoiceme_outbox', NEW.stream);
    RETURN NEW;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION invoiceme_notify_outbox();

-- Delivery failures ---------------------------------------------------------------------------
-- Failed handlings of one message by one consumer, counted here so outages and crashes (which are
-- not the message's fault) never use up its attempts.
CREATE TABLE delivery_failures (
    consumer    text NOT NULL,
    event_id    uuid NOT NULL,
    failures    integer NOT NULL,
    last_error  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- A message given up twice (its ack was lost, it came back) is one dead letter, not two.
ALTER TABLE dead_letters ADD COLUMN event_id uuid;
CREATE UNIQUE INDEX dead_letters_once ON dead_letters (consumer, event_id) WHERE event_id IS NOT NULL;
