-- migrate:up
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS cancelled_at timestamptz;

-- migrate:down
ALTER TABLE subscriptions DROP COLUMN IF EXISTS cancelled_at;
