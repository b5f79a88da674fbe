-- Product API (issue 6, part A): accounts, businesses, invoice review, history and live status.

-- Accounts ------------------------------------------------------------------------------------
ALTER TABLE users ADD COLUMN full_name text NOT NULL DEFAULT '';
-- Supabase user id when the account came from a Supabase-issued token.
ALTER TABLE users ADD COLUMN external_subject text UNIQUE;
ALTER TABLE tenants ADD COLUMN business_tax_id text;          -- the user's own ע.מ./ח.פ.
ALTER TABLE tenants ADD COLUMN base_currency text NOT NULL DEFAULT 'ILS';

-- Refresh tokens rotate: each use marks the row used and issues a child in the same family.
-- A second use of a used token revokes the whole family (it was stolen or replayed).
CREATE TABLE refresh_tokens (
    token_hash  text PRIMARY KEY,                   -- sha256 of the opaque token
    family_id   uuid NOT NULL,
    user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tenant_id   uuid NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Failed logins per key ("email|ip" and "email"), for lockout with growing back-off.
CREATE TABLE login_failures (
    key           text PRIMARY KEY,
    failures      integer NOT NULL,
    locked_until  timestamptz,
    last_failure  timestamptz NOT NULL DEFAULT now()
);

-- Businesses (vendors) ----------------------------------------------------------------------
CREATE TABLE businesses (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name           text NOT NULL,
    name_key       text NOT NULL,                   -- normalized name (vendor_matching.normalize_name)
    tax_id         text,
    aliases        text[] NOT NULL DEFAULT '{}',
    monthly_limit  numeric(14, 2),
    display_order  integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name_key)
);
CREATE INDEX businesses_tenant_order ON businesses (tenant_id, display_order, name);
CREATE INDEX businesses_tenant_tax ON businesses (tenant_id, tax_id);

-- Invoices: business, matching decision, duplicates, review, search ------------------------
ALTER TABLE invoices ADD COLUMN business_id uuid REFERENCES businesses(id) ON DELETE SET NULL;
ALTER TABLE invoices ADD COLUMN match_method text;       -- tax_id | name | alias | manual | none
ALTER TABLE invoices ADD COLUMN match_score real;
ALTER TABLE invoices ADD COLUMN match_candidates jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE invoices ADD COLUMN matched_version integer;  -- extraction_version the decision was made for
ALTER TABLE invoices ADD COLUMN possible_duplicate_of uuid;
ALTER TABLE invoices ADD COLUMN reviewed_at timestamptz;
ALTER TABLE invoices ADD COLUMN reviewed_by uuid;
ALTER TABLE invoices ADD COLUMN ocr_text text;
ALTER TABLE invoices ADD COLUMN search_text text NOT NULL DEFAULT '';   -- Hebrew-normalized
ALTER TABLE invoices ADD COLUMN reextract_provider text;  -- provider asked for by a pending re-extract
CREATE INDEX invoices_tenant_sha ON invoices (tenant_id, sha256);
CREATE INDEX invoices_tenant_business ON invoices (tenant_id, business_id);
CREATE INDEX invoice_status_history_tenant ON invoice_status_history (tenant_id, id);

-- Every user edit: who, when, and each field's old -> new.
CREATE TABLE invoice_edits (
    id          bigserial PRIMARY KEY,
    invoice_id  uuid NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    tenant_id   uuid NOT NULL,
    user_id     uuid,
    changes     jsonb NOT NULL,                     -- [{"field", "old", "new"}]
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_edits_invoice ON invoice_edits (invoice_id, id);

-- Every distinct set of fields an invoice had, whoever wrote it (extractor, re-extract, edit,
-- restore), so a re-extraction is kept beside the old result and the user can pick either.
CREATE TABLE invoice_extractions (
    id                  bigserial PRIMARY KEY,
    invoice_id          uuid NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    tenant_id           uuid NOT NULL,
    extraction_version  integer NOT NULL,
    kind                text NOT NULL,          -- extraction | edit | restore
    provider            text,
    fields              jsonb NOT NULL,
    warnings            jsonb NOT NULL,
    at                  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_extractions_invoice ON invoice_extractions (invoice_id, id);

-- Written by a trigger so the extractor needs no change: the gateway marks its own writes with
-- `SET LOCAL invoiceme.save_kind = 'edit'|'restore'`; anything else is an extraction.
CREATE FUNCTION invoiceme_record_extraction() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    save_kind text := coalesce(nullif(current_setting('invoiceme.save_kind', true), ''), 'extraction');
BEGIN
    IF NEW.fields IS DISTINCT FROM OLD.fields AND NEW.fields <> '{}'::jsonb THEN
        INSERT INTO invoice_extractions (invoice_id, tenant_id, extraction_version, kind, provider, fields, warnings)
        VALUES (NEW.id, NEW.tenant_id, NEW.extraction_version, save_kind,
                CASE WHEN save_kind = 'extraction' THEN NEW.reextract_provider END, NEW.fields, NEW.warnings);
        IF save_kind = 'extraction' THEN
            NEW.reextract_provider := NULL;
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_record_extraction BEFORE UPDATE OF fields ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoiceme_record_extraction();

-- Live status: wake the gateway's SSE streams; the payload is the tenant, rows are read by id.
CREATE FUNCTION invoiceme_notify_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('invoiceme_status', NEW.tenant_id::text);
    RETURN NEW;
END $$;
CREATE TRIGGER invoice_status_history_notify AFTER INSERT ON invoice_status_history
    FOR EACH ROW EXECUTE FUNCTION invoiceme_notify_status();
