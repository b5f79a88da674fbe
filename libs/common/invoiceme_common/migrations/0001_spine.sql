-- Tenants own everything; a user belongs to one tenant (one each at sign-up for now).
CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email          text NOT NULL UNIQUE,          -- stored lower-cased
    password_hash  text NOT NULL,                 -- argon2id
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Logged-out access tokens stay refused until they would have expired anyway.
CREATE TABLE revoked_tokens (
    jti         uuid PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE invoices (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    status              text NOT NULL,
    error               text,
    filename            text NOT NULL,
    content_type        text,
    size_bytes          bigint NOT NULL,
    sha256              text NOT NULL,
    storage_key         text NOT NULL,
    text_source         text,                      -- text_layer | ocr | mixed
    ocr_confidence      real,
    page_count          integer,
    ocr_key             text,
    fields              jsonb NOT NULL DEFAULT '{}'::jsonb,
    warnings            jsonb NOT NULL DEFAULT '[]'::jsonb,
    extraction_version  integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_tenant_created ON invoices (tenant_id, created_at DESC);

CREATE TABLE invoice_status_history (
    id          bigserial PRIMARY KEY,
    invoice_id  uuid NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    tenant_id   uuid NOT NULL,
    status      text NOT NULL,
    error       text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_status_history_invoice ON invoice_status_history (invoice_id, id);

-- Analytics projection: one row per invoice holding what it currently contributes,
-- so a redelivered or re-extracted invoice replaces its contribution instead of adding it twice.
CREATE TABLE analytics_invoice_facts (
    invoice_id          uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL,
    -- All NULL when the invoice has no total and so contributes nothing.
    vendor              text,
    month               text,                       -- YYYY-MM or 'unknown'
    currency            text,
    total               numeric(14, 2),
    extraction_version  integer NOT NULL,
    last_event_id       uuid NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE analytics_aggregates (
    tenant_id      uuid NOT NULL,
    dimension      text NOT NULL,                  -- vendor | month | currency
    key            text NOT NULL,
    currency       text NOT NULL,
    invoice_count  integer NOT NULL,
    total_sum      numeric(16, 2) NOT NULL,
    PRIMARY KEY (tenant_id, dimension, key, currency)
);

-- Messages a consumer gave up on after its last delivery attempt, for operators to inspect and replay.
CREATE TABLE dead_letters (
    id           bigserial PRIMARY KEY,
    consumer     text NOT NULL,
    subject      text NOT NULL,
    tenant_id    uuid,
    invoice_id   uuid,
    payload      jsonb NOT NULL,
    error        text NOT NULL,
    attempts     integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
