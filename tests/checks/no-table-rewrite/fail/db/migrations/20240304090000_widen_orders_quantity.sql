-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;

-- migrate:down
-- quantity stays bigint
