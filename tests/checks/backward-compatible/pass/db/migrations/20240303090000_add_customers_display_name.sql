-- migrate:up
-- expand: a new column next to full_name; the old one stays until no release reads it
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN IF NOT EXISTS display_name text;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE customers DROP COLUMN IF EXISTS display_name;
