-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS delivered_at timestamptz(3);

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE shipments DROP COLUMN IF EXISTS delivered_at;
