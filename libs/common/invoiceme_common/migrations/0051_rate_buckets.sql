-- Issue 13: decaying, atomic rate limits (log-in per account and per client address, sign-up per
-- address). A leaky bucket per key: `level` drains by one every refill interval; an attempt is taken
-- only when it fits under the burst. Replaces login_failures (counts that never decayed).
CREATE TABLE rate_buckets (
    key         text PRIMARY KEY,
    level       double precision NOT NULL,
    taken       boolean NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_buckets_updated ON rate_buckets (updated_at);
DROP TABLE IF EXISTS login_failures;
