-- migrate:up
ALTER TABLE orders ADD COLUMN IF NOT EXISTS notes text;

-- migrate:down
ALTER TABLE orders DROP COLUMN IF EXISTS notes;
