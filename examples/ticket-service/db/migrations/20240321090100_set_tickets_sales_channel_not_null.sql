-- tickets.sales_channel, step 5 of 5: SET NOT NULL. The validated CHECK (sales_channel IS
-- NOT NULL) proves there is no NULL, so PostgreSQL 12+ skips the full scan and the ACCESS
-- EXCLUSIVE lock is held for an instant. The CHECK is redundant afterwards and dropped.
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets ALTER COLUMN sales_channel SET NOT NULL;
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_sales_channel_not_null;

-- migrate:down
-- Back to step 4: the validated CHECK instead of NOT NULL.
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets ADD CONSTRAINT tickets_sales_channel_not_null
  CHECK (sales_channel IS NOT NULL) NOT VALID;
ALTER TABLE tickets VALIDATE CONSTRAINT tickets_sales_channel_not_null;
ALTER TABLE tickets ALTER COLUMN sales_channel DROP NOT NULL;
