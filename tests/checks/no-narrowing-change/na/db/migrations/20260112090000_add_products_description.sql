-- migrate:up
ALTER TABLE products ADD COLUMN IF NOT EXISTS description text;

-- migrate:down
ALTER TABLE products DROP COLUMN IF EXISTS description;
