-- migrate:up
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS pdf_url text;

-- migrate:down
ALTER TABLE invoices DROP COLUMN IF EXISTS pdf_url;
