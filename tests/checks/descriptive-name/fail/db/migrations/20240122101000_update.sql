-- migrate:up
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS delivered_at timestamptz;

-- migrate:down
ALTER TABLE shipments DROP COLUMN IF EXISTS delivered_at;
