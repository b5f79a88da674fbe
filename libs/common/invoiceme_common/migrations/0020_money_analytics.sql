-- Money, analytics facts, insights (tenants.base_currency, businesses and invoices.business_id
-- come from 0010, which always runs first).

-- Exchange rates fetched from an online provider, cached per requested pair and date.
CREATE TABLE fx_rates (
    base        text NOT NULL,
    quote       text NOT NULL,
    for_date    date NOT NULL,          -- the invoice date asked about
    rate        numeric(18, 8) NOT NULL,
    rate_date   date NOT NULL,          -- the date the rate was published for (<= for_date)
    source      text NOT NULL,
    fetched_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (base, quote, for_date)
);

-- The projection's per-invoice facts: everything the figures, insights and VAT reclaim need.
ALTER TABLE analytics_invoice_facts
    ADD COLUMN business_id        uuid,
    ADD COLUMN invoice_date       date,
    ADD COLUMN status             text,
    ADD COLUMN document_type      text,
    ADD COLUMN invoice_number     text,
    ADD COLUMN subtotal           numeric(14, 2),
    ADD COLUMN vat_amount         numeric(14, 2),
    ADD COLUMN allocation_number  text,
    ADD COLUMN before_vat_ils     numeric(14, 2),
    ADD COLUMN base_currency      text,
    ADD COLUMN base_total         numeric(14, 2),   -- NULL when no rate was found (see fx_warning)
    ADD COLUMN fx_rate            numeric(18, 8),
    ADD COLUMN fx_rate_date       date,
    ADD COLUMN fx_source          text,
    ADD COLUMN fx_warning         text,
    ADD COLUMN reclaimable_vat    numeric(14, 2),   -- in the base currency
    ADD COLUMN vat_reclaim_reason text,
    ADD COLUMN deleted            boolean NOT NULL DEFAULT false;
CREATE INDEX analytics_facts_tenant ON analytics_invoice_facts (tenant_id, month) WHERE NOT deleted;

CREATE TABLE insights (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    kind              text NOT NULL,
    fingerprint       text NOT NULL,       -- same finding -> same fingerprint, so refreshes don't repeat it
    severity          text NOT NULL,       -- info | warning | critical
    period            text,
    business_id       uuid,
    invoice_ids       uuid[] NOT NULL DEFAULT '{}',
    data              jsonb NOT NULL,
    narrative         text NOT NULL,
    narrative_source  text NOT NULL,       -- template | llm
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    read_at           timestamptz,
    dismissed_at      timestamptz,
    UNIQUE (tenant_id, fingerprint)
);
CREATE INDEX insights_tenant ON insights (tenant_id, created_at DESC);

-- How much changed since insights were last generated (the projection bumps it in its transaction).
CREATE TABLE analytics_tenant_state (
    tenant_id               uuid PRIMARY KEY,
    changes_since_insights  integer NOT NULL DEFAULT 0,
    insights_generated_at   timestamptz
);
