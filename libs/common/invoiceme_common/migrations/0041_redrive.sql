-- Issue 11: the reconciler re-drives invoices that stopped moving; operators see how often it did.
ALTER TABLE invoices ADD COLUMN redriven_count integer NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN last_redriven_at timestamptz;
