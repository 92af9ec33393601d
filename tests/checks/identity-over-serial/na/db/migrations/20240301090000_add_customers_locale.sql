-- migrate:up
-- customers belongs to the accounts service; this service only adds a column
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN IF NOT EXISTS preferred_locale text;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE customers DROP COLUMN IF EXISTS preferred_locale;
