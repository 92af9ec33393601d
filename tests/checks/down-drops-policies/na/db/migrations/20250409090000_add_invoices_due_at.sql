-- migrate:up
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS due_at timestamptz;

-- migrate:down
ALTER TABLE invoices DROP COLUMN IF EXISTS due_at;
