-- migrate:up
-- lock_timeout comes from migsafe.toml: the runner sets it before every migration.
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS note text;

-- migrate:down
ALTER TABLE invoices DROP COLUMN IF EXISTS note;
