-- migrate:up
SET lock_timeout = '5s';
-- constant defaults are stored in the catalog since PostgreSQL 11: no rewrite
ALTER TABLE orders ADD COLUMN IF NOT EXISTS priority integer NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'pending';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS tags text[];

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS tags;
ALTER TABLE orders DROP COLUMN IF EXISTS status;
ALTER TABLE orders DROP COLUMN IF EXISTS priority;
