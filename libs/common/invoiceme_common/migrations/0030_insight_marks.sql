-- A user's read/dismiss marks on insights are the gateway's data; the analytics service owns the
-- findings (`insights`) and deletes one that is no longer true. Marks are keyed by fingerprint, so a
-- finding that comes back (same fingerprint) is still read or dismissed.
CREATE TABLE insight_marks (
    tenant_id     uuid NOT NULL,
    fingerprint   text NOT NULL,
    read_at       timestamptz,
    dismissed_at  timestamptz,
    PRIMARY KEY (tenant_id, fingerprint)
);
INSERT INTO insight_marks (tenant_id, fingerprint, read_at, dismissed_at)
    SELECT tenant_id, fingerprint, read_at, dismissed_at FROM insights
    WHERE read_at IS NOT NULL OR dismissed_at IS NOT NULL;
ALTER TABLE insights DROP COLUMN read_at, DROP COLUMN dismissed_at;
