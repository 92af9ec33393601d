-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS currency char(3) NOT NULL DEFAULT 'EUR';

-- migrate:down
ALTER TABLE orders DROP COLUMN IF EXISTS currency;
