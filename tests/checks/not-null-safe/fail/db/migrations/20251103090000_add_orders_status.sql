-- migrate:up
ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL;

-- migrate:down
ALTER TABLE orders DROP COLUMN IF EXISTS status;
