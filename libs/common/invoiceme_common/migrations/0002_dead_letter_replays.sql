-- When an operator re-published a dead letter (`invoiceme dead-letters replay`).
ALTER TABLE dead_letters ADD COLUMN replayed_at timestamptz;
