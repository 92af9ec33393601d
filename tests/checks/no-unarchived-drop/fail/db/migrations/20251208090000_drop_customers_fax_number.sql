-- migrate:up
ALTER TABLE customers DROP COLUMN IF EXISTS fax_number;

-- migrate:down
ALTER TABLE customers ADD COLUMN IF NOT EXISTS fax_number text;
