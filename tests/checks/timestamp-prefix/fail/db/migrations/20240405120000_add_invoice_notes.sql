-- migrate:up
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS notes text;

-- migrate:down
ALTER TABLE invoices DROP COLUMN IF EXISTS notes;
