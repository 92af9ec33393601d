-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;

-- migrate:down
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS note;
