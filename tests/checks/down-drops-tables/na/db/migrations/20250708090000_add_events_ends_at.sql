-- migrate:up
ALTER TABLE events ADD COLUMN IF NOT EXISTS ends_at timestamptz;

-- migrate:down
ALTER TABLE events DROP COLUMN IF EXISTS ends_at;
