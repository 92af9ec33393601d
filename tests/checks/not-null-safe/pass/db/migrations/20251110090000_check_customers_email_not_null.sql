-- migrate:up
-- Step 1: new rows must have an email; existing rows are not scanned yet.
ALTER TABLE customers ADD CONSTRAINT customers_email_not_null CHECK (email IS NOT NULL) NOT VALID;

-- migrate:down
ALTER TABLE customers DROP CONSTRAINT IF EXISTS customers_email_not_null;
