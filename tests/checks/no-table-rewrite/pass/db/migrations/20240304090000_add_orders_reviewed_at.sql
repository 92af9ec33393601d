-- migrate:up
SET lock_timeout = '5s';
-- now() is STABLE, not volatile: evaluated once, stored as the default for existing rows
ALTER TABLE orders ADD COLUMN IF NOT EXISTS reviewed_at timestamptz DEFAULT now();

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS reviewed_at;
