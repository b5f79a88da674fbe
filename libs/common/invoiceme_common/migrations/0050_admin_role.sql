-- Issue 13: admin is a role an operator grants (`invoiceme admin grant EMAIL`), never inferred from
-- an email a user chose at sign-up. NULL = not an admin.
ALTER TABLE users ADD COLUMN admin_granted_at timestamptz;
