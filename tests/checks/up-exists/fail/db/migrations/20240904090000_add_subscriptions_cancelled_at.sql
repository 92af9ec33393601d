ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS cancelled_at timestamptz;
