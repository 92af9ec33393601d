-- migrate:up
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
SET lock_timeout = '5s';

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS note;
