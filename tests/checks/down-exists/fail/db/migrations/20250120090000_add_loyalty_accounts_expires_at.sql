-- migrate:up
ALTER TABLE loyalty_accounts ADD COLUMN IF NOT EXISTS expires_at timestamptz;

-- migrate:down
-- nothing to do
