-- tickets.sales_channel, step 3 of 5: constraints added NOT VALID (enforced for new and
-- updated rows at once, without scanning the table under lock). Added after the backfill:
-- before it, an update of an old row (still NULL) would violate the NOT NULL check.
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets ADD CONSTRAINT tickets_sales_channel_not_null
  CHECK (sales_channel IS NOT NULL) NOT VALID;
ALTER TABLE tickets ADD CONSTRAINT tickets_sales_channel_check
  CHECK (sales_channel IN ('online', 'box_office', 'partner')) NOT VALID;

-- migrate:down
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_sales_channel_check;
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_sales_channel_not_null;
