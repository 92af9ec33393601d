-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS delivered_at timestamp(3) without time zone;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE shipments DROP COLUMN IF EXISTS delivered_at;
