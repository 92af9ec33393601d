-- migrate:up
SET LOCAL lock_timeout = '3s';
SET LOCAL statement_timeout = '30s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;

-- migrate:down
SET LOCAL lock_timeout = '3s';
ALTER TABLE orders DROP COLUMN IF EXISTS note;
