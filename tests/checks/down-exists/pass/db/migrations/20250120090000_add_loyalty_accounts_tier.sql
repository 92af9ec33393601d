-- migrate:up
ALTER TABLE loyalty_accounts ADD COLUMN IF NOT EXISTS tier text NOT NULL DEFAULT 'bronze';

-- migrate:down
ALTER TABLE loyalty_accounts DROP COLUMN IF EXISTS tier;
