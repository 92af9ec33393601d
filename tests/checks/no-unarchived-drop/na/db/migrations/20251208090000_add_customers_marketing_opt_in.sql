-- migrate:up
ALTER TABLE customers ADD COLUMN IF NOT EXISTS marketing_opt_in boolean NOT NULL DEFAULT false;

-- migrate:down
ALTER TABLE customers DROP COLUMN IF EXISTS marketing_opt_in;
