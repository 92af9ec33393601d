-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS captured_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS captured_at;
