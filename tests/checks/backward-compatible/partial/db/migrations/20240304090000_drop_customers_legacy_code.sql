-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE customers DROP COLUMN IF EXISTS legacy_code;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN IF NOT EXISTS legacy_code text;
