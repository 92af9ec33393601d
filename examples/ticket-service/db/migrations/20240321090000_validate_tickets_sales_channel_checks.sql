-- tickets.sales_channel, step 4 of 5: validate the constraints. VALIDATE CONSTRAINT scans
-- the table under SHARE UPDATE EXCLUSIVE only: reads and writes go on meanwhile.
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets VALIDATE CONSTRAINT tickets_sales_channel_not_null;
ALTER TABLE tickets VALIDATE CONSTRAINT tickets_sales_channel_check;

-- migrate:down
-- A validation cannot be undone (nor needs to be); the constraints are dropped by the down
-- of 20240320090200_add_tickets_sales_channel_checks.
SELECT 1;
