-- tickets.sales_channel, step 1 of 5 of adding a NOT NULL column to a populated table:
-- add it nullable (no rewrite, no scan) with a default for the rows inserted from now on.
-- Existing rows stay NULL until the backfill (next migration).
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS sales_channel text;
ALTER TABLE tickets ALTER COLUMN sales_channel SET DEFAULT 'online';

-- migrate:down
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets DROP COLUMN IF EXISTS sales_channel;
