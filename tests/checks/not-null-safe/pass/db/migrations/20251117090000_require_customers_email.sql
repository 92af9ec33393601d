-- migrate:up
-- Step 2: validate (SHARE UPDATE EXCLUSIVE, no write block), then SET NOT NULL uses the
-- validated constraint instead of scanning the table.
ALTER TABLE customers VALIDATE CONSTRAINT customers_email_not_null;
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
ALTER TABLE customers DROP CONSTRAINT customers_email_not_null;

-- migrate:down
ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;
ALTER TABLE customers ADD CONSTRAINT customers_email_not_null CHECK (email IS NOT NULL) NOT VALID;
