-- migrate:up
UPDATE customers SET phone = '' WHERE phone IS NULL;
ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;

-- migrate:down
ALTER TABLE customers ALTER COLUMN phone DROP NOT NULL;
