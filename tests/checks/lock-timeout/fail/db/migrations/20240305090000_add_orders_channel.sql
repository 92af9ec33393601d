-- migrate:up
SET lock_timeout = 0;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS channel text;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS channel;
