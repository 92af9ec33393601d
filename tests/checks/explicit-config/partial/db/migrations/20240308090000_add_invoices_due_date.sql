-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS due_date date;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE invoices DROP COLUMN IF EXISTS due_date;
